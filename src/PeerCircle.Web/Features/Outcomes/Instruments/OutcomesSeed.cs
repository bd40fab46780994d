using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Outcomes;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Outcomes.Instruments;

/// <summary>
/// At start-up, in every environment (it is program content, not demo data): adds the shipped Peer Support Benefits
/// questionnaire (content/outcomes) when its key and version are not in the database yet — or, when they are and only
/// its translations differ (the same questions, answers, scores and English words), saves the shipped file over the
/// stored one so an existing database gets the new translations — and gives it the default
/// schedule — a baseline at day 0 and follow-ups at <c>Outcomes:FollowUpDays</c> (default 56, 91 and 182 days) —
/// when it has no schedule points at all. Points a coordinator removed stay removed. A new version of a questionnaire
/// already there takes the active schedule points of the version before it instead of the defaults.
/// </summary>
public static partial class OutcomesSeed
{
    public static readonly IReadOnlyList<int> DefaultFollowUpDays = [56, 91, 182];

    public static string QuestionnairePath => Path.Combine(AppContext.BaseDirectory, "content", "outcomes", "peer-support-benefits.questionnaire.json");

    public static string ScoringPath => Path.Combine(AppContext.BaseDirectory, "content", "outcomes", "peer-support-benefits.scoring.json");

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OutcomesSeed));
        if (!File.Exists(QuestionnairePath) || !File.Exists(ScoringPath))
        {
            LogMissing(log, QuestionnairePath);
            return;
        }
        var questionnaireJson = await File.ReadAllTextAsync(QuestionnairePath, cancellationToken);
        var scoringJson = await File.ReadAllTextAsync(ScoringPath, cancellationToken);
        var problems = FhirQuestionnaires.Check(0, questionnaireJson, scoringJson, out var definition);
        if (definition is null || problems.Count > 0)
        {
            LogInvalid(log, string.Join(" | ", problems));
            return;
        }

        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var instrument = await db.Instruments.FirstOrDefaultAsync(i => i.Key == definition.Key && i.Version == definition.Version, cancellationToken);
        if (instrument is null)
        {
            instrument = new Instrument
            {
                Key = definition.Key,
                Version = definition.Version,
                Title = definition.Title,
                Description = definition.Description,
                QuestionnaireJson = questionnaireJson,
                ScoringJson = scoringJson,
                Origin = InstrumentOrigin.ProgramAuthored,
                Active = true,
                CreatedAtUtc = now,
            };
            db.Instruments.Add(instrument);
            audit.StageChange(AuditActions.OutcomesInstrumentAdded, "Instrument", $"{definition.Key} {definition.Version}",
                $"{definition.Title} version {definition.Version}, shipped with the program");
        }
        else if (instrument.QuestionnaireJson != questionnaireJson)
        {
            UpdateTranslations(instrument, questionnaireJson, definition, audit, log);
        }
        // A new version takes over the schedule of the newest earlier one, as a coordinator left it (active points
        // only). The earlier version stays active: members who started on it finish their series on it (see
        // SurveyScheduler), so their baseline and follow-ups answer the same questions.
        var earlier = instrument.Id != 0 ? null : await db.Instruments.AsNoTracking()
            .Where(i => i.Key == definition.Key && i.Origin == InstrumentOrigin.ProgramAuthored)
            .OrderByDescending(i => i.Id)
            .Select(i => new
            {
                i.Version,
                Points = db.SurveySchedulePoints.Where(p => p.InstrumentId == i.Id && p.Active)
                    .OrderBy(p => p.DaysAfterJoining).Select(p => new { p.DaysAfterJoining, p.Label }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (earlier is not null)
        {
            foreach (var point in earlier.Points)
            {
                db.SurveySchedulePoints.Add(new SurveySchedulePoint
                {
                    Instrument = instrument, DaysAfterJoining = point.DaysAfterJoining, Label = point.Label, Active = true, CreatedAtUtc = now,
                });
            }
            audit.StageChange(AuditActions.OutcomesSchedulePointAdded, "Instrument", $"{definition.Key} {definition.Version}",
                $"schedule of version {earlier.Version} carried over: days " + string.Join(", ", earlier.Points.Select(p => p.DaysAfterJoining)));
        }
        else if (instrument.Id == 0 || !await db.SurveySchedulePoints.AnyAsync(p => p.InstrumentId == instrument.Id, cancellationToken))
        {
            var days = FollowUpDays(scope.ServiceProvider.GetRequiredService<IConfiguration>());
            foreach (var day in days.Prepend(0))
            {
                db.SurveySchedulePoints.Add(new SurveySchedulePoint
                {
                    Instrument = instrument, DaysAfterJoining = day, Label = DefaultLabel(day), Active = true, CreatedAtUtc = now,
                });
            }
            audit.StageChange(AuditActions.OutcomesSchedulePointAdded, "Instrument", $"{definition.Key} {definition.Version}",
                "default schedule: days " + string.Join(", ", days.Prepend(0)));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The shipped file differs from the stored one of the same key and version. Translations do not change what a
    /// question asks, so answers already given keep their meaning and the version stays (a new version would split
    /// members' baselines from their follow-ups): when everything but the translations is the same, the stored file is
    /// replaced. Any other change needs a new version, so the stored one is kept and the problem logged.
    /// </summary>
    private static void UpdateTranslations(Instrument instrument, string questionnaireJson, InstrumentDefinition shipped, AuditTrail audit, ILogger log)
    {
        FhirQuestionnaires.Check(instrument.Id, instrument.QuestionnaireJson, instrument.ScoringJson, out var stored);
        if (stored is null || !SameExceptTranslations(stored, shipped))
        {
            LogChangedWithoutNewVersion(log, shipped.Key, shipped.Version);
            return;
        }
        if (Snapshot(stored with { Id = 0 }) == Snapshot(shipped with { Id = 0 }))
        {
            // Only the file's layout differs.
            return;
        }
        instrument.QuestionnaireJson = questionnaireJson;
        var languages = shipped.TranslatedLanguages.Count == 0 ? "none" : string.Join(", ", shipped.TranslatedLanguages);
        audit.StageChange(AuditActions.OutcomesInstrumentTranslationsUpdated, "Instrument", $"{shipped.Key} {shipped.Version}",
            $"translations of the shipped questionnaire updated; languages: {languages}");
    }

    /// <summary>The same questions, answer options, scores, scales and words as written, whatever the translations.</summary>
    public static bool SameExceptTranslations(InstrumentDefinition a, InstrumentDefinition b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Snapshot(a with { Id = 0, Translations = InstrumentText.None }) == Snapshot(b with { Id = 0, Translations = InstrumentText.None });
    }

    private static string Snapshot(InstrumentDefinition definition) => System.Text.Json.JsonSerializer.Serialize(definition);

    /// <summary>
    /// The follow-up days from <c>Outcomes:FollowUpDays</c>: a list (<c>Outcomes:FollowUpDays:0</c> …) or one comma-separated
    /// value; only whole numbers from 1 to 730 count. Without any, the defaults (8 weeks, 3 months, 6 months).
    /// </summary>
    public static IReadOnlyList<int> FollowUpDays(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Outcomes:FollowUpDays");
        var raw = section.GetChildren().Select(c => c.Value).ToList();
        if (raw.Count == 0 && section.Value is { } single)
        {
            raw = [.. single.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        }
        var days = raw
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : -1)
            .Where(d => d is >= 1 and <= ScheduleRules.MaxDays)
            .Distinct().Order().ToList();
        return days.Count > 0 ? days : DefaultFollowUpDays;
    }

    /// <summary>0 → "Baseline"; whole weeks under 12 weeks → "8 weeks"; otherwise months → "3 months".</summary>
    public static string DefaultLabel(int days)
    {
        if (days == 0)
        {
            return "Baseline";
        }
        if (days % 7 == 0 && days < 84)
        {
            return days == 7 ? "1 week" : $"{days / 7} weeks";
        }
        var months = (int)Math.Round(days / 30.4375, MidpointRounding.AwayFromZero);
        return months switch
        {
            0 => days == 1 ? "1 day" : $"{days} days",
            1 => "1 month",
            _ => $"{months} months",
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The Peer Support Benefits questionnaire was not found at {Path}")]
    private static partial void LogMissing(ILogger log, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "The shipped questionnaire {Key} version {Version} differs from the one in the database in more than its translations; it was not changed. Give the shipped file a new version.")]
    private static partial void LogChangedWithoutNewVersion(ILogger log, string key, string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "The shipped Peer Support Benefits questionnaire is not valid: {Problems}")]
    private static partial void LogInvalid(ILogger log, string problems);
}
