using System.CommandLine;
using System.Text.Json;
using KonnectAspire.Konnect.Api;
using KonnectAspire.Konnect.Certificates;
using KonnectAspire.Provisioner.Cli;
using KonnectAspire.Deployment.Konnect;
using Spectre.Console;

namespace KonnectAspire.Provisioner.Commands;

/// <summary>
/// <c>konnect up</c>: finds or creates the control plane, pins a data-plane certificate and writes the certificate, key,
/// endpoints and a Kubernetes manifest. Each step checks what is there first, so a second run changes nothing and a
/// run interrupted anywhere is completed by the next one.
/// </summary>
internal sealed class KonnectUpCommand : KonnectVerbCommand
{
    public const string CertificateTitle = "konnectaspire data planes";

    /// <summary>A certificate this close to expiry is replaced rather than reused.</summary>
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    private static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly Option<string?> _namespace = new("--namespace", "-n")
    {
        Description = "The Kubernetes namespace written into the manifest (default: none, so kubectl's current namespace).",
    };

    public KonnectUpCommand(ProvisionerContext context)
        : base(context, "up", "Find or create the control plane, pin a data-plane certificate, and write the certificate, key, endpoints and a Kubernetes Secret/ConfigMap manifest.")
        => Options.Add(_namespace);

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var name = ControlPlaneName(parseResult);
        var output = new KonnectOutputDirectory(OutputDirectory(parseResult, name));
        var ns = parseResult.GetValue(_namespace);
        var options = ClientOptions(parseResult);
        using var client = CreateClient(options);
        var changes = new List<string>();

        var (controlPlane, created) = await StepAsync($"Finding or creating control plane '{name}'", () => client.FindOrCreateControlPlaneAsync(
            new KonnectControlPlaneRequest
            {
                Name = name,
                Description = "Created by the KonnectAspire Provisioner (konnect up).",
                Labels = new Dictionary<string, string> { ["managed-by"] = "konnectaspire" },
            },
            cancellationToken));
        if (created)
        {
            changes.Add($"created control plane '{controlPlane.Name}'");
        }

        Console.MarkupLineInterpolated($"Control plane [bold]{controlPlane.Name}[/] ({controlPlane.Id}): {options.ControlPlaneConsoleAddress(controlPlane.Id)}");
        var endpoints = KonnectDataPlaneEndpoints.From(controlPlane);

        var now = Context.Time.GetUtcNow();
        var certificate = output.ReadCertificate(now, RenewBefore);
        if (certificate is null)
        {
            certificate = ClusterCertificate.Generate(now);

            // Key first, then certificate: a run stopped in between leaves no readable pair, so the next run makes a new one.
            output.WriteIfChanged(output.KeyPath, certificate.PrivateKeyPem);
            output.WriteIfChanged(output.CertificatePath, certificate.CertificatePem);
            changes.Add($"generated a data-plane certificate (valid to {certificate.NotAfter:yyyy-MM-dd})");
        }

        if (await StepAsync("Pinning the data-plane certificate", () => client.EnsureDataPlaneCertificatePinnedAsync(controlPlane.Id, certificate.CertificatePem, CertificateTitle, cancellationToken)))
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
            (output.ManifestPath, KonnectClusterManifest.Yaml(certificate, endpoints, ns)),
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

        Report(changes, output);
        return ExitCodes.Success;
    }

    private void Report(List<string> changes, KonnectOutputDirectory output)
    {
        if (changes.Count == 0)
        {
            Console.MarkupLine("[green]Nothing to change:[/] the control plane exists, the certificate is pinned and the files are up to date.");
        }
        else
        {
            Console.MarkupLine("[green]Done:[/]");
            foreach (var change in changes)
            {
                Console.MarkupLineInterpolated($"  - {change}");
            }
        }

        Console.MarkupLineInterpolated($"Files (owner-only) in {output.Path}:");
        Console.MarkupLineInterpolated($"  {KonnectOutputDirectory.CertificateFileName}, {KonnectOutputDirectory.KeyFileName}: the data-plane certificate and key");
        Console.MarkupLineInterpolated($"  {KonnectOutputDirectory.ManifestFileName}: kubectl apply -f {output.ManifestPath}");
        Console.MarkupLineInterpolated($"  {KonnectOutputDirectory.EndpointsFileName}: the KONG_CLUSTER_* endpoint settings");
    }
}
