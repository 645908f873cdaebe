using Aspire.Hosting.Kong.Kubernetes.CustomResources;
using KonnectAspire.Konnect.Kubernetes;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>
/// The Kong Operator flavour, the shape of Kong's EKS workshop: one KonnectAPIAuthConfiguration per namespace (token in
/// the Provisioner's Secret), a KonnectGatewayControlPlane per control plane, a KonnectExtension and a DataPlane per
/// data-plane group, and the gateway config as Kong entity resources.
/// </summary>
internal static class KongOperatorManifests
{
    public const string AuthConfigurationName = "konnect-api-auth";
    public const string AuthFileName = "konnect-api-auth.yaml";

    public static IEnumerable<ManifestFile> Build(EksPublishModel model)
    {
        if (model.ControlPlanes.Count == 0)
        {
            yield break;
        }

        var ns = model.Options.Namespace;
        yield return ManifestFile.Objects(AuthFileName, new KonnectApiAuthConfiguration
        {
            Metadata = KubernetesObjectMetadata.For(model, AuthConfigurationName, KubernetesLabels.ControlPlaneComponent),
            Spec = new()
            {
                Type = "secretRef",
                SecretRef = new() { Name = KonnectKubernetesNames.TokenSecret, Namespace = ns },
                ServerUrl = model.KonnectServerUrl,
            },
        });

        foreach (var controlPlane in model.ControlPlanes)
        {
            yield return ManifestFile.Objects($"control-plane-{controlPlane.Name}.yaml", ControlPlane(model, controlPlane));

            var gateway = KongOperatorGatewayResources.Build(model, controlPlane).ToList();
            if (gateway.Count > 0)
            {
                yield return ManifestFile.Objects($"gateway-{controlPlane.Name}.yaml", gateway);
            }
        }

        foreach (var group in model.DataPlaneGroups)
        {
            yield return ManifestFile.Objects($"data-plane-{group.Name}.yaml", Extension(model, group), DataPlane(model, group));
        }
    }

    public static string ExtensionName(DataPlaneGroupSpec group) => $"{group.Name}-konnect";

    private static KonnectGatewayControlPlane ControlPlane(EksPublishModel model, ControlPlaneSpec controlPlane)
    {
        var spec = new KonnectGatewayControlPlane.ControlPlaneSpec { Konnect = new() { AuthRef = new() { Name = AuthConfigurationName } } };
        if (controlPlane.Options.MirrorId is { } mirrorId)
        {
            spec.Source = "Mirror";
            spec.Mirror = new() { Konnect = new() { Id = mirrorId } };
        }
        else
        {
            spec.CreateControlPlaneRequest = new()
            {
                Name = controlPlane.KonnectName,
                Description = controlPlane.Options.Description,
                ClusterType = "CLUSTER_TYPE_CONTROL_PLANE",
            };
        }

        return new KonnectGatewayControlPlane
        {
            Metadata = KubernetesObjectMetadata.For(model, controlPlane.Name, KubernetesLabels.ControlPlaneComponent),
            Spec = spec,
        };
    }

    private static KonnectExtension Extension(EksPublishModel model, DataPlaneGroupSpec group) => new()
    {
        Metadata = KubernetesObjectMetadata.For(model, ExtensionName(group), KubernetesLabels.DataPlaneComponent),
        Spec = new() { Konnect = new() { ControlPlane = new() { Ref = ControlPlaneRef.To(group.ControlPlane) } } },
    };

    private static DataPlane DataPlane(EksPublishModel model, DataPlaneGroupSpec group)
    {
        var metadata = KubernetesObjectMetadata.For(model, group.Name, KubernetesLabels.DataPlaneComponent);
        var selector = KubernetesLabels.Selector(group.Name);

        // spec.deployment.replicas stays unset: replicas and scaling are mutually exclusive, and the operator's HPA owns the count.
        return new DataPlane
        {
            Metadata = metadata,
            Spec = new()
            {
                Extensions = [new() { Name = ExtensionName(group) }],
                Deployment = new()
                {
                    PodTemplateSpec = DataPlanePodTemplate.Build(model, group, metadata.Labels, selector),
                    Scaling = new()
                    {
                        Horizontal = new()
                        {
                            MinReplicas = group.Options.MinReplicas,
                            MaxReplicas = group.Options.MaxReplicas,
                            Metrics = DataPlaneAutoscaling.Metrics(group.Options),
                            Behavior = DataPlaneAutoscaling.Behavior(group.Options),
                        },
                    },
                },
                Network = new()
                {
                    Services = new()
                    {
                        Ingress = new()
                        {
                            Name = PlainManifests.ProxyServiceName(group),
                            Type = "LoadBalancer",
                            Annotations = AwsLoadBalancerAnnotations.For(model.Options, group.Options),
                            Ports =
                            [
                                new() { Name = "http", Port = DataPlanePodTemplate.ServiceHttpPort, TargetPort = DataPlanePodTemplate.ProxyPort },
                                new() { Name = "https", Port = DataPlanePodTemplate.ServiceHttpsPort, TargetPort = DataPlanePodTemplate.ProxySslPort },
                            ],
                        },
                    },
                },
                Resources = PlainManifests.HasDisruptionBudget(group)
                    ? new() { PodDisruptionBudget = new() { Spec = PlainManifests.DisruptionBudgetSpec(selector: null) } }
                    : null,
            },
        };
    }
}
