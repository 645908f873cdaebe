using System.Text.Json.Nodes;

namespace KonnectAspire.TestSupport.Registry;

/// <summary>A manifest pushed to <see cref="FakeOciRegistry"/>: where, under which tag, its digest and its JSON.</summary>
public sealed record PushedManifest(string Repository, string Reference, string Digest, JsonObject Manifest);
