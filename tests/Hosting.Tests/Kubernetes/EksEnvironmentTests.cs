using Aspire.Hosting.Kong.Kubernetes;

namespace KonnectAspire.Hosting.Tests.Kubernetes;

public class EksEnvironmentTests
{
    [Fact]
    public void The_environment_is_in_the_model_only_in_publish_mode()
    {
        var run = DistributedApplication.CreateBuilder();
        run.AddEksEnvironment("eks");
        Assert.DoesNotContain(run.Resources, r => r is EksEnvironmentResource);

        var publish = DistributedApplication.CreateBuilder(["--operation", "publish"]);
        var environment = publish.AddEksEnvironment("eks");
        Assert.Contains(environment.Resource, publish.Resources);
        Assert.Equal("publish-eks", environment.Resource.PublishStepName);
    }

    [Fact]
    public void Options_recorded_in_the_AppHost_are_applied_in_order_when_publishing()
    {
        var builder = DistributedApplication.CreateBuilder(["--operation", "publish"]);
        var environment = builder.AddEksEnvironment("eks")
            .WithNamespace("first")
            .WithNamespace("gateway")
            .WithDataPlaneFlavor(EksDataPlaneFlavor.Plain)
            .WithLoadBalancer(AwsLoadBalancerScheme.Internal, new Dictionary<string, string> { ["service.beta.kubernetes.io/aws-load-balancer-ssl-ports"] = "443" })
            .WithProjectImages("123456789012.dkr.ecr.us-east-2.amazonaws.com", "1.4.2");

        var options = EksOptionsCallbackAnnotation<EksEnvironmentOptions>.Apply(environment.Resource, () => new());

        Assert.Equal("gateway", options.Namespace);
        Assert.Equal(EksDataPlaneFlavor.Plain, options.Flavor);
        Assert.Equal(AwsLoadBalancerScheme.Internal, options.LoadBalancerScheme);
        Assert.Equal("443", options.LoadBalancerAnnotations["service.beta.kubernetes.io/aws-load-balancer-ssl-ports"]);
        Assert.Equal("123456789012.dkr.ecr.us-east-2.amazonaws.com", options.ImageRegistry);
        Assert.Equal("1.4.2", options.ImageTag);
    }

    [Fact]
    public void Extra_annotations_win_over_the_built_in_ones_and_the_scheme_can_be_internal()
    {
        var environment = new EksEnvironmentOptions { LoadBalancerScheme = AwsLoadBalancerScheme.Internal };
        environment.LoadBalancerAnnotations[AwsLoadBalancerAnnotations.Attributes] = "load_balancing.cross_zone.enabled=false";
        var group = new EksDataPlaneOptions();
        group.LoadBalancerAnnotations["service.beta.kubernetes.io/aws-load-balancer-ssl-ports"] = "443";

        var annotations = AwsLoadBalancerAnnotations.For(environment, group);

        Assert.Equal("internal", annotations[AwsLoadBalancerAnnotations.Scheme]);
        Assert.Equal("load_balancing.cross_zone.enabled=false", annotations[AwsLoadBalancerAnnotations.Attributes]);
        Assert.Equal("443", annotations["service.beta.kubernetes.io/aws-load-balancer-ssl-ports"]);
        Assert.Equal("external", annotations[AwsLoadBalancerAnnotations.Type]);
        Assert.Equal("ip", annotations[AwsLoadBalancerAnnotations.NlbTargetType]);
    }

    [Fact]
    public void Public_methods_reject_null_arguments()
    {
        var builder = DistributedApplication.CreateBuilder(["--operation", "publish"]);
        var environment = builder.AddEksEnvironment("eks");
        Assert.Throws<ArgumentNullException>(() => ((IDistributedApplicationBuilder)null!).AddEksEnvironment("eks"));
        Assert.Throws<ArgumentNullException>(() => builder.AddEksEnvironment(null!));
        Assert.Throws<ArgumentNullException>(() => environment.WithEksOptions(null!));
        Assert.Throws<ArgumentNullException>(() => environment.WithNamespace(null!));
        Assert.Throws<ArgumentException>(() => environment.WithProjectImages(""));
    }
}
