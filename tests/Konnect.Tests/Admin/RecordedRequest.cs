using System.Text.Json.Nodes;

namespace KonnectAspire.Konnect.Tests.Admin;

/// <summary>One request the fake Admin API received.</summary>
internal sealed record RecordedRequest(string Method, string Path, string? Body)
{
    public JsonObject Json => JsonNode.Parse(Body ?? throw new InvalidOperationException($"{Method} {Path} had no body."))!.AsObject();
}
