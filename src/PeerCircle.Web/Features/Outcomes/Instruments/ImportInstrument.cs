using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Outcomes;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Outcomes.Instruments;

public sealed record ImportInstrumentResult(long? InstrumentId, string? Title, IReadOnlyList<string> Problems)
{
    public bool Saved => InstrumentId is not null;
}

/// <summary>
/// Imports an instrument a coordinator uploads: a FHIR R4 Questionnaire, its scoring rules and the licence the program
/// holds to use it. Everything is checked first and every problem is named; nothing is saved unless all is right.
/// The instrument is not asked until a coordinator adds it to the schedule.
/// </summary>
public sealed class ImportInstrument(PeerCircleDb db, AuditTrail audit, TimeProvider time, InstrumentDefinitionCache cache, IStringLocalizer<SharedResource> text)
{
    public const int MaxBytes = 1_000_000;
    public const int MaxLicenseNote = 1000;
    private const string NoScales = """{ "scales": [] }""";

    /// <summary>
    /// Checks and saves. A file passed as null was not given or could not be read: the caller has named that problem,
    /// nothing is saved, and the other file is still checked.
    /// </summary>
    public async Task<ImportInstrumentResult> HandleAsync(
        string? questionnaireJson, string? scoringJson, string? licenseNote, string source, string coordinatorId, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var note = licenseNote?.Trim() ?? "";
        if (note.Length == 0)
        {
            problems.Add(text["Please say how the program is licensed to use this instrument (for example who gave permission, and when)."]);
        }
        else if (note.Length > MaxLicenseNote)
        {
            problems.Add(text["Please keep the licence note to {0} characters or fewer.", MaxLicenseNote]);
        }
        // A file that was not given (null) is named by the caller; the other one is still checked as far as it can be.
        InstrumentDefinition? definition = null;
        if (questionnaireJson is not null)
        {
            var found = FhirQuestionnaires.Check(0, questionnaireJson, scoringJson ?? NoScales, out definition);
            problems.AddRange(found.Select(p => p.Localize(text)));
        }
        if (definition is not null
            && await db.Instruments.AnyAsync(i => i.Key == definition.Key && i.Version == definition.Version, cancellationToken))
        {
            problems.Add(text["An instrument “{0}” version {1} is already here. To add a changed one, give it a new version.", definition.Key, definition.Version]);
        }
        if (problems.Count > 0 || definition is null || questionnaireJson is null || scoringJson is null)
        {
            return new ImportInstrumentResult(null, null, problems);
        }

        var instrument = new Instrument
        {
            Key = definition.Key,
            Version = definition.Version,
            Title = definition.Title,
            Description = definition.Description,
            QuestionnaireJson = questionnaireJson!,
            ScoringJson = scoringJson!,
            Origin = InstrumentOrigin.Imported,
            LicenseNote = note,
            Active = true,
            ImportedById = coordinatorId,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.Instruments.Add(instrument);
        audit.StageChange(AuditActions.OutcomesInstrumentImported, "Instrument", $"{definition.Key} {definition.Version}",
            $"{source}: {definition.Items.Count()} items, {definition.Scales.Count} scales; licence: {note}");
        await db.SaveChangesAsync(cancellationToken);
        cache.Set(definition with { Id = instrument.Id });
        return new ImportInstrumentResult(instrument.Id, instrument.Title, []);
    }
}

/// <summary>The import form's text field (the two files are read from the request).</summary>
public sealed class ImportInstrumentForm
{
    public string? LicenseNote { get; set; }
}
