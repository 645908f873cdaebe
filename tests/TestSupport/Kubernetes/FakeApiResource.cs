namespace KonnectAspire.TestSupport.Kubernetes;

/// <summary>A kind the fake API server serves through discovery.</summary>
public sealed record FakeApiResource(string Group, string Version, string Kind, string Plural, bool Namespaced = true)
{
    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>A cluster with the Kong Operator (kong-facts §2), the AWS Load Balancer Controller and metrics-server.</summary>
    public static List<FakeApiResource> Defaults() =>
    [
        new("", "v1", "Namespace", "namespaces", Namespaced: false),
        new("", "v1", "Secret", "secrets"),
        new("", "v1", "ConfigMap", "configmaps"),
        new("", "v1", "Service", "services"),
        new("", "v1", "ServiceAccount", "serviceaccounts"),
        new("apps", "v1", "Deployment", "deployments"),
        new("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers"),
        new("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets"),
        new("konnect.konghq.com", "v1alpha1", "KonnectAPIAuthConfiguration", "konnectapiauthconfigurations"),
        new("konnect.konghq.com", "v1alpha2", "KonnectGatewayControlPlane", "konnectgatewaycontrolplanes"),
        new("konnect.konghq.com", "v1alpha2", "KonnectExtension", "konnectextensions"),
        new("gateway-operator.konghq.com", "v1beta1", "DataPlane", "dataplanes"),
        new("configuration.konghq.com", "v1alpha1", "KongService", "kongservices"),
        new("configuration.konghq.com", "v1alpha1", "KongRoute", "kongroutes"),
        new("configuration.konghq.com", "v1alpha1", "KongPluginBinding", "kongpluginbindings"),
        new("configuration.konghq.com", "v1", "KongPlugin", "kongplugins"),
        new("elbv2.k8s.aws", "v1beta1", "TargetGroupBinding", "targetgroupbindings"),
        new("metrics.k8s.io", "v1beta1", "PodMetrics", "pods"),
    ];
}
