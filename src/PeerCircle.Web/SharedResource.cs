namespace PeerCircle.Web;

/// <summary>
/// Marker for the app's one string table. Text is looked up by its English wording
/// (see docs/decisions/0002-localization.md); translations live in Resources/SharedResource.{culture}.resx.
/// </summary>
public sealed class SharedResource;
