namespace Aspire.Hosting.ApplicationModel;

/// <summary>How a project or container resource runs on EKS.</summary>
public sealed class EksWorkloadOptions
{
    /// <summary>The image registry, or null for the environment's (projects) or the container's own (containers).</summary>
    public string? ImageRegistry { get; set; }

    /// <summary>The image repository, or null for the resource name (projects) or the container's own image (containers).</summary>
    public string? ImageRepository { get; set; }

    /// <summary>The image tag, or null for the environment's (projects) or the container's own (containers).</summary>
    public string? ImageTag { get; set; }

    /// <summary>Requests and limits of the container. Default 100m / 128Mi requested, 500m / 256Mi limits.</summary>
    public EksContainerResources Resources { get; set; } = new("100m", "128Mi", "500m", "256Mi");

    /// <summary>The replica count, or null for the resource's own (<c>WithReplicas</c>, else 1).</summary>
    public int? Replicas { get; set; }
}
