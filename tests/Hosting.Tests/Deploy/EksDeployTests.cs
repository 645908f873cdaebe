using System.Text;
using Aspire.Hosting.Kong.Kubernetes;
using KonnectAspire.TestSupport;
using KonnectAspire.TestSupport.Konnect;
using KonnectAspire.TestSupport.Kubernetes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KonnectAspire.Hosting.Tests.Deploy;

/// <summary>
/// <c>aspire deploy</c> (<c>--operation publish --step deploy</c>) of the reference architecture, from an empty (fake)
/// cluster and an empty (fake) Konnect to a printed URL, run by Aspire's own pipeline in-process; then run again.
/// </summary>
[Collection(nameof(ProcessExitCodeCollection))]
public sealed class EksDeployTests : IAsyncLifetime
{
    private const string Token = "kpat_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ";

    private readonly string _root = Directory.CreateTempSubdirectory("eks-deploy-").FullName;
    private FakeKubernetesApiServer _cluster = null!;
    private FakeKonnect _konnect = null!;
    private LoopbackServer _gateway = null!;

    private string Output => Path.Combine(_root, "out");

    private string Certificates => Path.Combine(_root, "certs");

    public async Task InitializeAsync()
    {
        _cluster = await FakeKubernetesApiServer.StartAsync();
        _konnect = await FakeKonnect.StartAsync();
        _gateway = await LoopbackServer.StartAsync(app => app.Run(context => context.Response.WriteAsync("""{"message":"no Route matched with those values"}""")));
        File.WriteAllText(Path.Combine(_root, "token"), Token + "\n");
        Environment.ExitCode = 0;
    }

