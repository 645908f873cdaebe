using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>Everything the manifests are made from, read out of the app model (or built directly by tests).</summary>
internal sealed record EksPublishModel
{
    public required string EnvironmentName { get; init; }

    public EksEnvironmentOptions Options { get; init; } = new();

    public IReadOnlyList<ControlPlaneSpec> ControlPlanes { get; init; } = [];

    /// <summary>The Konnect API host the operator uses: the EKS option, else the Konnect control planes' region, else the US region.</summary>
    public string KonnectServerUrl => Options.KonnectServerUrl
        ?? ControlPlanes.Select(c => c.RunKonnectServerHost).FirstOrDefault(h => h is not null)
        ?? KonnectAspire.Konnect.Api.KonnectClientOptions.ApiHost(KonnectAspire.Konnect.Api.KonnectRegion.Us);

    public IReadOnlyList<DataPlaneGroupSpec> DataPlaneGroups { get; init; } = [];

    public IReadOnlyList<WorkloadSpec> Workloads { get; init; } = [];

    /// <summary>The OTLP/HTTP base address the pods send spans to (the published dashboard's or the user's collector); null sends none.</summary>
    public Uri? OtlpHttpEndpoint { get; init; }
}
