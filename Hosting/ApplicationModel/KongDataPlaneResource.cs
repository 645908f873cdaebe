namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A group of Kong data planes (role data_plane, database off) connected to one control plane. Locally it runs
/// <see cref="Instances"/> containers; published, it becomes one autoscaled workload behind a proxy Service.
/// Services reach the gateway with <c>WithReference(dataPlanes)</c>.
/// </summary>
/// <param name="name">The resource name.</param>
/// <param name="controlPlane">The control plane the data planes connect to.</param>
/// <param name="instances">How many local instances run.</param>
public class KongDataPlaneResource(string name, IKongControlPlaneResource controlPlane, int instances) : Resource(name), IResourceWithEndpoints
{
    /// <summary>The name of the gateway's proxy endpoint, as services find it: <c>http://{name}</c> resolves to it.</summary>
    public const string ProxyEndpointName = "http";

    private readonly List<KongDataPlaneInstanceResource> _instanceResources = [];
    private EndpointReference? _publishedProxyEndpoint;

    /// <summary>The control plane the data planes connect to.</summary>
    public IKongControlPlaneResource ControlPlane { get; } = controlPlane;

    /// <summary>How many local instances run.</summary>
    public int Instances { get; } = instances;

    /// <summary>The local instance containers; empty in publish mode, where no local container is modelled.</summary>
    public IReadOnlyList<KongDataPlaneInstanceResource> InstanceResources => _instanceResources;

    /// <summary>
    /// The gateway's proxy: locally the first instance's proxy endpoint; published, the group's proxy Service in the
    /// cluster (<c>http://{name}-proxy.{namespace}.svc.cluster.local:80</c>), which the EKS publisher resolves.
    /// </summary>
    /// <remarks>
    /// The group carries no endpoint annotation of its own: locally the instances serve, and a group endpoint would
    /// make Aspire's orchestrator open a port with nothing behind it.
    /// </remarks>
    public EndpointReference ProxyEndpoint => _instanceResources.Count > 0
        ? _instanceResources[0].ProxyEndpoint
        : _publishedProxyEndpoint ??= new(this, ProxyEndpointName);

    internal void AddInstance(KongDataPlaneInstanceResource instance) => _instanceResources.Add(instance);
}
