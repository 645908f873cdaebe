namespace Aspire.Hosting.ApplicationModel;

/// <summary>What a late-bound plugin config is computed for.</summary>
/// <param name="ControlPlane">The control plane the plugin is synced to.</param>
/// <param name="ExecutionContext">Run or publish.</param>
public sealed record KongPluginConfigContext(IKongControlPlaneResource ControlPlane, DistributedApplicationExecutionContext ExecutionContext)
{
    /// <summary>
    /// How the data planes reach an endpoint of a route's upstream (the container network locally, a cluster Service
    /// when published), the same address the route's Kong service gets; null when not known.
    /// </summary>
    public Func<EndpointReference, Uri>? UpstreamAddress { get; init; }
}
