using k8s.Models;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>A project or container as a Deployment and, when it has endpoints, a ClusterIP Service.</summary>
internal static class WorkloadManifests
{
    public static ManifestFile Build(EksPublishModel model, WorkloadSpec workload)
    {
        var metadata = KubernetesObjectMetadata.For(model, workload.Name, KubernetesLabels.WorkloadComponent);
        var labels = metadata.Labels;
        var selector = KubernetesLabels.Selector(workload.Name);

        var container = new V1Container
        {
            Name = workload.Name,
            Image = workload.Image,
            Command = workload.Command?.ToList(),
            Args = workload.Args?.ToList(),
            Ports = workload.Ports.Count == 0 ? null : [.. workload.Ports.Select(p => new V1ContainerPort { Name = p.Name, ContainerPort = p.Port, Protocol = p.Protocol })],
            Env = workload.Environment.Count == 0 ? null : workload.Environment.ToList(),
            Resources = ContainerResourceRequirements.From(workload.Resources),
            ReadinessProbe = Probe(workload.Readiness),
            LivenessProbe = Probe(workload.Liveness),
            SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false },
        };

        var deployment = new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = metadata,
            Spec = new V1DeploymentSpec
            {
                Replicas = workload.Replicas,
                RevisionHistoryLimit = 3,
                Selector = new V1LabelSelector { MatchLabels = selector },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec
                    {
                        SecurityContext = new V1PodSecurityContext { SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" } },
                        Containers = [container],
                    },
                },
            },
        };

        if (workload.Ports.Count == 0)
        {
            return ManifestFile.Objects($"workload-{workload.Name}.yaml", deployment);
        }

        var service = new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = metadata,
            Spec = new V1ServiceSpec
            {
                Type = "ClusterIP",
                Selector = selector,
                Ports = [.. workload.Ports.Select(p => new V1ServicePort { Name = p.Name, Port = p.Port, TargetPort = p.Port, Protocol = p.Protocol })],
            },
        };

        return ManifestFile.Objects($"workload-{workload.Name}.yaml", deployment, service);
    }

    private static V1Probe? Probe(WorkloadProbe? probe) => probe is null ? null : new V1Probe
    {
        HttpGet = new V1HTTPGetAction { Path = probe.Path, Port = probe.Port },
        PeriodSeconds = probe.PeriodSeconds,
        TimeoutSeconds = 5,
        FailureThreshold = probe.FailureThreshold,
    };
}
