using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Web.Features.Outcomes.Instruments;

namespace PeerCircle.Web.Features.Outcomes.Reports;

/// <summary>The instruments the reports describe (scale titles, order, better direction), by id, from the instrument catalog.</summary>
public sealed partial class OutcomeScales(PeerCircleDb db, InstrumentCatalog catalog, ILogger<OutcomeScales> log)
{
    public async Task<IReadOnlyDictionary<long, InstrumentDefinition>> InstrumentsAsync(CancellationToken cancellationToken)
    {
        var ids = await db.Instruments.AsNoTracking().OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        var definitions = new Dictionary<long, InstrumentDefinition>();
        foreach (var id in ids)
        {
            try
            {
                if (await catalog.GetAsync(id, cancellationToken) is { } definition)
                {
                    definitions[id] = definition;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A stored instrument that no longer reads still has its scores reported, under the scale keys.
                LogUnreadable(log, ex, id);
            }
        }
        return definitions;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instrument {InstrumentId} could not be read; its scales are reported by key.")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, long instrumentId);
}
