namespace Aspire.Hosting.ApplicationModel;

/// <summary>A local Kong control plane: open-source Kong in hybrid mode (role control_plane) on Postgres.</summary>
/// <param name="name">The resource name.</param>
public class KongControlPlaneResource(string name) : ContainerResource(name), IKongControlPlaneResource
{
    internal const string AdminEndpointName = "admin";
    internal const string ClusterEndpointName = "cluster";
    internal const string StatusEndpointName = "status";

    private EndpointReference? _adminEndpoint;
    private EndpointReference? _clusterEndpoint;

    /// <inheritdoc />
    public KongEdition Edition => KongEdition.OpenSource;

    /// <summary>The Admin API endpoint.</summary>
    public EndpointReference AdminEndpoint => _adminEndpoint ??= new(this, AdminEndpointName);

    /// <summary>The cluster listener data planes connect to.</summary>
    public EndpointReference ClusterEndpoint => _clusterEndpoint ??= new(this, ClusterEndpointName);
}
