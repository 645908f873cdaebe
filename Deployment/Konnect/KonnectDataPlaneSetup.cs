using System.Text.Json;
using KonnectAspire.Konnect.Api;
using KonnectAspire.Konnect.Certificates;

namespace KonnectAspire.Deployment.Konnect;

/// <summary>
/// The Konnect side of plain data planes (<c>provisioner konnect up</c>, and the EKS deploy step of the plain flavour):
/// finds or creates the control plane, pins a data-plane certificate and writes the certificate, key, endpoints and a
/// Kubernetes manifest into a <see cref="KonnectOutputDirectory"/>. Each step checks what is there first, so a second
/// run changes nothing and a run interrupted anywhere is completed by the next one.
/// </summary>
public static class KonnectDataPlaneSetup
{
    /// <summary>The title of the pinned certificate in Konnect.</summary>
    public const string CertificateTitle = "konnectaspire data planes";

    /// <summary>A certificate this close to expiry is replaced rather than reused.</summary>
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    private static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// Brings control plane <paramref name="name"/> and the files in <paramref name="output"/> to the wanted state;
    /// <paramref name="namespace"/> is written into the manifest (null: none, so kubectl's current namespace).
    /// </summary>
    public static async Task<KonnectSetupResult> UpAsync(
        KonnectClient client,
        KonnectClientOptions options,
        string name,
        KonnectOutputDirectory output,
        string? @namespace,
        TimeProvider time,
        IDeploymentProgress progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(progress);
        var changes = new List<string>();

        var (controlPlane, created) = await progress.WaitAsync($"Finding or creating control plane '{name}'", _ => client.FindOrCreateControlPlaneAsync(
            new KonnectControlPlaneRequest
            {
                Name = name,
                Description = "Created by KonnectAspire (provisioner konnect up or aspire deploy).",
                Labels = new Dictionary<string, string> { ["managed-by"] = "konnectaspire" },
            },
            cancellationToken)).ConfigureAwait(false);
        if (created)
        {
            changes.Add($"created control plane '{controlPlane.Name}'");
        }

        var endpoints = KonnectDataPlaneEndpoints.From(controlPlane);
        var now = time.GetUtcNow();
        var certificate = output.ReadCertificate(now, RenewBefore);
        if (certificate is null)
        {
            certificate = ClusterCertificate.Generate(now);

            // Key first, then certificate: a run stopped in between leaves no readable pair, so the next run makes a new one.
            output.WriteIfChanged(output.KeyPath, certificate.PrivateKeyPem);
            output.WriteIfChanged(output.CertificatePath, certificate.CertificatePem);
            changes.Add($"generated a data-plane certificate (valid to {certificate.NotAfter:yyyy-MM-dd})");
        }

        if (await progress.WaitAsync("Pinning the data-plane certificate", _ => client.EnsureDataPlaneCertificatePinnedAsync(controlPlane.Id, certificate.CertificatePem, CertificateTitle, cancellationToken)).ConfigureAwait(false))
        {
            changes.Add($"pinned certificate SHA-256 {certificate.Sha256Fingerprint[..16]}…");
        }

        var state = new KonnectProvisionedState(
            controlPlane.Id,
            controlPlane.Name,
            client.BaseAddress.AbsoluteUri,
            options.ControlPlaneConsoleAddress(controlPlane.Id).AbsoluteUri,
            endpoints.ControlPlane,
            endpoints.Telemetry,
            certificate.Sha256Fingerprint,
            certificate.NotAfter);
        var files = new (string Path, string Contents)[]
        {
            (output.ManifestPath, KonnectClusterManifest.Yaml(certificate, endpoints, @namespace)),
            (output.EndpointsPath, KonnectOutputDirectory.EndpointsText(endpoints)),
            (output.StatePath, JsonSerializer.Serialize(state, StateJson) + "\n"),
        };
        foreach (var (path, contents) in files)
        {
            if (output.WriteIfChanged(path, contents))
            {
                changes.Add($"wrote {Path.GetFileName(path)}");
            }
        }

        return new KonnectSetupResult(controlPlane, options.ControlPlaneConsoleAddress(controlPlane.Id), changes);
    }
}
