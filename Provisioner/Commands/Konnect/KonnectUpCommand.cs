using System.CommandLine;
using KonnectAspire.Deployment.Konnect;
using KonnectAspire.Provisioner.Cli;
using Spectre.Console;

namespace KonnectAspire.Provisioner.Commands.Konnect;

/// <summary>
/// <c>konnect up</c>: finds or creates the control plane, pins a data-plane certificate and writes the certificate, key,
/// endpoints and a Kubernetes manifest. Each step checks what is there first, so a second run changes nothing and a
/// run interrupted anywhere is completed by the next one.
/// </summary>
internal sealed class KonnectUpCommand : KonnectVerbCommand
{
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
        var options = ClientOptions(parseResult);
        using var client = CreateClient(options);

        var result = await KonnectDataPlaneSetup.UpAsync(client, options, name, output, parseResult.GetValue(_namespace), Context.Time, Progress, cancellationToken);
        Console.MarkupLineInterpolated($"Control plane [bold]{result.ControlPlane.Name}[/] ({result.ControlPlane.Id}): {result.ConsoleAddress}");
        Report(result.Changes, output);
        return ExitCodes.Success;
    }

    private void Report(IReadOnlyList<string> changes, KonnectOutputDirectory output)
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
