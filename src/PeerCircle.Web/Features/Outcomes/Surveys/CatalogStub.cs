// TEMPORARY: stands in for the instruments engineer's InstrumentCatalog until branch outcomes-instruments is merged.
namespace PeerCircle.Web.Features.Outcomes.Instruments;

public sealed class InstrumentCatalog
{
    public static Func<long, InstrumentDefinition?>? Stand { get; set; }

    public Task<InstrumentDefinition?> GetAsync(long instrumentId, CancellationToken ct) => Task.FromResult(Stand?.Invoke(instrumentId));
}
