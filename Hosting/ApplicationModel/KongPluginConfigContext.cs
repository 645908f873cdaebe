namespace Aspire.Hosting.ApplicationModel;

/// <summary>What a late-bound plugin config is computed for.</summary>
/// <param name="ControlPlane">The control plane the plugin is synced to.</param>
/// <param name="ExecutionContext">Run or publish.</param>
public sealed record KongPluginConfigContext(IKongControlPlaneResource ControlPlane, DistributedApplicationExecutionContext ExecutionContext);
