using System.CommandLine;
using KonnectAspire.Provisioner.Commands;
using KonnectAspire.Provisioner.Kubernetes;

namespace KonnectAspire.Provisioner;

/// <summary>The command tree: <c>konnect up|sync|status|down</c> and the Kubernetes verbs.</summary>
internal static class ProvisionerCli
{
    public static RootCommand Create(ProvisionerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("KonnectAspire Provisioner: takes the app model to Kong Konnect and Kubernetes (EKS).");
        root.Subcommands.Add(new KonnectCommand(context));
        KubernetesCommands.Add(root, context);

        return root;
    }
}
