using System.Text.Json.Nodes;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>Strings read from manifests and API answers, whose shape is not checked beforehand.</summary>
public static class JsonText
{
    /// <summary>The node's string, or null; a number or mapping where a string belongs reads as absent instead of throwing.</summary>
    public static string? Of(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
