namespace KonnectAspire.Hosting.Tests;

public sealed class KongPublishModeTests : IDisposable
{
    private readonly KongTestAppHost _host = new("--operation", "publish", "--step", "publish");

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Publish_mode_models_only_the_data_plane_group()
    {
        Assert.True(_host.Builder.ExecutionContext.IsPublishMode);
        var controlPlane = _host.Builder.AddKongControlPlane("kong");
        var service = _host.Builder.AddContainer("api", "example/api", "1.0").WithHttpEndpoint(targetPort: 8080);
        controlPlane.WithRoute("/api", service);

        var group = _host.Builder.AddKongDataPlane("kong-dp", controlPlane, instances: 3).Resource;

        Assert.Equal(["api", "kong-dp"], _host.Builder.Resources.Select(resource => resource.Name).Order());
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
}
