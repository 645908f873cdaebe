using KonnectAspire.Konnect.Api;
using KonnectAspire.Konnect.Certificates;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>What a data plane of a Konnect control plane needs: its endpoints and the pinned certificate with its key.</summary>
/// <param name="Endpoints">The control-plane and telemetry endpoints.</param>
/// <param name="Certificate">The data-plane certificate pinned in Konnect, with its private key.</param>
internal sealed record KonnectClusterConnection(KonnectDataPlaneEndpoints Endpoints, ClusterCertificate Certificate)
{
    /// <summary>The <c>KONG_*</c> settings of a Konnect data plane (<see cref="KonnectDataPlaneEnvironment"/>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; } =
        KonnectDataPlaneEnvironment.Create(Endpoints, Certificate.CertificatePem, Certificate.PrivateKeyPem);

    /// <summary>The names of those settings, known before any control plane is found.</summary>
    public static IReadOnlyCollection<string> EnvironmentNames { get; } =
        KonnectDataPlaneEnvironment.Create(new KonnectDataPlaneEndpoints("control-plane", 443, "telemetry", 443), "certificate", "key").Keys.ToList();
}
