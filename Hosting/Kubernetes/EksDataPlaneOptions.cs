namespace Aspire.Hosting.ApplicationModel;

/// <summary>How a <see cref="KongDataPlaneResource"/> group runs on EKS; every option has a production-minded default.</summary>
public sealed class EksDataPlaneOptions
{
    /// <summary>The fewest replicas the autoscaler keeps (at least 1). Default 2.</summary>
    public int MinReplicas { get; set; } = 2;

    /// <summary>The most replicas the autoscaler may run. Default 10.</summary>
    public int MaxReplicas { get; set; } = 10;

    /// <summary>The average CPU utilization, in percent of the CPU request (1–100), the autoscaler aims for. Default 70.</summary>
    public int CpuUtilizationTarget { get; set; } = 70;

    /// <summary>How fast the autoscaler adds replicas. Default: immediately, doubling or 4 pods per 15 s.</summary>
    public EksScalingPolicy ScaleUp { get; set; } = new(StabilizationWindowSeconds: 0, MaxPercent: 100, MaxPods: 4, PeriodSeconds: 15);

    /// <summary>How fast the autoscaler removes replicas. Default: after 5 min of lower load, 10 % per minute.</summary>
    public EksScalingPolicy ScaleDown { get; set; } = new(StabilizationWindowSeconds: 300, MaxPercent: 10, MaxPods: null, PeriodSeconds: 60);

    /// <summary>The proxy container's requests and limits; the CPU request is required. Default: the Kong workshop's values.</summary>
    public EksContainerResources Resources { get; set; } = new("300m", "300Mi", "1200m", "800Mi");

    /// <summary>
    /// Whether a PodDisruptionBudget (max one pod unavailable) protects the group: null (the default) adds one when
    /// <see cref="MinReplicas"/> is at least 2; true requires that.
    /// </summary>
    public bool? PodDisruptionBudget { get; set; }

    /// <summary>The load-balancer scheme of this group, or null to use the environment's.</summary>
    public AwsLoadBalancerScheme? LoadBalancerScheme { get; set; }

    /// <summary>Extra annotations on this group's load-balancer Service; they win over the environment's and the built-in ones.</summary>
    public IDictionary<string, string> LoadBalancerAnnotations { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Seconds a stopping pod keeps serving so that the load balancer deregisters it before <c>kong quit</c> (1–300).
    /// Also the target group's deregistration delay. Default 30.
    /// </summary>
    public int DrainSeconds { get; set; } = 30;

    /// <summary>Seconds <c>kong quit</c> waits for in-flight requests before stopping (1–300). Default 20.</summary>
    public int QuitTimeoutSeconds { get; set; } = 20;

    /// <summary>The service account of the data-plane pods (e.g. one bound to an EKS Pod Identity), or null for the default.</summary>
    public string? ServiceAccountName { get; set; }
}
