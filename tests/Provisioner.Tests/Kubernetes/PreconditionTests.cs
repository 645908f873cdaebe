using System.Net;
using System.Net.Sockets;
using KonnectAspire.Provisioner.Kubernetes;

namespace KonnectAspire.Provisioner.Tests.Kubernetes;

public sealed class PreconditionTests : IAsyncLifetime
{
    private readonly ProvisionerCli _cli = new();
    private FakeKubernetesApiServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeKubernetesApiServer.StartAsync();
        _cli.Environment["KUBECONFIG"] = _server.WriteKubeconfig(_cli.WorkDirectory);
        _cli.Environment[KonnectSecretSources.TokenVariable] = DeployCommandTests.Token;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task An_unreachable_cluster_is_a_failed_precondition_that_names_the_context_fix()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var kubeconfig = _server.WriteKubeconfig(Path.Combine(_cli.WorkDirectory, "closed"));
        File.WriteAllText(kubeconfig, File.ReadAllText(kubeconfig).Replace($":{_server.BaseAddress.Port}", $":{closedPort}", StringComparison.Ordinal));

        var exit = await _cli.RunAsync("deploy", _cli.PublishOutput("operator"), "--kubeconfig", kubeconfig);

        Assert.Equal(KubernetesExitCodes.PreconditionFailed, exit);
        Assert.Contains($"Cannot reach the Kubernetes API at http://127.0.0.1:{closedPort}/", _cli.Output, StringComparison.Ordinal);
        Assert.Contains("aws eks update-kubeconfig --name <cluster> --region <region>", _cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_credentials_are_a_failed_precondition_that_says_how_to_refresh_them()
    {
        _server.RejectCredentials = true;

        var exit = await _cli.RunAsync("deploy", _cli.PublishOutput("operator"));

        Assert.Equal(KubernetesExitCodes.PreconditionFailed, exit);
        Assert.Contains("rejected the credentials of context fake", _cli.Output, StringComparison.Ordinal);
        Assert.Contains("aws sts get-caller-identity", _cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Requests, r => r.IsApply);
    }

    [Fact]
    public async Task Missing_kong_operator_crds_print_the_helm_command_that_installs_it_with_konnect_controllers_on()
    {
        _server.Resources.RemoveAll(r => r.Group.EndsWith("konghq.com", StringComparison.Ordinal));

        var exit = await _cli.RunAsync("deploy", _cli.PublishOutput("operator"));

        Assert.Equal(KubernetesExitCodes.PreconditionFailed, exit);
        Assert.Contains("the Kong Operator and its CRDs are not installed", _cli.Output, StringComparison.Ordinal);
        Assert.Contains("helm upgrade --install ko kong/kong-operator -n kong-system --create-namespace --set image.tag=2.2.3 --set env.ENABLE_CONTROLLER_KONNECT=true", _cli.Output, StringComparison.Ordinal);
        Assert.Contains("KonnectGatewayControlPlane (konnect.konghq.com/v1alpha2)", _cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Requests, r => r.IsApply);
    }

    [Fact]
    public async Task A_missing_aws_load_balancer_controller_is_a_warning_and_deploy_goes_on()
    {
        _server.Resources.RemoveAll(r => r.Group == "elbv2.k8s.aws");

        var exit = await _cli.RunAsync("deploy", _cli.PublishOutput("operator"), "--no-wait");

        Assert.Equal(KubernetesExitCodes.Success, exit);
        Assert.Contains("warning: The AWS Load Balancer Controller is not installed", _cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("metrics-server", _cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_metrics_server_is_a_warning_that_the_hpa_cannot_read_cpu()
    {
        _server.Resources.RemoveAll(r => r.Group == "metrics.k8s.io");

        var exit = await _cli.RunAsync("deploy", _cli.PublishOutput("operator"), "--no-wait");

        Assert.Equal(KubernetesExitCodes.Success, exit);
        Assert.Contains("warning: metrics-server is not installed", _cli.Output, StringComparison.Ordinal);
        Assert.Contains("cannot read CPU", _cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publish_output_without_kustomization_is_bad_input_before_any_request()
    {
        var empty = Path.Combine(_cli.WorkDirectory, "empty");
        Directory.CreateDirectory(empty);

        var exit = await _cli.RunAsync("deploy", empty);

        Assert.Equal(KubernetesExitCodes.BadInput, exit);
        Assert.Contains("has no kustomization.yaml: it is not a publish output", _cli.Output, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }
}
