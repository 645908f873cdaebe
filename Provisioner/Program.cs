using System.CommandLine;
using KonnectAspire.Provisioner.Kubernetes;

var root = new RootCommand("KonnectAspire Provisioner: takes the app model to Kong Konnect and Kubernetes (EKS).");
foreach (var (name, description) in new[]
{
    ("konnect", "Konnect control plane: up, sync, status, down (coming)."),
})
{
    root.Subcommands.Add(new Command(name, description));
}

KubernetesCommands.Add(root);

return await root.Parse(args).InvokeAsync();
