using System.Globalization;
using Aspire.Hosting.Kong.DataPlanes;
using k8s.Models;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>
/// The production rules every data-plane pod follows, in both flavours: probes on the status listener, a preStop that
/// keeps serving while the load balancer deregisters the pod before <c>kong quit</c>, a grace period longer than both,
/// zone spreading, a restricted security context and CPU requests for the autoscaler.
/// </summary>
internal static class DataPlanePodTemplate
{
    public const string ContainerName = "proxy";
    public const int ProxyPort = 8000;
    public const int ProxySslPort = 8443;
    public const int StatusPort = 8100;

    /// <summary>The port the proxy Service (the load balancer) serves HTTP on, forwarded to <see cref="ProxyPort"/>.</summary>
    public const int ServiceHttpPort = 80;

    /// <summary>The port the proxy Service (the load balancer) serves HTTPS on, forwarded to <see cref="ProxySslPort"/>.</summary>
    public const int ServiceHttpsPort = 443;
    public const string ReadinessPath = "/status/ready";
    public const string LivenessPath = "/status";
    public const string ZoneTopologyKey = "topology.kubernetes.io/zone";

    // The kong/kong-gateway image runs as the named user "kong" (uid 1000); runAsNonRoot needs the number to verify it.
    private const long KongUserId = 1000;

    /// <summary>The Kong settings of every data plane, in both flavours and as in the local run, then its tracing settings.</summary>
    public static IEnumerable<KeyValuePair<string, string>> KongSettings(EksPublishModel model, DataPlaneGroupSpec group)
    {
        var gateway = model.ControlPlanes.FirstOrDefault(c => c.Name == group.ControlPlane)?.Gateway ?? new();
        return [.. KongDataPlaneSettings.For(KongRequestBodyBuffer.LimitsOf(gateway)), .. group.Tracing];
    }

    /// <summary>Seconds between SIGTERM and SIGKILL: the drain, then <c>kong quit</c>'s timeout, then a margin.</summary>
    public static int TerminationGracePeriodSeconds(DataPlaneGroupSpec group) => group.Options.DrainSeconds + group.Options.QuitTimeoutSeconds + 10;

    public static V1PodTemplateSpec Build(EksPublishModel model, DataPlaneGroupSpec group, IDictionary<string, string> labels, IDictionary<string, string> selector)
    {
        var options = group.Options;
        var container = new V1Container
        {
            Name = ContainerName,
            Image = group.Image,
            Env = [.. KongSettings(model, group).Select(e => new V1EnvVar { Name = e.Key, Value = e.Value })],
            Resources = ContainerResourceRequirements.From(options.Resources),
            ReadinessProbe = HttpProbe(ReadinessPath, initialDelaySeconds: 5),
            LivenessProbe = HttpProbe(LivenessPath, initialDelaySeconds: 10),
            Lifecycle = new V1Lifecycle
            {
                PreStop = new V1LifecycleHandler
                {
                    Exec = new V1ExecAction
                    {
                        Command = ["/bin/sh", "-c", string.Create(CultureInfo.InvariantCulture, $"sleep {options.DrainSeconds} && kong quit --timeout={options.QuitTimeoutSeconds}")],
                    },
                },
            },
            SecurityContext = new V1SecurityContext
            {
                AllowPrivilegeEscalation = false,
                Capabilities = new V1Capabilities { Drop = ["ALL"] },
            },
        };

        return new V1PodTemplateSpec
        {
            Metadata = new V1ObjectMeta { Labels = labels },
            Spec = new V1PodSpec
            {
                ServiceAccountName = options.ServiceAccountName,
                TerminationGracePeriodSeconds = TerminationGracePeriodSeconds(group),
                SecurityContext = new V1PodSecurityContext
                {
                    RunAsNonRoot = true,
                    RunAsUser = KongUserId,
                    RunAsGroup = KongUserId,
                    SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
                },
                TopologySpreadConstraints =
                [
                    new V1TopologySpreadConstraint
                    {
                        MaxSkew = 1,
                        TopologyKey = ZoneTopologyKey,
                        WhenUnsatisfiable = "ScheduleAnyway",
                        LabelSelector = new V1LabelSelector { MatchLabels = selector },
                    },
                ],
                Containers = [container],
            },
        };
    }

    private static V1Probe HttpProbe(string path, int initialDelaySeconds) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = StatusPort },
        InitialDelaySeconds = initialDelaySeconds,
        PeriodSeconds = 10,
        TimeoutSeconds = 5,
        FailureThreshold = 3,
    };
}
