namespace PeerCircle.Web.Features.Joining;

public static class JoiningExtensions
{
    public static WebApplicationBuilder AddJoining(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<JoiningOptions>()
            .BindConfiguration("Joining")
            .Validate(o => o.OfferHours is >= 1 and <= 24 * 14, "Joining:OfferHours must be between 1 and 336.")
            .ValidateOnStart();
        builder.Services.AddScoped<GroupPlaces>();
        builder.Services.AddScoped<JoinGroup>();
        builder.Services.AddScoped<ChangeMyMembership>();
        builder.Services.AddScoped<DecideJoinRequest>();
        builder.Services.AddHostedService<PlaceOfferService>();
        return builder;
    }
}
