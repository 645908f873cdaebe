using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>The AWS Load Balancer Controller annotations of a data-plane group's proxy Service (an NLB with IP targets).</summary>
internal static class AwsLoadBalancerAnnotations
{
    public const string Prefix = "service.beta.kubernetes.io/aws-load-balancer-";
    public const string Type = Prefix + "type";
    public const string NlbTargetType = Prefix + "nlb-target-type";
    public const string Scheme = Prefix + "scheme";
    public const string HealthCheckProtocol = Prefix + "healthcheck-protocol";
    public const string HealthCheckPort = Prefix + "healthcheck-port";
    public const string HealthCheckPath = Prefix + "healthcheck-path";
    public const string Attributes = Prefix + "attributes";
    public const string TargetGroupAttributes = Prefix + "target-group-attributes";

    /// <summary>
    /// The built-in annotations, then the environment's extras, then the group's: later ones win. Health checks go to the
    /// status listener's /status/ready, which fails until the data plane has its config; the deregistration delay matches the
    /// pods' drain time.
    /// </summary>
    public static IDictionary<string, string> For(EksEnvironmentOptions environment, EksDataPlaneOptions group)
    {
        var scheme = group.LoadBalancerScheme ?? environment.LoadBalancerScheme;
        var annotations = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [Type] = "external",
            [NlbTargetType] = "ip",
            [Scheme] = scheme == AwsLoadBalancerScheme.Internal ? "internal" : "internet-facing",
            [HealthCheckProtocol] = "http",
            [HealthCheckPort] = DataPlanePodTemplate.StatusPort.ToString(CultureInfo.InvariantCulture),
            [HealthCheckPath] = DataPlanePodTemplate.ReadinessPath,
            [Attributes] = "load_balancing.cross_zone.enabled=true",
            [TargetGroupAttributes] = string.Create(CultureInfo.InvariantCulture, $"deregistration_delay.timeout_seconds={group.DrainSeconds}"),
        };

        foreach (var (key, value) in environment.LoadBalancerAnnotations.Concat(group.LoadBalancerAnnotations))
        {
            annotations[key] = value;
        }

        return annotations;
    }
}
