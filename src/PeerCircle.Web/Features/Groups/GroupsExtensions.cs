using PeerCircle.Web.Infrastructure.Geo;

namespace PeerCircle.Web.Features.Groups;

public static class GroupsExtensions
{
    public static WebApplicationBuilder AddGroups(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(_ => ZipGazetteer.LoadShipped());
        builder.Services.AddSingleton<DirectorySnapshot>();
        builder.Services.AddScoped<SearchGroups>();
        builder.Services.AddScoped<GetGroup>();
        builder.Services.AddScoped<SaveGroup>();
        builder.Services.AddScoped<ComposeComfortAgreement>();
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, GroupsJsonContext.Default));
        return builder;
    }
}
