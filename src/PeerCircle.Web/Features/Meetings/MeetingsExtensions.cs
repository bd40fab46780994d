using PeerCircle.Web.Features.Meetings.Runner;

namespace PeerCircle.Web.Features.Meetings;

public static class MeetingsExtensions
{
    public static WebApplicationBuilder AddMeetings(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SaveMeetingPlan>();
        builder.Services.AddScoped<RecordCheckIn>();
        builder.Services.AddScoped<MeetingRunner>();
        builder.Services.AddSingleton<MeetingRoom>();
        builder.Services.AddScoped<PastMeetings>();
        builder.Services.AddScoped<GiveFeedback>();
        builder.Services.AddScoped<FeedbackSummary>();
        builder.Services.AddScoped<SaveMeetingLog>();
        builder.Services.AddScoped<IncidentTrends>();
        builder.Services.AddScoped<RecordCheckInForMember>();
        builder.Services.AddScoped<OfferToPresent>();
        builder.Services.AddScoped<DecidePresentationOffer>();
        builder.Services.AddScoped<MeetingPrintout>();
        return builder;
    }
}
