using System.CommandLine;
using KonnectAspire.Deployment.Konnect;
using KonnectAspire.Konnect.Api;
using KonnectAspire.Konnect.Gateway;
using KonnectAspire.Provisioner.Cli;
using Spectre.Console;

namespace KonnectAspire.Provisioner.Commands.Konnect;

/// <summary><c>konnect status</c>: what exists in Konnect and locally for the control plane; changes nothing.</summary>
internal sealed class KonnectStatusCommand : KonnectVerbCommand
{
    private readonly Option<string> _ownerTag = KonnectSyncCommand.OwnerTagOption();

    public KonnectStatusCommand(ProvisionerContext context)
        : base(context, "status", "Show the control plane, its endpoints, pinned certificates, the synced entities and the local files. Exit code 4 when the control plane does not exist.")
        => Options.Add(_ownerTag);

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var name = ControlPlaneName(parseResult);
        var output = new KonnectOutputDirectory(OutputDirectory(parseResult, name));
        var ownerTag = parseResult.GetValue(_ownerTag)!;
        var options = ClientOptions(parseResult);
        using var client = CreateClient(options);

        var controlPlane = await StepAsync($"Finding control plane '{name}'", () => client.FindControlPlaneByNameAsync(name, cancellationToken));
        if (controlPlane is null)
        {
            Console.MarkupLineInterpolated($"Control plane [bold]{name}[/] does not exist in {client.BaseAddress.Host}. Run `provisioner konnect up` to create it.");
            return ExitCodes.NotFound;
        }

        var pinned = await StepAsync("Listing pinned certificates", () => client.ListDataPlaneCertificatesAsync(controlPlane.Id, cancellationToken));
        var local = output.ReadCertificate(Context.Time.GetUtcNow(), TimeSpan.Zero);
        var store = client.EntityStore(controlPlane.Id);
        var counts = new Dictionary<GatewayEntityKind, int>();
        foreach (var kind in Enum.GetValues<GatewayEntityKind>())
        {
            counts[kind] = (await StepAsync($"Listing {kind} entities", () => store.ListTaggedAsync(kind, ownerTag, cancellationToken))).Count;
        }

        var table = new Table().AddColumn("").AddColumn("");
        table.AddRow("Control plane", Markup.Escape($"{controlPlane.Name} ({controlPlane.Id})"));
        table.AddRow("In Konnect", Markup.Escape(options.ControlPlaneConsoleAddress(controlPlane.Id).AbsoluteUri));
        table.AddRow("Cluster endpoint", Markup.Escape(controlPlane.Config.ControlPlaneEndpoint?.ToString() ?? "none"));
        table.AddRow("Telemetry endpoint", Markup.Escape(controlPlane.Config.TelemetryEndpoint?.ToString() ?? "none"));
        table.AddRow("Pinned certificates", pinned.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("Local certificate", Markup.Escape(local is null
            ? $"none in {output.Path} (run konnect up)"
            : $"SHA-256 {local.Sha256Fingerprint[..16]}…, valid to {local.NotAfter:yyyy-MM-dd}, {(KonnectClient.IsPinned(pinned, local.CertificatePem) ? "pinned" : "NOT pinned (run konnect up)")}"));
        table.AddRow(Markup.Escape($"Entities tagged '{ownerTag}'"), Markup.Escape(string.Join(", ", counts.Select(c => $"{c.Value} {c.Key.ToString().ToLowerInvariant()}s"))));
        Console.Write(table);
        return ExitCodes.Success;
    }
}
