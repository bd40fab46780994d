using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Outcomes;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Outcomes.Instruments;

/// <summary>
/// At start-up, in every environment (it is program content, not demo data): adds the shipped Peer Support Benefits
/// questionnaire (content/outcomes) when its key and version are not in the database yet, and gives it the default
/// schedule — a baseline at day 0 and follow-ups at <c>Outcomes:FollowUpDays</c> (default 56, 91 and 182 days) —
/// when it has no schedule points at all. Points a coordinator removed stay removed.
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
        if (definition is null)
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
        if (instrument.Id == 0 || !await db.SurveySchedulePoints.AnyAsync(p => p.InstrumentId == instrument.Id, cancellationToken))
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

    [LoggerMessage(Level = LogLevel.Error, Message = "The shipped Peer Support Benefits questionnaire is not valid: {Problems}")]
    private static partial void LogInvalid(ILogger log, string problems);
}
