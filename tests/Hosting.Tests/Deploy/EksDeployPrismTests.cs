using KonnectAspire.TestSupport.Konnect;
using KonnectAspire.TestSupport.Kubernetes;

namespace KonnectAspire.Hosting.Tests.Deploy;

/// <summary>The plain flavour's deploy step against Prism serving the Konnect OpenAPI: every Konnect call keeps to the spec.</summary>
[Collection(PrismCollection.Name)]
public sealed class EksDeployPrismTests(PrismMockServer prism) : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("eks-deploy-prism-").FullName;
    private FakeKubernetesApiServer _cluster = null!;

    public async Task InitializeAsync() => _cluster = await FakeKubernetesApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Deploying_the_plain_flavour_creates_the_control_plane_pins_the_certificate_and_syncs_with_no_spec_violation()
    {
        File.WriteAllText(Path.Combine(_root, "token"), "kpat_prism0test0token\n");
        var mark = prism.Mark();

        var logs = await AspireDeploy.RunAsync(Path.Combine(_root, "out"), EksDataPlaneFlavor.Plain,
        [
            $"Deploy:eks:Kubeconfig={_cluster.WriteKubeconfig(_root)}",
            $"Deploy:eks:KonnectTokenFile={Path.Combine(_root, "token")}",
            $"Deploy:eks:KonnectBaseUrl={prism.BaseAddress.AbsoluteUri}",
            $"Deploy:eks:CertificateDirectory={Path.Combine(_root, "certs")}",
            "Deploy:eks:Wait=false",
        ]);

        Assert.Contains("deploy-eks: ✓ control plane ", logs, StringComparison.Ordinal);
        Assert.Contains("deploy-eks: ✓ synced kong.yaml", logs, StringComparison.Ordinal);
        Assert.Contains("not waiting (Deploy:eks:Wait=false)", logs, StringComparison.Ordinal);
        Assert.Contains("api/v1/namespaces/konnect-aspire/secrets/kong-cluster-cert", SimulatedControllers.AppliedPaths(_cluster));
        Assert.Empty(await prism.ViolationsSinceAsync(mark));
    }
}
