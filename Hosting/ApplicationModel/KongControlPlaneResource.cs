namespace Aspire.Hosting.ApplicationModel;

/// <summary>A local Kong control plane: open-source Kong in hybrid mode (role control_plane) on Postgres.</summary>
/// <param name="name">The resource name.</param>
public class KongControlPlaneResource(string name) : ContainerResource(name), IKongControlPlaneResource
{
    internal const string AdminEndpointName = "admin";
    internal const string ClusterEndpointName = "cluster";
    internal const string StatusEndpointName = "status";
    internal const string ManagerEndpointName = "manager";

    internal const int AdminPort = 8001;
    internal const int ClusterPort = 8005;
    internal const int StatusPort = 8100;
    internal const int ManagerPort = 8002;

    private EndpointReference? _adminEndpoint;
    private EndpointReference? _clusterEndpoint;
    private EndpointReference? _statusEndpoint;
    private EndpointReference? _managerEndpoint;

    /// <inheritdoc />
    public KongEdition Edition => KongEdition.OpenSource;

    /// <summary>The Admin API endpoint.</summary>
    public EndpointReference AdminEndpoint => _adminEndpoint ??= new(this, AdminEndpointName);

    /// <summary>The cluster listener data planes connect to.</summary>
    public EndpointReference ClusterEndpoint => _clusterEndpoint ??= new(this, ClusterEndpointName);

    /// <summary>The status listener; <c>/status/ready</c> answers 200 once the database is reachable.</summary>
    public EndpointReference StatusEndpoint => _statusEndpoint ??= new(this, StatusEndpointName);

    /// <summary>Kong Manager OSS, the web UI the open-source image serves (kong.conf <c>admin_gui_listen</c>).</summary>
    public EndpointReference ManagerEndpoint => _managerEndpoint ??= new(this, ManagerEndpointName);
}
