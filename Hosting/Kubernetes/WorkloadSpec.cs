using Aspire.Hosting.ApplicationModel;
using k8s.Models;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>Any other project or container as published: a Deployment and, when it has endpoints, a ClusterIP Service.</summary>
internal sealed record WorkloadSpec
{
    public required string Name { get; init; }

    public required string Image { get; init; }

    /// <summary>The project file whose image publishing builds and pushes, when the environment pushes images; else null.</summary>
    public string? ProjectPath { get; init; }

    public int Replicas { get; init; } = 1;

    public IReadOnlyList<WorkloadPort> Ports { get; init; } = [];

    /// <summary>The container environment, already mapped (literals, Secret references, in-cluster addresses).</summary>
    public IReadOnlyList<V1EnvVar> Environment { get; init; } = [];

    public IReadOnlyList<string>? Command { get; init; }

    public IReadOnlyList<string>? Args { get; init; }

    public WorkloadProbe? Readiness { get; init; }

    public WorkloadProbe? Liveness { get; init; }

    public EksContainerResources Resources { get; init; } = new EksWorkloadOptions().Resources;
}
