using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Outcomes;

namespace PeerCircle.Web.Features.Outcomes.Instruments;

/// <summary>
/// Parsed instrument definitions by id, and each in the languages asked for, for the life of the app: an instrument's
/// questions never change once saved (the start-up seed may add translations to the shipped one before any is read).
/// </summary>
public sealed class InstrumentDefinitionCache
{
    private readonly ConcurrentDictionary<long, InstrumentDefinition> _definitions = new();
    private readonly ConcurrentDictionary<(long Id, string Culture), InstrumentDefinition> _localized = new();

    public bool TryGet(long id, out InstrumentDefinition definition) => _definitions.TryGetValue(id, out definition!);

    public void Set(InstrumentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _definitions[definition.Id] = definition;
        foreach (var key in _localized.Keys.Where(k => k.Id == definition.Id))
        {
            _localized.TryRemove(key, out _);
        }
    }

    /// <summary>The definition in one culture's language, made once per instrument and culture.</summary>
    public InstrumentDefinition Localized(InstrumentDefinition definition, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(culture);
        return definition.Translations.Count == 0
            ? definition
            : _localized.GetOrAdd((definition.Id, culture.Name), _ => FhirQuestionnaires.Localized(definition, culture));
    }
}

/// <summary>The instruments the program has, ready to ask and score.</summary>
public sealed class InstrumentCatalog(PeerCircleDb db, InstrumentDefinitionCache cache)
{
    /// <summary>The key of the program-authored Peer Support Benefits questionnaire.</summary>
    public const string PeerSupportBenefitsKey = "peer-support-benefits";

    /// <summary>The stable scale keys of Peer Support Benefits, in the order reports show them.</summary>
    public static readonly IReadOnlyList<string> BenefitScales =
        ["hope", "support", "motivation", "self_esteem_efficacy", "sense_of_control", "belonging", "quality_of_life",
         "overall_quality_of_life"];

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

    /// <summary>
    /// The instrument with this id as a member reads it: its texts in <paramref name="culture"/>'s language where the
    /// Questionnaire has them, English text by text where it does not. Only for showing; score with <see cref="GetAsync"/>.
    /// </summary>
    public async Task<InstrumentDefinition?> GetLocalizedAsync(long instrumentId, CultureInfo culture, CancellationToken ct) =>
        await GetAsync(instrumentId, ct) is { } definition ? cache.Localized(definition, culture) : null;

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
