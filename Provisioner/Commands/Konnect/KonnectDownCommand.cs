using System.CommandLine;
using KonnectAspire.Deployment.Konnect;
using KonnectAspire.Provisioner.Cli;
using Spectre.Console;

namespace KonnectAspire.Provisioner.Commands.Konnect;

/// <summary>
/// <c>konnect down</c>: deletes the control plane (with its pinned certificates and entities) and the local files
/// <c>konnect up</c> wrote, after a confirmation that <c>--yes</c> skips.
/// </summary>
internal sealed class KonnectDownCommand : KonnectVerbCommand
{
    private readonly Option<bool> _yes = new("--yes", "-y")
    {
        Description = "Delete without asking (needed when there is no terminal to ask on).",
    };

    public KonnectDownCommand(ProvisionerContext context)
        : base(context, "down", "Delete the control plane in Konnect, with its certificates and entities, and the local files konnect up wrote. Asks first unless --yes.")
        => Options.Add(_yes);

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var name = ControlPlaneName(parseResult);
        var output = new KonnectOutputDirectory(OutputDirectory(parseResult, name));
        var yes = parseResult.GetValue(_yes);
        var options = ClientOptions(parseResult);
        if (!yes && !Console.Profile.Capabilities.Interactive)
        {
            throw CommandFailedException.BadInput("konnect down deletes the control plane and everything on it; there is no terminal to confirm on, so pass --yes.");
        }

        using var client = CreateClient(options);
        var controlPlane = await StepAsync($"Finding control plane '{name}'", () => client.FindControlPlaneByNameAsync(name, cancellationToken));
        if (controlPlane is not null)
        {
            if (!yes && !await Console.ConfirmAsync($"Delete control plane '{Markup.Escape(controlPlane.Name)}' ({controlPlane.Id}) with all its configuration and pinned certificates?", defaultValue: false, cancellationToken))
            {
                Console.MarkupLine("Nothing deleted.");
                return ExitCodes.Success;
            }

            var deleted = await StepAsync($"Deleting control plane '{name}'", () => client.DeleteControlPlaneAsync(controlPlane.Id, cancellationToken));
            Console.MarkupLineInterpolated($"{(deleted ? "Deleted" : "Already gone:")} control plane [bold]{controlPlane.Name}[/] ({controlPlane.Id}).");
        }
        else
        {
            Console.MarkupLineInterpolated($"Control plane [bold]{name}[/] does not exist in {client.BaseAddress.Host}; nothing to delete there.");
        }

        var files = output.Delete();
        Console.MarkupLineInterpolated($"{(files.Count == 0 ? "No local files to delete" : $"Deleted {files.Count} local files")} in {output.Path}.");
        return ExitCodes.Success;
    }
}
