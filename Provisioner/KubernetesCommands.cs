using System.CommandLine;
using KonnectAspire.Provisioner.Cli;
using KonnectAspire.Provisioner.Deploy;
using KonnectAspire.Provisioner.LoadTest;

namespace KonnectAspire.Provisioner;

/// <summary>Registers the cluster verbs (deploy, status, diff, destroy, loadtest) on the root command.</summary>
internal static class KubernetesCommands
{
    public static void Add(Command root, ProvisionerContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(context);
        root.Subcommands.Add(new DeployCommand(context).Create());
        root.Subcommands.Add(new StatusCommand(context).Create());
        root.Subcommands.Add(new DiffCommand(context).Create());
        root.Subcommands.Add(new DestroyCommand(context).Create());
        root.Subcommands.Add(new LoadTestCommand(context).Create());
    }
}
