using System.CommandLine;
using KonnectAspire.Provisioner.Commands;

namespace KonnectAspire.Provisioner;

/// <summary>The command tree: <c>konnect up|sync|status|down</c> and the Kubernetes verbs.</summary>
internal static class ProvisionerCli
{
    public static RootCommand Create(ProvisionerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("KonnectAspire Provisioner: takes the app model to Kong Konnect and Kubernetes (EKS).");
        root.Subcommands.Add(new KonnectCommand(context));
        foreach (var (name, description) in new[]
        {
            ("deploy", "Apply the published manifests to a Kubernetes cluster (coming)."),
            ("status", "Show what is deployed (coming)."),
            ("diff", "Server-side dry run of the published manifests (coming)."),
            ("destroy", "Delete what deploy applied, in reverse order (coming)."),
            ("loadtest", "Bounded HTTP load with latency percentiles (coming)."),
        })
        {
            root.Subcommands.Add(new Command(name, description));
        }

        return root;
    }
}
