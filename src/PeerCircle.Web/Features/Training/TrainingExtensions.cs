namespace PeerCircle.Web.Features.Training;

public static class TrainingExtensions
{
    public static WebApplicationBuilder AddTraining(this WebApplicationBuilder builder)
    {
        // Loaded now, so a content file that does not parse stops start-up instead of failing a learner later.
        builder.Services.AddSingleton(CurriculumLibrary.LoadShipped());
        builder.Services.AddSingleton(ListeningDrills.LoadShipped());
        builder.Services.AddScoped<TakeQuiz>();
        builder.Services.AddScoped<PlanMyStory>();
        builder.Services.AddScoped<FacilitatorCertification>();
        builder.Services.AddScoped<TrainingRecords>();
        builder.Services.AddScoped<ContentVersions>();
        builder.Services.AddScoped<ContentVersionWriter>();
        builder.Services.AddScoped<EditModule>();
        builder.Services.AddSingleton(PeerCircle.Web.Features.Topics.TopicLibrary.LoadShipped());
        builder.Services.AddScoped<PeerCircle.Web.Features.Topics.EditTopic>();
        return builder;
    }
}
