using Aspire.Hosting.Kong.Ai;
using k8s.Models;
using KonnectAspire.Konnect.Gateway;
using KonnectAspire.Konnect.Kubernetes;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>
/// The plain flavour: per data-plane group a Deployment with the Konnect data-plane environment, an autoscaling/v2 HPA,
/// a LoadBalancer Service and (from two replicas) a PodDisruptionBudget; the gateway config as a decK kong.yaml.
/// The Provisioner creates the Secret and ConfigMap named in <see cref="KonnectKubernetesNames"/>.
/// </summary>
internal static class PlainManifests
{
    public const string DeckFileName = "kong.yaml";
    private const string ClusterCertificateVolume = "cluster-certificate";

    public static IEnumerable<ManifestFile> Build(EksPublishModel model)
    {
        foreach (var group in model.DataPlaneGroups)
        {
            yield return DataPlane(model, group);
        }

        // The validator allows one control plane per environment in this flavour, so kong.yaml is unambiguous.
        if (model.ControlPlanes.Count == 1)
        {
            yield return ManifestFile.Other(DeckFileName, DeckFile.Write(model.ControlPlanes[0].Gateway));
        }
    }

    private static ManifestFile DataPlane(EksPublishModel model, DataPlaneGroupSpec group)
    {
        var metadata = KubernetesObjectMetadata.For(model, group.Name, KubernetesLabels.DataPlaneComponent);
        var labels = metadata.Labels;
        var selector = KubernetesLabels.Selector(group.Name);

        var template = DataPlanePodTemplate.Build(model, group, labels, selector);
        var proxy = template.Spec.Containers[0];
        proxy.Ports =
        [
            new V1ContainerPort { Name = "proxy", ContainerPort = DataPlanePodTemplate.ProxyPort, Protocol = "TCP" },
            new V1ContainerPort { Name = "proxy-ssl", ContainerPort = DataPlanePodTemplate.ProxySslPort, Protocol = "TCP" },
            new V1ContainerPort { Name = "status", ContainerPort = DataPlanePodTemplate.StatusPort, Protocol = "TCP" },
        ];
        proxy.Env = KonnectDataPlaneEnvironment().Select(e => new V1EnvVar { Name = e.Key, Value = e.Value })
            .Concat(proxy.Env)
            .Concat(VaultSecretEnvironment(model, group))
            .ToList();
        proxy.EnvFrom = [new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = KonnectKubernetesNames.EndpointsConfigMap } }];
        proxy.VolumeMounts = [new V1VolumeMount { Name = ClusterCertificateVolume, MountPath = KonnectKubernetesNames.ClusterCertificateMountPath, ReadOnlyProperty = true }];
        template.Spec.Volumes = [new V1Volume { Name = ClusterCertificateVolume, Secret = new V1SecretVolumeSource { SecretName = KonnectKubernetesNames.ClusterCertificateSecret } }];

        // No replicas: the HPA owns the count, and a replicas field would fight it on every apply.
        var deployment = new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = metadata,
            Spec = new V1DeploymentSpec
            {
                RevisionHistoryLimit = 3,
                Selector = new V1LabelSelector { MatchLabels = selector },
                Strategy = new V1DeploymentStrategy
                {
                    Type = "RollingUpdate",
                    RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = "25%", MaxUnavailable = 0 },
                },
                Template = template,
            },
        };

        var autoscaler = new V2HorizontalPodAutoscaler
        {
            ApiVersion = "autoscaling/v2",
            Kind = "HorizontalPodAutoscaler",
            Metadata = metadata,
            Spec = new V2HorizontalPodAutoscalerSpec
            {
                ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = group.Name },
                MinReplicas = group.Options.MinReplicas,
                MaxReplicas = group.Options.MaxReplicas,
                Metrics = DataPlaneAutoscaling.Metrics(group.Options),
                Behavior = DataPlaneAutoscaling.Behavior(group.Options),
            },
        };

        var service = new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = new V1ObjectMeta
            {
                Name = ProxyServiceName(group),
                NamespaceProperty = model.Options.Namespace,
                Labels = labels,
                Annotations = AwsLoadBalancerAnnotations.For(model.Options, group.Options),
            },
            Spec = new V1ServiceSpec
            {
                Type = "LoadBalancer",
                Selector = selector,
                Ports =
                [
                    new V1ServicePort { Name = "http", Port = DataPlanePodTemplate.ServiceHttpPort, TargetPort = DataPlanePodTemplate.ProxyPort, Protocol = "TCP" },
                    new V1ServicePort { Name = "https", Port = DataPlanePodTemplate.ServiceHttpsPort, TargetPort = DataPlanePodTemplate.ProxySslPort, Protocol = "TCP" },
                ],
            },
        };

        if (!HasDisruptionBudget(group))
        {
            return ManifestFile.Objects($"data-plane-{group.Name}.yaml", deployment, autoscaler, service);
        }

        var budget = new V1PodDisruptionBudget
        {
            ApiVersion = "policy/v1",
            Kind = "PodDisruptionBudget",
            Metadata = metadata,
            Spec = DisruptionBudgetSpec(new V1LabelSelector { MatchLabels = selector }),
        };
        return ManifestFile.Objects($"data-plane-{group.Name}.yaml", deployment, autoscaler, service, budget);
    }

    /// <summary>
    /// The variables Kong's env vault reads for the vault references in the group's gateway config (AI credentials),
    /// each from the Secret <see cref="KonnectKubernetesNames.AiCredentialsSecret"/>.
    /// </summary>
    private static IEnumerable<V1EnvVar> VaultSecretEnvironment(EksPublishModel model, DataPlaneGroupSpec group) =>
        model.ControlPlanes.Where(cp => cp.Name == group.ControlPlane)
            .SelectMany(cp => cp.Gateway.Plugins)
            .SelectMany(plugin => KongAiSecrets.VaultReferences(plugin.Config))
            .Select(reference => reference.SecretName)
            .Distinct()
            .Select(secretName => new V1EnvVar
            {
                Name = KongAiSecrets.EnvironmentVariable(secretName),
                ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = KonnectKubernetesNames.AiCredentialsSecret, Key = secretName } },
            });

    /// <summary>The proxy Service of a group, in both flavours.</summary>
    public static string ProxyServiceName(DataPlaneGroupSpec group) => ProxyServiceName(group.Name);

    /// <summary>The proxy Service of the group named <paramref name="groupName"/> (a Kubernetes name).</summary>
    public static string ProxyServiceName(string groupName) => $"{groupName}-proxy";

    /// <summary>Whether a group gets a PodDisruptionBudget: asked for, or by default when at least two replicas always run.</summary>
    public static bool HasDisruptionBudget(DataPlaneGroupSpec group) => group.Options.PodDisruptionBudget ?? group.Options.MinReplicas >= 2;

    public static V1PodDisruptionBudgetSpec DisruptionBudgetSpec(V1LabelSelector? selector) => new()
    {
        MaxUnavailable = 1,
        Selector = selector,
        UnhealthyPodEvictionPolicy = "AlwaysAllow",
    };

    /// <summary>
    /// The Konnect data-plane settings that do not depend on the control plane; the endpoints come from the Provisioner's
    /// ConfigMap. Every name is a kong.conf property of Kong Gateway Enterprise.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, string>> KonnectDataPlaneEnvironment() =>
    [
        new("KONG_ROLE", "data_plane"),
        new("KONG_DATABASE", "off"),
        new("KONG_KONNECT_MODE", "on"),
        new("KONG_CLUSTER_MTLS", "pki"),
        new("KONG_CLUSTER_CERT", $"{KonnectKubernetesNames.ClusterCertificateMountPath}/tls.crt"),
        new("KONG_CLUSTER_CERT_KEY", $"{KonnectKubernetesNames.ClusterCertificateMountPath}/tls.key"),
        new("KONG_LUA_SSL_TRUSTED_CERTIFICATE", "system"),
        new("KONG_PROXY_LISTEN", $"0.0.0.0:{DataPlanePodTemplate.ProxyPort} reuseport backlog=16384, 0.0.0.0:{DataPlanePodTemplate.ProxySslPort} http2 ssl reuseport backlog=16384"),
        new("KONG_STATUS_LISTEN", $"0.0.0.0:{DataPlanePodTemplate.StatusPort}"),
        new("KONG_ADMIN_LISTEN", "off"),
        new("KONG_PORT_MAPS", $"{DataPlanePodTemplate.ServiceHttpPort}:{DataPlanePodTemplate.ProxyPort}, {DataPlanePodTemplate.ServiceHttpsPort}:{DataPlanePodTemplate.ProxySslPort}"),
        new("KONG_NGINX_WORKER_PROCESSES", "2"),
        new("KONG_PROXY_ACCESS_LOG", "/dev/stdout"),
        new("KONG_PROXY_ERROR_LOG", "/dev/stderr"),
    ];
}
