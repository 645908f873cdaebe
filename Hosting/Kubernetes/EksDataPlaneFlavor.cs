namespace Aspire.Hosting.ApplicationModel;

/// <summary>How the Kong data planes are published to Kubernetes.</summary>
public enum EksDataPlaneFlavor
{
    /// <summary>
    /// Kong Operator resources, as in Kong's EKS workshop: KonnectAPIAuthConfiguration, KonnectGatewayControlPlane,
    /// KonnectExtension and DataPlane, with the gateway config as KongService, KongRoute, KongPlugin and KongPluginBinding.
    /// The Kong Operator must be installed in the cluster with its Konnect controllers on.
    /// </summary>
    KongOperator,

    /// <summary>
    /// Plain Kubernetes workloads: a Deployment, a HorizontalPodAutoscaler, a LoadBalancer Service and a PodDisruptionBudget
    /// per data-plane group, with the gateway config as a decK <c>kong.yaml</c> that the Provisioner syncs to Konnect.
    /// </summary>
    Plain,
}
