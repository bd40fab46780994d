using PeerCircle.Data.Members;

namespace PeerCircle.Web.Features.Recruitment;

/// <summary>Absolute links to a group's public page, built from <c>App:PublicBaseUrl</c> like the links in e-mail.</summary>
public sealed class ReferralLinks(IConfiguration configuration)
{
    public string BaseUrl { get; } = (configuration["App:PublicBaseUrl"] is { Length: > 0 } url ? url : "http://localhost:5080").TrimEnd('/');

    public string GroupPage(string slug, ReferralSource? source = null) => GroupPage(BaseUrl, slug, source);

    /// <summary><c>{base}/groups/{slug}?ref={source}</c>, or without <c>ref</c> when there is no source.</summary>
    public static string GroupPage(string baseUrl, string slug, ReferralSource? source)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(slug);
        var page = $"{baseUrl.TrimEnd('/')}/groups/{Uri.EscapeDataString(slug)}";
        return source is { } s ? $"{page}?ref={ReferralSources.Value(s)}" : page;
    }
}
