namespace PeerCircle.IntegrationTests;

public static class UriExtensions
{
    /// <summary>The path and query of a redirect, whether the app sent it absolute or relative.</summary>
    public static string PathOf(this Uri location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }
}
