using Aspire.Hosting.ApplicationModel;
using KonnectAspire.Konnect.Gateway;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>A control plane as published: the Konnect control plane it becomes and its gateway config.</summary>
internal sealed record ControlPlaneSpec
{
    /// <summary>The app-model resource name, which is also the Kubernetes object name.</summary>
    public required string Name { get; init; }

    public EksControlPlaneOptions Options { get; init; } = new();

    public GatewayConfiguration Gateway { get; init; } = new();

    public string KonnectName => Options.KonnectName ?? Name;
}