    public async Task DisposeAsync()
    {
        Environment.ExitCode = 0;
        await _gateway.DisposeAsync();
        await _konnect.DisposeAsync();
        await _cluster.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Plain_flavour_goes_from_nothing_to_a_url_creating_the_konnect_control_plane_converges_on_a_rerun_and_is_destroyed()
    {
        SimulatedControllers.Start(_cluster, _gateway.BaseAddress.Port);

        var logs = await DeployAsync(EksDataPlaneFlavor.Plain);

        Assert.True(Environment.ExitCode == 0, logs);
        Assert.Contains($"The gateway answers at http://127.0.0.1:{_gateway.BaseAddress.Port}/", logs, StringComparison.Ordinal);
        Assert.Contains("kubectl -n konnect-aspire port-forward svc/aspire-dashboard 18888:18888", logs, StringComparison.Ordinal);
        var controlPlane = Assert.Single(_konnect.ControlPlanes);
        var id = Guid.Parse(controlPlane["id"]!.GetValue<string>());
        Assert.Equal("kong", controlPlane["name"]!.GetValue<string>());
        Assert.Single(_konnect.PinnedCertificates(id));
        Assert.Contains(_konnect.Entities(id, "routes"), r => r["name"]?.GetValue<string>() == "orders");
        var applied = SimulatedControllers.AppliedPaths(_cluster);
        Assert.Contains("api/v1/namespaces/konnect-aspire/secrets/kong-cluster-cert", applied);
        Assert.Contains("api/v1/namespaces/konnect-aspire/configmaps/konnect-endpoints", applied);
        Assert.Contains("apis/apps/v1/namespaces/konnect-aspire/deployments/kong-dp", applied);
        Assert.Contains("apis/autoscaling/v2/namespaces/konnect-aspire/horizontalpodautoscalers/kong-dp", applied);
        Assert.True(_gateway.Requests >= 1);

        var before = SimulatedControllers.Identities(_cluster);
        var writes = _konnect.Writes;
        var rerun = await DeployAsync(EksDataPlaneFlavor.Plain, "Deploy:eks:Wait=false");

        Assert.True(Environment.ExitCode == 0, rerun);
        Assert.Equal(writes, _konnect.Writes);
        Assert.Single(_konnect.ControlPlanes);
        Assert.Equal(before, SimulatedControllers.Identities(_cluster));
        Assert.DoesNotContain(Token, logs + rerun, StringComparison.Ordinal);

        var destroyed = await DeployAsync(EksDataPlaneFlavor.Plain, "Pipeline:Step=destroy");

        Assert.True(Environment.ExitCode == 0, destroyed);
        Assert.Contains("destroy-eks: Destroyed.", destroyed, StringComparison.Ordinal);
        Assert.All(
            applied.Where(p => p.Contains("/deployments/", StringComparison.Ordinal) || p.Contains("/services/", StringComparison.Ordinal) || p.EndsWith("/kong-cluster-cert", StringComparison.Ordinal)),
            path => Assert.Null(_cluster.Get(path)));
        Assert.Single(_konnect.ControlPlanes);
    }

    [Fact]
    public async Task Kong_operator_flavour_creates_the_token_secret_waits_for_the_operator_and_prints_the_url()
    {
        SimulatedControllers.Start(_cluster, _gateway.BaseAddress.Port);

        var logs = await DeployAsync(EksDataPlaneFlavor.KongOperator);

        Assert.True(Environment.ExitCode == 0, logs);
        var secret = _cluster.Get("api/v1/namespaces/konnect-aspire/secrets/konnect-api-token")!;
        Assert.Equal(Token, Encoding.UTF8.GetString(Convert.FromBase64String(secret["data"]!["token"]!.GetValue<string>())));
        Assert.Contains("Programmed", logs, StringComparison.Ordinal);
        Assert.Contains($"The gateway answers at http://127.0.0.1:{_gateway.BaseAddress.Port}/", logs, StringComparison.Ordinal);
        Assert.Empty(_konnect.ControlPlanes);
        Assert.DoesNotContain(Token, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_flavour_without_a_konnect_token_names_both_ways_to_give_one_and_changes_nothing()
    {
        var logs = await DeployAsync(EksDataPlaneFlavor.Plain, "Deploy:eks:KonnectTokenFile=");

        Assert.Equal(EksPublisher.FailureExitCode, Environment.ExitCode);
        Assert.Contains("deploy-eks: Deploying 'eks' (plain flavour) finds or creates its Konnect control plane and needs a Konnect token: set KONNECT_TOKEN or Deploy:eks:KonnectTokenFile=<file>", logs, StringComparison.Ordinal);
        Assert.Equal(0, _konnect.Writes);
        Assert.Empty(SimulatedControllers.AppliedPaths(_cluster));
    }

    [Theory]
    [InlineData("Deploy:eks:Timeout=soon", "Deploy:eks:Timeout 'soon' is not a duration: write it like 90s, 10m or 1h30m.")]
    [InlineData("Deploy:eks:Wait=maybe", "Deploy:eks:Wait 'maybe' is not true or false.")]
    [InlineData("Deploy:eks:ProbePath=orders", "Deploy:eks:ProbePath 'orders' is not a path; write it like /orders.")]
    [InlineData("Deploy:eks:SecretFromEnv=kong-ai-credentials", "Deploy:eks:SecretFromEnv expects NAME/KEY=VARIABLE")]
    public async Task A_bad_deploy_setting_is_refused_naming_its_key_before_anything_is_sent(string setting, string message)
    {
        var logs = await DeployAsync(EksDataPlaneFlavor.Plain, setting);

        Assert.Equal(EksPublisher.FailureExitCode, Environment.ExitCode);
        Assert.Contains(message, logs, StringComparison.Ordinal);
        Assert.Equal(0, _konnect.Writes);
        Assert.Empty(_cluster.Requests);
    }

    [Fact]
    public async Task A_cluster_that_never_gets_ready_ends_the_deploy_at_its_timeout_naming_what_it_waited_for()
    {
        var logs = await DeployAsync(EksDataPlaneFlavor.Plain, "Deploy:eks:Timeout=3s");

        Assert.Equal(EksPublisher.FailureExitCode, Environment.ExitCode);
        Assert.Contains("deploy-eks: Timed out after 3s waiting for ", logs, StringComparison.Ordinal);
        Assert.Contains("rolled out", logs, StringComparison.Ordinal);
        Assert.Contains("Deploy:eks:Timeout=30m", logs, StringComparison.Ordinal);
    }

    private Task<string> DeployAsync(EksDataPlaneFlavor flavor, params string[] settings) => AspireDeploy.RunAsync(
        Output,
        flavor,
        [
            $"Deploy:eks:Kubeconfig={_cluster.WriteKubeconfig(_root)}",
            $"Deploy:eks:KonnectTokenFile={Path.Combine(_root, "token")}",
            $"Deploy:eks:KonnectBaseUrl={_konnect.BaseAddress.AbsoluteUri}",
            $"Deploy:eks:CertificateDirectory={Certificates}",
            "Deploy:eks:Timeout=60s",
            .. settings,
        ]);
}
