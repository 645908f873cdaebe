using System.CommandLine;

var root = new RootCommand("KonnectAspire Provisioner: takes the app model to Kong Konnect and Kubernetes (EKS).");
foreach (var (name, description) in new[]
{
    ("konnect", "Konnect control plane: up, sync, status, down (coming)."),
    ("deploy", "Apply the published manifests to a Kubernetes cluster (coming)."),
    ("status", "Show what is deployed (coming)."),
    ("diff", "Server-side dry run of the published manifests (coming)."),
    ("destroy", "Delete what deploy applied, in reverse order (coming)."),
    ("loadtest", "Bounded HTTP load with latency percentiles (coming)."),
})
{
    root.Subcommands.Add(new Command(name, description));
}

return await root.Parse(args).InvokeAsync();
