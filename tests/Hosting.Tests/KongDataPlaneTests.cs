namespace KonnectAspire.Hosting.Tests;

public sealed class KongDataPlaneTests : IDisposable
{
    private readonly KongTestAppHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Adds_a_group_with_two_instance_containers_by_default()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        var group = _host.Builder.AddKongDataPlane("kong-dp", controlPlane).Resource;

        Assert.Equal(2, group.Instances);
        Assert.Same(controlPlane.Resource, group.ControlPlane);
        Assert.Equal(["kong-dp-1", "kong-dp-2"], group.InstanceResources.Select(instance => instance.Name));
        Assert.All(group.InstanceResources, instance => Assert.Same(group, instance.Parent));
        Assert.Equal(group.InstanceResources, _host.Builder.Resources.OfType<KongDataPlaneInstanceResource>());
    }

    [Fact]
    public void Adds_as_many_instances_as_asked()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        var group = _host.Builder.AddKongDataPlane("edge", controlPlane, instances: 3).Resource;

        Assert.Equal(["edge-1", "edge-2", "edge-3"], _host.Builder.Resources.OfType<KongDataPlaneInstanceResource>().Select(instance => instance.Name));
        Assert.Equal(3, group.Instances);
    }

    [Fact]
    public void More_local_instances_than_one_machine_runs_are_refused_before_any_port_is_taken()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _host.Builder.AddKongDataPlane("kong-dp", controlPlane, instances: 1000));

        Assert.Equal("instances", error.ParamName);
        Assert.Contains("Data plane 'kong-dp' asks for 1000 local instances; at most 16 run on one machine", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Builder.Resources, r => r.Name.StartsWith("kong-dp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(65535, 2)]
    [InlineData(-80, 1)]
    public void Proxy_ports_outside_1_to_65535_are_refused_naming_the_range(int proxyPort, int instances)
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _host.Builder.AddKongDataPlane("kong-dp", controlPlane, instances, proxyPort));

        Assert.Equal("proxyPort", error.ParamName);
        Assert.Contains($"Data plane 'kong-dp' would bind proxy ports {proxyPort} to {proxyPort + instances - 1}; ports are 1 to 65535", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Fewer_than_one_instance_is_refused_naming_the_fix(int instances)
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _host.Builder.AddKongDataPlane("kong-dp", controlPlane, instances));

        Assert.Equal("instances", error.ParamName);
        Assert.Contains("Data plane 'kong-dp' needs at least 1 instance", error.Message, StringComparison.Ordinal);
        Assert.Contains("instances: 1 or more", error.Message, StringComparison.Ordinal);
        Assert.Empty(_host.Builder.Resources.OfType<KongDataPlaneResource>());
    }

    [Fact]
    public void Instances_run_the_pinned_open_source_image_of_the_local_control_plane()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        var group = _host.Builder.AddKongDataPlane("kong-dp", controlPlane).Resource;

        Assert.Equal(["docker.io/library/kong:3.9.3", "docker.io/library/kong:3.9.3"], ImagesOf(group));
    }

    [Fact]
    public void Instances_of_an_Enterprise_control_plane_run_Kong_Gateway()
    {
        var controlPlane = _host.Builder.AddResource(new EnterpriseControlPlane("konnect"));

        var group = _host.Builder.AddKongDataPlane("kong-dp", controlPlane).Resource;

        Assert.Equal(["docker.io/kong/kong-gateway:3.10.0.1", "docker.io/kong/kong-gateway:3.10.0.1"], ImagesOf(group));
    }

    [Fact]
    public void Each_instance_has_its_own_proxy_and_status_endpoint()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        var group = _host.Builder.AddKongDataPlane("kong-dp", controlPlane).Resource;

        Assert.All(group.InstanceResources, instance =>
        {
            var endpoints = instance.Annotations.OfType<EndpointAnnotation>().ToDictionary(endpoint => endpoint.Name);
            Assert.Equal(["proxy", "status"], endpoints.Keys.Order());
            Assert.Equal((8000, "http", (int?)null), (endpoints["proxy"].TargetPort, endpoints["proxy"].UriScheme, endpoints["proxy"].Port));
            Assert.Equal((8100, "http"), (endpoints["status"].TargetPort, endpoints["status"].UriScheme));
            Assert.Equal("proxy", instance.ProxyEndpoint.EndpointName);
        });
    }

    [Fact]
    public void A_fixed_proxy_port_gives_each_instance_the_next_port()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        var group = _host.Builder.AddKongDataPlane("kong-dp", controlPlane, instances: 2, proxyPort: 18000).Resource;

        Assert.Equal(
            [18000, 18001],
            group.InstanceResources.Select(instance => instance.Annotations.OfType<EndpointAnnotation>().Single(endpoint => endpoint.Name == "proxy").Port));
    }

    [Fact]
    public void Each_instance_is_healthy_when_status_ready_answers_on_its_status_endpoint()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        var group = _host.Builder.AddKongDataPlane("kong-dp", controlPlane).Resource;

        Assert.All(group.InstanceResources, instance =>
            Assert.Equal($"{instance.Name}_status_/status/ready_200_check", Assert.Single(instance.Annotations.OfType<HealthCheckAnnotation>()).Key));
    }

    [Fact]
    public void Instances_wait_for_the_control_plane()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        var group = _host.Builder.AddKongDataPlane("kong-dp", controlPlane).Resource;

        Assert.All(group.InstanceResources, instance =>
        {
            var wait = Assert.Single(instance.Annotations.OfType<WaitAnnotation>());
            Assert.Equal((controlPlane.Resource, WaitType.WaitUntilHealthy), (wait.Resource as KongControlPlaneResource, wait.WaitType));
        });
    }

    [Fact]
    public async Task Instances_run_role_data_plane_without_a_database()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");
        var group = _host.Builder.AddKongDataPlane("kong-dp", controlPlane).Resource;

        foreach (var instance in group.InstanceResources)
        {
            var environment = await _host.EnvironmentOf(instance);

            Assert.Equal("data_plane", environment["KONG_ROLE"]);
            Assert.Equal("off", environment["KONG_DATABASE"]);
            Assert.Equal($"0.0.0.0:{{{instance.Name}.bindings.proxy.targetPort}}", Expression(environment["KONG_PROXY_LISTEN"]));
            Assert.Equal($"0.0.0.0:{{{instance.Name}.bindings.status.targetPort}}", Expression(environment["KONG_STATUS_LISTEN"]));
        }
    }

    [Fact]
    public async Task Each_instance_has_its_own_node_id_led_by_its_number_and_the_same_in_the_next_run()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");
        var group = _host.Builder.AddKongDataPlane("kong-dp", controlPlane, instances: 2).Resource;
        var other = _host.Builder.AddKongDataPlane("edge", controlPlane, instances: 1).Resource;
        using var nextRun = _host.NextRun();
        var again = nextRun.Builder.AddKongDataPlane("kong-dp", nextRun.Builder.AddKongControlPlane("kong"), instances: 2).Resource;

        var ids = new List<string>();
        foreach (var instance in group.InstanceResources.Concat(other.InstanceResources))
        {
            ids.Add((string)(await _host.EnvironmentOf(instance))["KONG_NODE_ID"]);
        }

        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", id));
        Assert.Equal(["00000001", "00000002", "00000001"], ids.Select(id => id[..8]));
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(ids[0], (string)(await nextRun.EnvironmentOf(again.InstanceResources[0]))["KONG_NODE_ID"]);
    }

    [Fact]
    public async Task Instances_reach_the_control_plane_by_its_cluster_endpoint_reference()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");
        var group = _host.Builder.AddKongDataPlane("kong-dp", controlPlane).Resource;

        foreach (var instance in group.InstanceResources)
        {
            var environment = await _host.EnvironmentOf(instance);

            var address = Assert.IsType<EndpointReferenceExpression>(environment["KONG_CLUSTER_CONTROL_PLANE"]);
            Assert.Same(controlPlane.Resource, address.Endpoint.Resource);
            Assert.Equal(("cluster", EndpointProperty.HostAndPort), (address.Endpoint.EndpointName, address.Property));
            Assert.Equal("shared", environment["KONG_CLUSTER_MTLS"]);
        }
    }

    [Fact]
    public async Task Control_plane_and_every_data_plane_share_one_cluster_certificate()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");
        var group = _host.Builder.AddKongDataPlane("kong-dp", controlPlane, instances: 3).Resource;

        var control = await _host.EnvironmentOf(controlPlane.Resource);

        foreach (var instance in group.InstanceResources)
        {
            var environment = await _host.EnvironmentOf(instance);
            Assert.Equal(control["KONG_CLUSTER_CERT"], environment["KONG_CLUSTER_CERT"]);
            Assert.Equal(control["KONG_CLUSTER_CERT_KEY"], environment["KONG_CLUSTER_CERT_KEY"]);
        }

        Assert.Single(Directory.GetFiles(_host.CertificateDirectory, "cluster.crt", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_control_plane_that_cannot_take_data_planes_is_a_clear_error()
    {
        var controlPlane = _host.Builder.AddResource(new EnterpriseControlPlane("bare", connect: false));
        var group = _host.Builder.AddKongDataPlane("kong-dp", controlPlane).Resource;

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => _host.EnvironmentOf(group.InstanceResources[0]));

        Assert.Contains("Control plane 'bare' does not say how data planes connect to it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Group_starts_as_a_custom_resource_that_is_not_started()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        var group = _host.Builder.AddKongDataPlane("kong-dp", controlPlane).Resource;

        var snapshot = Assert.Single(group.Annotations.OfType<ResourceSnapshotAnnotation>()).InitialSnapshot;
        Assert.Equal("KongDataPlane", snapshot.ResourceType);
        Assert.Equal(KnownResourceStates.NotStarted, snapshot.State?.Text);
        Assert.Contains(snapshot.Properties, property => property.Name == "kong.control-plane" && Equals(property.Value, "kong"));
    }

    private static IEnumerable<string?> ImagesOf(KongDataPlaneResource group)
        => group.InstanceResources.Select(instance => instance.TryGetContainerImageName(out var image) ? image : null);

    private static string Expression(object value) => Assert.IsAssignableFrom<IManifestExpressionProvider>(value).ValueExpression;
}
