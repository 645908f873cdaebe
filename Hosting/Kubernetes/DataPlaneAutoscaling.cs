using Aspire.Hosting.ApplicationModel;
using k8s.Models;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>The autoscaling/v2 pieces of a data-plane group, shared by the HPA (plain) and DataPlane scaling (Kong Operator).</summary>
internal static class DataPlaneAutoscaling
{
    public static IList<V2MetricSpec> Metrics(EksDataPlaneOptions options) =>
    [
        new V2MetricSpec
        {
            Type = "Resource",
            Resource = new V2ResourceMetricSource
            {
                Name = "cpu",
                Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = options.CpuUtilizationTarget },
            },
        },
    ];

    public static V2HorizontalPodAutoscalerBehavior Behavior(EksDataPlaneOptions options) => new()
    {
        ScaleUp = Rules(options.ScaleUp),
        ScaleDown = Rules(options.ScaleDown),
    };

    private static V2HPAScalingRules Rules(EksScalingPolicy policy)
    {
        var policies = new List<V2HPAScalingPolicy>();
        if (policy.MaxPercent is { } percent)
        {
            policies.Add(new V2HPAScalingPolicy { Type = "Percent", Value = percent, PeriodSeconds = policy.PeriodSeconds });
        }

        if (policy.MaxPods is { } pods)
        {
            policies.Add(new V2HPAScalingPolicy { Type = "Pods", Value = pods, PeriodSeconds = policy.PeriodSeconds });
        }

        return new V2HPAScalingRules
        {
            StabilizationWindowSeconds = policy.StabilizationWindowSeconds,
            SelectPolicy = "Max",
            Policies = policies,
        };
    }
}
