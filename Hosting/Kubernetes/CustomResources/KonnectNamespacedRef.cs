namespace Aspire.Hosting.Kong.Kubernetes.CustomResources;

/// <summary>A reference to an object by name in the same namespace.</summary>
internal sealed class KonnectNamespacedRef
{
    public string Name { get; set; } = "";
}
