using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>A data-plane group as published: one autoscaled workload connected to one control plane.</summary>
internal sealed record DataPlaneGroupSpec
{
    public required string Name { get; init; }

    public required string ControlPlane { get; init; }

    public string Image { get; init; } = $"{KongContainerImageTags.GatewayImage}:{KongContainerImageTags.GatewayTag}";

    public EksDataPlaneOptions Options { get; init; } = new();

    /// <summary>Kong's tracing settings (<c>KONG_TRACING_*</c>); empty when its control plane opted out of tracing or nothing receives spans.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tracing { get; init; } = [];
}
