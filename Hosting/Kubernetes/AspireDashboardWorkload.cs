using Aspire.Hosting.ApplicationModel;
using k8s.Models;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>
/// The standalone Aspire dashboard published into the namespace as the default receiver of every span, so the cluster
/// shows the same one-trace view as <c>dotnet run</c>: a ClusterIP Service (open it with <c>kubectl port-forward</c>),
/// its browser token read from a Secret the Provisioner creates, OTLP taken unauthenticated inside the cluster only.
/// </summary>
internal static class AspireDashboardWorkload
{
    /// <summary>The workload and Service name.</summary>
    public const string Name = "aspire-dashboard";

    /// <summary>The Secret holding the browser token; the Provisioner creates it with a random token.</summary>
    public const string SecretName = KonnectAspire.Konnect.Kubernetes.KonnectKubernetesNames.DashboardSecret;

    /// <summary>The key of the browser token in <see cref="SecretName"/>.</summary>
    public const string BrowserTokenKey = KonnectAspire.Konnect.Kubernetes.KonnectKubernetesNames.DashboardBrowserTokenKey;

    /// <summary>The dashboard's web UI.</summary>
    public const int FrontendPort = 18888;

    /// <summary>OTLP over gRPC.</summary>
    public const int OtlpGrpcPort = 18889;

    /// <summary>OTLP over HTTP, the protocol Kong speaks; the pods send to it too.</summary>
    public const int OtlpHttpPort = 18890;

    /// <summary>The dashboard's OTLP/HTTP base address inside the cluster.</summary>
    public static Uri OtlpHttpEndpoint(string @namespace) => new($"http://{Name}.{@namespace}.svc.cluster.local:{OtlpHttpPort}");

    public static WorkloadSpec Build() => new()
    {
        Name = Name,
        Image = $"{AspireDashboardContainerImageTags.Registry}/{AspireDashboardContainerImageTags.Image}:{AspireDashboardContainerImageTags.Tag}",
        Ports =
        [
            new WorkloadPort("http", FrontendPort),
            new WorkloadPort("otlp-grpc", OtlpGrpcPort),
            new WorkloadPort("otlp-http", OtlpHttpPort),
        ],
        Environment =
        [
            new V1EnvVar { Name = "ASPNETCORE_URLS", Value = $"http://0.0.0.0:{FrontendPort}" },
            new V1EnvVar { Name = "DOTNET_DASHBOARD_OTLP_ENDPOINT_URL", Value = $"http://0.0.0.0:{OtlpGrpcPort}" },
            new V1EnvVar { Name = "DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL", Value = $"http://0.0.0.0:{OtlpHttpPort}" },
            new V1EnvVar { Name = "Dashboard__Frontend__AuthMode", Value = "BrowserToken" },
            new V1EnvVar
            {
                Name = "Dashboard__Frontend__BrowserToken",
                ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = SecretName, Key = BrowserTokenKey } },
            },
            // Only pods of the namespace reach the ClusterIP Service; nothing outside the cluster can send.
            new V1EnvVar { Name = "Dashboard__Otlp__AuthMode", Value = "Unsecured" },
        ],
        // The UI answers / with a redirect to its login page (a 3xx, which the kubelet counts as healthy).
        Readiness = new WorkloadProbe("/", FrontendPort),
        Liveness = new WorkloadProbe("/", FrontendPort, FailureThreshold: 6),
        Resources = new EksContainerResources("100m", "256Mi", "1", "1Gi"),
    };
}
