using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>Everything the manifests are made from, read out of the app model (or built directly by tests).</summary>
internal sealed record EksPublishModel
{
    public required string EnvironmentName { get; init; }

    public EksEnvironmentOptions Options { get; init; } = new();

    public IReadOnlyList<ControlPlaneSpec> ControlPlanes { get; init; } = [];

    public IReadOnlyList<DataPlaneGroupSpec> DataPlaneGroups { get; init; } = [];

    public IReadOnlyList<WorkloadSpec> Workloads { get; init; } = [];
}
