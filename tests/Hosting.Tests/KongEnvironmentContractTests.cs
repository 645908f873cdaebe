using KonnectAspire.TestSupport.Kong;

namespace KonnectAspire.Hosting.Tests;

public sealed class KongEnvironmentContractTests : IDisposable
{
    private readonly KongTestAppHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Every_KONG_variable_of_every_open_source_container_is_a_kong_conf_property()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");
        _host.Builder.AddKongDataPlane("kong-dp", controlPlane);

        var checkedContainers = await CheckKongContainers(enterprise: false);

        Assert.Equal(["kong", "kong-dp-1", "kong-dp-2", "kong-migrations"], checkedContainers.Order());
    }

    [Fact]
    public async Task Every_KONG_variable_of_an_Enterprise_data_plane_is_a_kong_conf_property()
    {
        var controlPlane = _host.Builder.AddResource(new EnterpriseControlPlane("konnect"));
        _host.Builder.AddKongDataPlane("kong-dp", controlPlane, instances: 1);

        var checkedContainers = await CheckKongContainers(enterprise: true);

        Assert.Equal(["kong-dp-1"], checkedContainers);
    }

    [Fact]
    public void The_contract_rejects_names_Kong_ignores()
    {
        Assert.Null(KongConfProperties.PropertyOf("KONG_CLUSTER_TELEMETRY_ENDPOINT", enterprise: false));
        Assert.Equal("cluster_telemetry_endpoint", KongConfProperties.PropertyOf("KONG_CLUSTER_TELEMETRY_ENDPOINT", enterprise: true));
        Assert.Null(KongConfProperties.PropertyOf("KONG_PG_HOSTNAME", enterprise: true));
        Assert.Equal("nginx_proxy_proxy_buffer_size", KongConfProperties.PropertyOf("KONG_NGINX_PROXY_PROXY_BUFFER_SIZE", enterprise: false));
    }

    private async Task<List<string>> CheckKongContainers(bool enterprise)
    {
        var checkedContainers = new List<string>();
        foreach (var container in _host.Model.Resources.OfType<ContainerResource>())
        {
            Assert.True(container.TryGetContainerImageName(out var image));
            if (!image.Contains("kong", StringComparison.Ordinal))
            {
                continue;
            }

            var environment = await _host.EnvironmentOf(container);
            var kongVariables = environment.Keys.Where(key => key.StartsWith("KONG_", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(kongVariables);
            Assert.All(kongVariables, variable => Assert.True(
                KongConfProperties.PropertyOf(variable, enterprise) is not null,
                $"{container.Name} ({image}) sets {variable}, which Kong {(enterprise ? "Enterprise" : "3.9")} ignores: it is not a kong.conf property."));
            checkedContainers.Add(container.Name);
        }

        return checkedContainers;
    }
}
