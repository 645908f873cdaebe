using System.CommandLine;
using KonnectAspire.Deployment.Konnect;
using KonnectAspire.Konnect.Sync;
using KonnectAspire.Provisioner.Cli;
using Spectre.Console;

namespace KonnectAspire.Provisioner.Commands.Konnect;

/// <summary>
/// <c>konnect sync</c>: pushes a decK kong.yaml (or the kong.yaml in a publish output folder) to the control plane's
/// core entities through the gateway-config sync engine, touching only entities tagged with the owner tag.
/// </summary>
internal sealed class KonnectSyncCommand : KonnectVerbCommand
{
    public const string DeckFileName = KonnectDeckFile.FileName;

    private readonly Argument<FileSystemInfo> _source = new("path")
    {
        Description = $"A decK file ({DeckFileName}), or a publish output folder that holds one.",
    };

    private readonly Option<string> _ownerTag = OwnerTagOption();

    public KonnectSyncCommand(ProvisionerContext context)
        : base(context, "sync", "Push a decK kong.yaml, or the gateway config of a publish output folder, to the control plane.")
    {
        Arguments.Add(_source);
        Options.Add(_ownerTag);
    }

    public static Option<string> OwnerTagOption() => new("--owner-tag")
    {
        Description = "The tag marking the entities this tool owns (the AppHost uses the same one); entities without it are never changed or deleted.",
        DefaultValueFactory = _ => GatewayConfigSynchronizer.DefaultOwnerTag,
    };

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var name = ControlPlaneName(parseResult);
        var ownerTag = parseResult.GetValue(_ownerTag)?.Trim();
        if (string.IsNullOrEmpty(ownerTag) || ownerTag.Any(c => c is ',' or '/' || char.IsWhiteSpace(c)))
        {
            throw CommandFailedException.BadInput($"--owner-tag '{ownerTag}' is not a usable Kong tag; use letters, digits, '-', '_', '.', ':' and no spaces, commas or slashes.");
        }

        var deckFile = FindDeckFile(parseResult.GetValue(_source)!);
        var configuration = KonnectDeckFile.Read(deckFile);
        var options = ClientOptions(parseResult);
        using var client = CreateClient(options);

        var controlPlane = await StepAsync($"Finding control plane '{name}'", () => client.FindControlPlaneByNameAsync(name, cancellationToken));
        if (controlPlane is null)
        {
            throw new CommandFailedException(ExitCodes.NotFound, $"Control plane '{name}' does not exist in {client.BaseAddress.Host}. Run `provisioner konnect up` first.");
        }

        var synchronizer = new GatewayConfigSynchronizer(client.EntityStore(controlPlane.Id), ownerTag);
        var result = await StepAsync($"Syncing {Path.GetFileName(deckFile)} to '{controlPlane.Name}'", () => synchronizer.SyncAsync(configuration, cancellationToken));
        if (!result.HasChanges)
        {
            Console.MarkupLineInterpolated($"[green]Nothing to change:[/] {result.Unchanged.Count} entities already as {deckFile} says.");
            return ExitCodes.Success;
        }

        foreach (var (label, items) in new[] { ("created", result.Created), ("updated", result.Updated), ("deleted", result.Deleted) })
        {
            foreach (var item in items)
            {
                Console.MarkupLineInterpolated($"  {label} {item}");
            }
        }

        Console.MarkupLineInterpolated($"[green]Synced[/] to {options.ControlPlaneConsoleAddress(controlPlane.Id)} ({result.Unchanged.Count} unchanged).");
        return ExitCodes.Success;
    }

    private string FindDeckFile(FileSystemInfo source)
    {
        var path = Path.GetFullPath(source.ToString(), Context.WorkingDirectory);
        if (File.Exists(path))
        {
            return path;
        }

        if (!Directory.Exists(path))
        {
            throw CommandFailedException.BadInput($"'{path}' does not exist; give a decK {DeckFileName} or the publish output folder that holds one.");
        }

        var found = Directory.EnumerateFiles(path, DeckFileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        return found.Count switch
        {
            1 => found[0],
            0 => throw CommandFailedException.BadInput(
                File.Exists(Path.Combine(path, "kustomization.yaml"))
                    ? $"'{path}' is a Kong Operator publish output: it holds no {DeckFileName}, because the Kong Operator syncs the gateway config (KongService, KongRoute, KongPlugin) itself once deployed. `konnect sync` is for the plain flavour (.WithDataPlaneFlavor(EksDataPlaneFlavor.Plain)) or a decK file."
                    : $"No {DeckFileName} under '{path}'; publish the AppHost first (dotnet run --project AppHost -- --operation publish --step publish --output-path \"$PWD/publish-output\") or give the decK file itself."),
            _ => throw CommandFailedException.BadInput($"{found.Count} {DeckFileName} files under '{path}' ({string.Join(", ", found.Select(f => Path.GetRelativePath(path, f)))}); give the one to sync."),
        };
    }
}
