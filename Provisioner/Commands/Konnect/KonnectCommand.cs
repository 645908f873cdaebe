using System.CommandLine;
using KonnectAspire.Provisioner.Cli;

namespace KonnectAspire.Provisioner.Commands.Konnect;

/// <summary><c>konnect</c>: the Konnect control plane verbs.</summary>
internal sealed class KonnectCommand : Command
{
    public KonnectCommand(ProvisionerContext context)
        : base("konnect", "Konnect control plane: up, sync, status, down. The token comes from KONNECT_TOKEN or --token-file, never the command line.")
    {
        Subcommands.Add(new KonnectUpCommand(context));
        Subcommands.Add(new KonnectSyncCommand(context));
        Subcommands.Add(new KonnectStatusCommand(context));
        Subcommands.Add(new KonnectDownCommand(context));
    }
}
