using System.Text.Json.Nodes;

namespace KonnectAspire.TestSupport.Kong;

/// <summary>One request the fake Admin API received.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Body)
{
    public JsonObject Json => JsonNode.Parse(Body ?? throw new InvalidOperationException($"{Method} {Path} had no body."))!.AsObject();
}
