using System.Text.Json.Nodes;
using Aspire.Hosting.Kong;
using Aspire.Hosting.Kong.ControlPlanes;
using Aspire.Hosting.Kong.DataPlanes;
using Aspire.Hosting.Kong.GatewayConfig;
using KonnectAspire.Konnect.Api;
using KonnectAspire.TestSupport.Kong;

namespace KonnectAspire.Hosting.Tests;

/// <summary>The model of Konnect mode, before anything starts: no Konnect is called.</summary>
public sealed class KonnectModeTests : IDisposable
{
    internal const string Token = "kpat_modeltest0123456789abcdef";

    private readonly KongTestAppHost _host = new($"Parameters:konnect-token={Token}");

    public void Dispose() => _host.Dispose();

    [Fact]
    public void A_Konnect_control_plane_runs_Enterprise_named_after_the_resource_in_the_us_region_by_default()
    {
        var controlPlane = AddKonnect(_host).Resource;

        Assert.Equal(KongEdition.Enterprise, controlPlane.Edition);
        Assert.Equal(("kong", KonnectRegion.Us, (Uri?)null), (controlPlane.ControlPlaneName, controlPlane.Region, controlPlane.ApiBaseAddress));
        Assert.Equal("konnect-token", controlPlane.TokenParameter.Name);
        Assert.True(controlPlane.TokenParameter.Secret);
    }

    [Fact]
    public void Name_region_and_API_root_can_come_from_configuration()
    {
        using var host = new KongTestAppHost(
            $"Parameters:konnect-token={Token}", "Konnect:ControlPlaneName=shop-dev", "Konnect:Region=EU", "Konnect:ApiBaseAddress=http://127.0.0.1:4010");

        var controlPlane = AddKonnect(host).Resource;

        Assert.Equal(("shop-dev", KonnectRegion.Eu, "http://127.0.0.1:4010/"), (controlPlane.ControlPlaneName, controlPlane.Region, controlPlane.ApiBaseAddress?.AbsoluteUri));
    }

