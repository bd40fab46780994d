using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerCircle.Web.Features.Groups;

/// <summary>Compile-time JSON for the directory API, which answers the most requests of any endpoint.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(GroupSearchResponse))]
[JsonSerializable(typeof(PublicGroup))]
internal sealed partial class GroupsJsonContext : JsonSerializerContext;
