namespace Aspire.Hosting.ApplicationModel;

/// <summary>One local Kong data plane container of a <see cref="KongDataPlaneResource"/> group.</summary>
/// <param name="name">The resource name.</param>
/// <param name="parent">The data plane group.</param>
public class KongDataPlaneInstanceResource(string name, KongDataPlaneResource parent) : ContainerResource(name), IResourceWithParent<KongDataPlaneResource>
{
    internal const string ProxyEndpointName = "proxy";
    internal const string StatusEndpointName = "status";

    /// <inheritdoc />
    public KongDataPlaneResource Parent { get; } = parent;
}
