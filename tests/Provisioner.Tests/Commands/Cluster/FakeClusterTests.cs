using KonnectAspire.Provisioner.Commands.Konnect;
using KonnectAspire.TestSupport.Kubernetes;

namespace KonnectAspire.Provisioner.Tests.Commands.Cluster;

/// <summary>
/// Tests of the cluster verbs against a fresh fake API server each, reached through $KUBECONFIG, with a Konnect token
/// in $KONNECT_TOKEN (tests that need another setup change the environment first).
/// </summary>
public abstract class FakeClusterTests : IAsyncLifetime
{
    internal const string Token = "kpat_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ";

    internal ProvisionerRun Cli { get; } = new();

    internal FakeKubernetesApiServer Server { get; private set; } = null!;

    /// <summary>The namespace of the kubeconfig context.</summary>
    protected virtual string ContextNamespace => "default";

    public async Task InitializeAsync()
    {
        Server = await FakeKubernetesApiServer.StartAsync();
        Cli.WithEnvironment("KUBECONFIG", Server.WriteKubeconfig(Cli.WorkingDirectory, ContextNamespace))
            .WithEnvironment(KonnectVerbCommand.TokenVariable, Token);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Cli.Dispose();
    }
}
