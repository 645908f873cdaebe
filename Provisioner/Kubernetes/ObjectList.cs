using System.Text.Json.Nodes;

namespace KonnectAspire.Provisioner.Kubernetes;

/// <summary>The items of a list call and the resourceVersion a watch continues from.</summary>
internal sealed record ObjectList(IReadOnlyList<JsonObject> Items, string ResourceVersion);
