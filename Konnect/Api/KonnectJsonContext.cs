using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KonnectAspire.Konnect.Api;

/// <summary>Source-generated JSON for the Konnect DTOs: snake_case names, nulls left out (the API rejects unknown or null fields).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KonnectControlPlane))]
[JsonSerializable(typeof(KonnectControlPlaneList))]
[JsonSerializable(typeof(KonnectControlPlaneRequest))]
[JsonSerializable(typeof(KonnectDataPlaneCertificateList))]
[JsonSerializable(typeof(KonnectDataPlaneCertificateItem))]
[JsonSerializable(typeof(KonnectDataPlaneCertificateRequest))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class KonnectJsonContext : JsonSerializerContext;
