namespace PeerCircle.Web.Features.Supervision;

public sealed class SupervisionOptions
{
    /// <summary>Who hears about "I need to debrief now" requests; when empty, every coordinator does.</summary>
    public string OnCallEmail { get; set; } = "";
}

public static class SupervisionExtensions
{
    public static WebApplicationBuilder AddSupervision(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SupervisionOptions>()
            .BindConfiguration("Supervision")
            .Validate(o => o.OnCallEmail.Length == 0 || MimeKit.MailboxAddress.TryParse(o.OnCallEmail, out _),
                "Supervision:OnCallEmail must be empty or a valid address.")
            .ValidateOnStart();
        builder.Services.AddScoped<RecordCheckIn>();
        builder.Services.AddScoped<RequestDebriefNow>();
        builder.Services.AddScoped<PauseFacilitation>();
        builder.Services.AddScoped<TakeDebriefRequest>();
        builder.Services.AddScoped<RecordWeeklyDebrief>();
        builder.Services.AddScoped<RecordDebriefNotes>();
        builder.Services.AddScoped<ReadDebrief>();
        return builder;
    }
}
