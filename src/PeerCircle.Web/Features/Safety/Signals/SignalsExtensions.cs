using PeerCircle.Web.Features.Safety.Grief;

namespace PeerCircle.Web.Features.Safety.Signals;

public static class SignalsExtensions
{
    public static WebApplicationBuilder AddSafetySignals(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SignalOptions>().Bind(builder.Configuration.GetSection("Safety"))
            .Validate(o => o.FollowUpDistress is >= 1 and <= 10 && o.PriorityDistress is >= 1 and <= 10 && o.FollowUpDistress <= o.PriorityDistress,
                "Safety:FollowUpDistress and Safety:PriorityDistress must be 1–10, follow-up not above priority.")
            .ValidateOnStart();
        builder.Services.AddScoped<SafetySignals>();
        builder.Services.AddScoped<RecordGriefCheckIn>();
        builder.Services.AddScoped<RaiseConcern>();
        return builder;
    }
}
