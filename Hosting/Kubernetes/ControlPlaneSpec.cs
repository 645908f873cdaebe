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

    /// <summary>The Konnect control plane name the run uses (a Konnect control plane resource), or null for a local one.</summary>
    public string? RunKonnectName { get; init; }

    /// <summary>The Konnect API host of the region the run uses, or null for a local control plane.</summary>
    public string? RunKonnectServerHost { get; init; }

    /// <summary>The Konnect control plane it becomes: the EKS option if set, else the name the run uses, else the resource name.</summary>
    public string KonnectName => Options.KonnectName ?? RunKonnectName ?? Name;
}
