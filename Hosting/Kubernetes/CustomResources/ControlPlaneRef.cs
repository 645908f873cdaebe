namespace Aspire.Hosting.Kong.Kubernetes.CustomResources;

/// <summary>spec.controlPlaneRef of the Konnect entity kinds and of KonnectExtension: a KonnectGatewayControlPlane by name.</summary>
internal sealed class ControlPlaneRef
{
    public string Type { get; set; } = "konnectNamespacedRef";

    public KonnectNamespacedRef KonnectNamespacedRef { get; set; } = new();

    public static ControlPlaneRef To(string controlPlaneName) => new() { KonnectNamespacedRef = new() { Name = controlPlaneName } };
}
