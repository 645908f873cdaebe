using KonnectAspire.Provisioner.Cli;
using KonnectAspire.Provisioner.Tests.Commands.LoadTest;

namespace KonnectAspire.Provisioner.Tests.Commands.Cluster;

public sealed class PreconditionTests : FakeClusterTests
{
    [Fact]
    public async Task An_unreachable_cluster_is_a_failed_precondition_that_names_the_context_fix()
    {
        var closedPort = KongStandIn.UnusedPort();
        var kubeconfig = Server.WriteKubeconfig(Path.Combine(Cli.WorkingDirectory, "closed"));
        File.WriteAllText(kubeconfig, File.ReadAllText(kubeconfig).Replace($":{Server.BaseAddress.Port}", $":{closedPort}", StringComparison.Ordinal));

        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("operator"), "--kubeconfig", kubeconfig);

        Assert.Equal(ExitCodes.PreconditionFailed, exit);
        Assert.Contains($"Cannot reach the Kubernetes API at http://127.0.0.1:{closedPort}/", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("aws eks update-kubeconfig --name <cluster> --region <region>", Cli.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_credentials_are_a_failed_precondition_that_says_how_to_refresh_them()
    {
        Server.RejectCredentials = true;

        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("operator"));

        Assert.Equal(ExitCodes.PreconditionFailed, exit);
        Assert.Contains("rejected the credentials of context fake", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("aws sts get-caller-identity", Cli.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Requests, r => r.IsApply);
    }

    [Fact]
    public async Task Missing_kong_operator_crds_print_the_helm_command_that_installs_it_with_konnect_controllers_on()
    {
        Server.Resources.RemoveAll(r => r.Group.EndsWith("konghq.com", StringComparison.Ordinal));

        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("operator"));

        Assert.Equal(ExitCodes.PreconditionFailed, exit);
        Assert.Contains("the Kong Operator and its CRDs are not installed", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("helm upgrade --install ko kong/kong-operator -n kong-system --create-namespace --set image.tag=2.2.3 --set env.ENABLE_CONTROLLER_KONNECT=true", Cli.Transcript, StringComparison.Ordinal);
        Assert.Contains("KonnectGatewayControlPlane (konnect.konghq.com/v1alpha2)", Cli.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Requests, r => r.IsApply);
    }

    [Theory]
    [InlineData("elbv2.k8s.aws", "warning: The AWS Load Balancer Controller is not installed", "metrics-server")]
    [InlineData("metrics.k8s.io", "warning: metrics-server is not installed (the cluster serves no metrics.k8s.io API): the HorizontalPodAutoscaler cannot read CPU", "Load Balancer Controller")]
    public async Task A_missing_add_on_is_a_warning_naming_its_install_and_deploy_goes_on(string group, string warning, string notWarned)
    {
        Server.Resources.RemoveAll(r => r.Group == group);

        var exit = await Cli.InvokeAsync("deploy", Cli.PublishOutput("operator"), "--no-wait");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains(warning, Cli.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(notWarned, Cli.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publish_output_without_kustomization_is_bad_input_before_any_request()
    {
        var empty = Path.Combine(Cli.WorkingDirectory, "empty");
        Directory.CreateDirectory(empty);

        var exit = await Cli.InvokeAsync("deploy", empty);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("has no kustomization.yaml: it is not a publish output", Cli.Transcript, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }
}
