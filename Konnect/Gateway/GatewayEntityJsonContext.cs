using System.Text.Json.Serialization;

namespace KonnectAspire.Konnect.Gateway;

/// <summary>
/// The one JSON contract of the gateway entities: each record's properties under Kong's snake_case names, in the
/// order they are declared. The Admin API and Konnect bodies, the decK file and the Kong Operator specs are all
/// this JSON (see <see cref="GatewayEntityShape"/>); adding a field to a record adds it to every one of them.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(GatewayService))]
[JsonSerializable(typeof(GatewayRoute))]
[JsonSerializable(typeof(GatewayPlugin))]
internal sealed partial class GatewayEntityJsonContext : JsonSerializerContext;