    [Theory]
    [InlineData("ghp_notakonnecttoken")]
    [InlineData("Bearer kpat_abc123")]
    [InlineData("kpat_has spaces inside")]
    public void A_token_Konnect_would_reject_stops_the_AppHost_at_build_naming_the_fix_and_not_the_token(string token)
    {
        using var host = new KongTestAppHost($"Parameters:konnect-token={token}");

        var error = Assert.Throws<DistributedApplicationException>(() => AddKonnect(host));

        Assert.Contains("Konnect control plane 'kong'", error.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet user-secrets set Parameters:konnect-token", error.Message, StringComparison.Ordinal);
        Assert.Contains("Parameters__konnect-token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_that_does_not_exist_is_refused_listing_the_valid_ones()
    {
        using var host = new KongTestAppHost($"Parameters:konnect-token={Token}", "Konnect:Region=mars");

        var error = Assert.Throws<DistributedApplicationException>(() => AddKonnect(host));

        Assert.Contains("Konnect:Region is 'mars'", error.Message, StringComparison.Ordinal);
        Assert.Contains("us, eu, au, me, in, sg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_planes_of_a_Konnect_control_plane_run_the_pinned_Kong_Gateway_image_and_wait_for_it()
    {
        var controlPlane = AddKonnect(_host);

        var group = _host.Builder.AddKongDataPlane("kong-dp", controlPlane).Resource;

        Assert.All(group.InstanceResources, instance =>
        {
            Assert.True(instance.TryGetContainerImageName(out var image));
            Assert.Equal($"docker.io/{KongContainerImageTags.GatewayImage}:{KongContainerImageTags.GatewayTag}", image);
            Assert.Equal("docker.io/kong/kong-gateway:3.10.0.1", image);
            var wait = Assert.Single(instance.Annotations.OfType<WaitAnnotation>());
            Assert.Equal((controlPlane.Resource, WaitType.WaitUntilHealthy), (wait.Resource as KonnectControlPlaneResource, wait.WaitType));
        });
    }

    [Fact]
    public async Task Data_planes_get_every_Konnect_setting_and_no_local_cluster_address()
    {
        var controlPlane = AddKonnect(_host);
        var group = _host.Builder.AddKongDataPlane("kong-dp", controlPlane).Resource;

        var environment = await _host.EnvironmentOf(group.InstanceResources[0]);

        string[] konnect =
        [
            "KONG_CLUSTER_CERT", "KONG_CLUSTER_CERT_KEY", "KONG_CLUSTER_CONTROL_PLANE", "KONG_CLUSTER_MTLS", "KONG_CLUSTER_SERVER_NAME",
            "KONG_CLUSTER_TELEMETRY_ENDPOINT", "KONG_CLUSTER_TELEMETRY_SERVER_NAME", "KONG_DATABASE", "KONG_KONNECT_MODE",
            "KONG_LUA_SSL_TRUSTED_CERTIFICATE", "KONG_ROLE",
        ];
        Assert.All(konnect, variable => Assert.IsType<KonnectDataPlaneSetting>(environment[variable]));
        Assert.Equal(konnect, environment.Keys.Where(key => key.StartsWith("KONG_CLUSTER", StringComparison.Ordinal) || environment[key] is KonnectDataPlaneSetting).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_KONG_variable_of_every_container_in_Konnect_mode_is_an_Enterprise_property()
    {
        var controlPlane = AddKonnect(_host);
        _host.Builder.AddKongDataPlane("kong-dp", controlPlane);

        var containers = _host.Model.Resources.OfType<ContainerResource>().ToList();

        Assert.Equal(["kong-dp-1", "kong-dp-2"], containers.Select(container => container.Name));
        foreach (var container in containers)
        {
            var environment = await _host.EnvironmentOf(container);
            Assert.All(environment.Keys.Where(key => key.StartsWith("KONG_", StringComparison.Ordinal)), variable => Assert.True(
                KongConfProperties.PropertyOf(variable, enterprise: true) is not null,
                $"{container.Name} sets {variable}, which Kong Enterprise ignores: it is not a kong.conf property."));
        }
    }

    [Fact]
    public async Task The_token_is_in_no_container_environment_argument_or_initial_dashboard_property()
    {
        var controlPlane = AddKonnect(_host);
        _host.Builder.AddKongDataPlane("kong-dp", controlPlane);

        foreach (var resource in _host.Model.Resources.Where(resource => resource is not ParameterResource))
        {
            var environment = await _host.EnvironmentOf(resource);
            Assert.DoesNotContain(environment.Values, value => value is ParameterResource || (value?.ToString() ?? "").Contains(Token, StringComparison.Ordinal));
            Assert.Empty(resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>());
            foreach (var snapshot in resource.Annotations.OfType<ResourceSnapshotAnnotation>())
            {
                Assert.DoesNotContain(snapshot.InitialSnapshot.Properties, property => (property.Value?.ToString() ?? "").Contains(Token, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Enterprise_only_plugins_pass_the_check_in_Konnect_mode()
    {
        AddKonnect(_host).WithPlugin("rate-limiting-advanced", new JsonObject { ["limit"] = new JsonArray(5), ["window_size"] = new JsonArray(30) });

        KongGatewayConfigurationCheck.Check(_host.Model);
    }

    [Fact]
    public void In_publish_mode_the_Konnect_control_plane_stays_in_the_model_without_its_run_only_parts()
    {
        using var host = new KongTestAppHost("AppHost:Operation=publish", $"Parameters:konnect-token={Token}");

        var controlPlane = AddKonnect(host).WithPlugin("rate-limiting-advanced");
        var group = host.Builder.AddKongDataPlane("kong-dp", controlPlane).Resource;

        Assert.Contains(controlPlane.Resource, host.Builder.Resources);
        Assert.Empty(controlPlane.Resource.Annotations.OfType<KongClusterCertificateAnnotation>());
        Assert.Empty(controlPlane.Resource.Annotations.OfType<KongDataPlaneConnectionAnnotation>());
        Assert.Same(controlPlane.Resource, group.ControlPlane);
        Assert.Empty(group.InstanceResources);
        Assert.Single(controlPlane.Resource.Annotations.OfType<KongPluginAnnotation>());
    }

    [Fact]
    public void In_publish_mode_the_token_parameter_leaves_the_model_so_Aspire_never_saves_it()
    {
        using var host = new KongTestAppHost("AppHost:Operation=publish", $"Parameters:konnect-token={Token}");

        AddKonnect(host);

        Assert.DoesNotContain(host.Builder.Resources, r => r is ParameterResource);
    }

    internal static IResourceBuilder<KonnectControlPlaneResource> AddKonnect(KongTestAppHost host)
        => host.Builder.AddKonnectControlPlane("kong", host.Builder.AddParameter("konnect-token", secret: true));
}
