using Microsoft.Extensions.Options;

namespace PeerCircle.Web.Features.Outcomes.Surveys;

public static class SurveysExtensions
{
    public static WebApplicationBuilder AddOutcomeSurveys(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SurveyOptions>()
            .BindConfiguration("Outcomes")
            .Validate(o => o.BaselineOpenDays is >= 1 and <= 365 && o.FollowUpOpenDays is >= 1 and <= 365,
                "Outcomes:BaselineOpenDays and Outcomes:FollowUpOpenDays must be between 1 and 365.")
            .Validate(o => o.MaxReminders is >= 0 and <= 5 && o.RemindAgainAfterDays is >= 1 and <= 60,
                "Outcomes:MaxReminders must be between 0 and 5, and Outcomes:RemindAgainAfterDays between 1 and 60.")
            .Validate(o => o.FollowUpsAfterLeavingUpToDays is >= 0 and <= 3650, "Outcomes:FollowUpsAfterLeavingUpToDays must be between 0 and 3650.")
            .ValidateOnStart();
        builder.Services.AddScoped<SurveyScheduler>();
        builder.Services.AddScoped<MySurveys>();
        builder.Services.AddScoped<AnswerSurvey>();
        builder.Services.AddHostedService<SurveySweepService>();
        return builder;
    }

    /// <summary>
    /// Brings the survey schedule up to date before the app serves anyone (creating baselines for members accepted while
    /// it was down, or seeded), without sending e-mail; the hourly sweep sends reminders. Off with Outcomes:BackgroundSweep=false.
    /// Runs after the instruments and the demo program are seeded.
    /// </summary>
    public static async Task ScheduleSurveysAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<SurveyOptions>>().Value.BackgroundSweep)
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SurveyScheduler>().ScheduleAsync(CancellationToken.None);
    }
}
