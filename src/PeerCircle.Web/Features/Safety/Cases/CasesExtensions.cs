namespace PeerCircle.Web.Features.Safety.Cases;

public static class CasesExtensions
{
    /// <summary>Escalation cases: the safety net, the clinician queue and case page, and the minute-by-minute sweep.</summary>
    public static WebApplicationBuilder AddSafetyCases(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CaseOptions>()
            .BindConfiguration("Safety")
            .Validate(o => o.DueHours.Urgent is > 0 and <= 72, "Safety:DueHours:Urgent must be between 0 and 72 hours.")
            .Validate(o => o.DueBusinessDays.Priority is >= 1 and <= 30 && o.DueBusinessDays.Routine is >= 1 and <= 30,
                "Safety:DueBusinessDays:Priority and :Routine must be between 1 and 30.")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Safety:TimeZone must be a time zone id such as America/New_York.")
            .ValidateOnStart();
        builder.Services.AddSingleton<CaseBoard>();
        builder.Services.AddScoped<SafetyNet>();
        builder.Services.AddScoped<CaseSweep>();
        builder.Services.AddScoped<CaseWork>();
        builder.Services.AddScoped<CaseQueries>();
        builder.Services.AddSingleton<ClinicalNoteProtector>();
        builder.Services.AddHostedService<CaseSweepService>();
        return builder;
    }
}
