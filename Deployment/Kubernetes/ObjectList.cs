using System.Text.Json.Nodes;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>The items of a list call and the resourceVersion a watch continues from.</summary>
public sealed record ObjectList(IReadOnlyList<JsonObject> Items, string ResourceVersion);
