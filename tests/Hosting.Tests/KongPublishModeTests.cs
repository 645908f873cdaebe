namespace KonnectAspire.Hosting.Tests;

public sealed class KongPublishModeTests : IDisposable
{
    private readonly KongTestAppHost _host = new("--operation", "publish", "--step", "publish");

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Publish_mode_keeps_the_control_plane_and_the_group_but_no_local_container()
    {
        Assert.True(_host.Builder.ExecutionContext.IsPublishMode);
        var controlPlane = _host.Builder.AddKongControlPlane("kong");
        var service = _host.Builder.AddContainer("api", "example/api", "1.0").WithHttpEndpoint(targetPort: 8080);
        controlPlane.WithRoute("/api", service);

        var group = _host.Builder.AddKongDataPlane("kong-dp", controlPlane, instances: 3).Resource;

        Assert.Equal(["api", "kong", "kong-dp"], _host.Builder.Resources.Select(resource => resource.Name).Order());
        Assert.Empty(controlPlane.Resource.Annotations.OfType<ContainerImageAnnotation>());
        Assert.Empty(controlPlane.Resource.Annotations.OfType<EndpointAnnotation>());
        Assert.Same(controlPlane.Resource, group.ControlPlane);
        Assert.Equal(3, group.Instances);
        Assert.Empty(group.InstanceResources);
    }

    [Fact]
    public void Publish_mode_still_records_the_gateway_config_on_the_control_plane()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");
        var service = _host.Builder.AddContainer("api", "example/api", "1.0").WithHttpEndpoint(targetPort: 8080);

        controlPlane.WithRoute("/api", service).WithPlugin("cors");

        Assert.Equal("/api", Assert.Single(controlPlane.Resource.Annotations.OfType<KongRouteAnnotation>()).Path);
        Assert.Equal("cors", Assert.Single(controlPlane.Resource.Annotations.OfType<KongPluginAnnotation>()).Name);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_and_publish_mode_model_the_same_Kong_and_Konnect_resources(bool konnect)
    {
        using var run = new KongTestAppHost();

        Assert.Equal(KongResources(run, konnect), KongResources(_host, konnect));
    }

    // The Kong and Konnect resources of one AppHost, by type and name; the local instance containers are run-only.
    private static string[] KongResources(KongTestAppHost host, bool konnect)
    {
        var builder = host.Builder;
        IResourceBuilder<IKongControlPlaneResource> controlPlane = konnect
            ? builder.AddKonnectControlPlane("kong", builder.AddParameter("konnect-token", secret: true), "prod-gateway", KonnectAspire.Konnect.Api.KonnectRegion.Eu)
            : builder.AddKongControlPlane("kong");
        builder.AddKongDataPlane("kong-dp", controlPlane, instances: 2);
        return builder.Resources
            .Where(resource => resource is IKongControlPlaneResource or KongDataPlaneResource)
            .Select(resource => $"{resource.GetType().Name} {resource.Name}")
            .Order()
            .ToArray();
    }
}
