using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Outcomes;

namespace PeerCircle.Web.Features.Outcomes.Instruments;

/// <summary>Parsed instrument definitions by id, for the life of the app: an instrument row never changes once saved.</summary>
public sealed class InstrumentDefinitionCache
{
    private readonly ConcurrentDictionary<long, InstrumentDefinition> _definitions = new();

    public bool TryGet(long id, out InstrumentDefinition definition) => _definitions.TryGetValue(id, out definition!);

    public void Set(InstrumentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _definitions[definition.Id] = definition;
    }
}

/// <summary>The instruments the program has, ready to ask and score.</summary>
public sealed class InstrumentCatalog(PeerCircleDb db, InstrumentDefinitionCache cache)
{
    /// <summary>The key of the program-authored Peer Support Benefits questionnaire.</summary>
    public const string PeerSupportBenefitsKey = "peer-support-benefits";

    /// <summary>The stable scale keys of Peer Support Benefits, in the order reports show them.</summary>
    public static readonly IReadOnlyList<string> BenefitScales =
        ["hope", "support", "motivation", "self_esteem_efficacy", "sense_of_control", "belonging", "quality_of_life"];

    /// <summary>The instrument with this id, or null when there is none.</summary>
    public async Task<InstrumentDefinition?> GetAsync(long instrumentId, CancellationToken ct)
    {
        if (cache.TryGet(instrumentId, out var cached))
        {
            return cached;
        }
        var row = await db.Instruments.AsNoTracking()
            .Where(i => i.Id == instrumentId)
            .Select(i => new { i.QuestionnaireJson, i.ScoringJson })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var definition = FhirQuestionnaires.Read(instrumentId, row.QuestionnaireJson, row.ScoringJson);
        cache.Set(definition);
        return definition;
    }

    /// <summary>The current program instrument: the newest active Peer Support Benefits the program authored.</summary>
    public async Task<InstrumentDefinition> PeerSupportBenefitsAsync(CancellationToken ct)
    {
        var id = await db.Instruments.AsNoTracking()
            .Where(i => i.Key == PeerSupportBenefitsKey && i.Origin == InstrumentOrigin.ProgramAuthored)
            .OrderByDescending(i => i.Active).ThenByDescending(i => i.Id)
            .Select(i => (long?)i.Id)
            .FirstOrDefaultAsync(ct);
        return (id is { } found ? await GetAsync(found, ct) : null)
            ?? throw new InvalidOperationException("The Peer Support Benefits instrument is not in the database; it is seeded at start-up.");
    }
}
