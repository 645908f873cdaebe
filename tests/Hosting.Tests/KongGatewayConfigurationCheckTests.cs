using System.Text.Json.Nodes;
using Aspire.Hosting.Kong.GatewayConfig;

namespace KonnectAspire.Hosting.Tests;

public sealed class KongGatewayConfigurationCheckTests : IDisposable
{
    private readonly KongTestAppHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_missing_decK_file_stops_the_AppHost_before_anything_starts()
    {
        _host.Builder.AddKongControlPlane("kong").WithDeclarativeConfig("missing/kong.yaml");

        var error = await _host.StartExpectingFailure();

        Assert.True(error is DistributedApplicationException, error.ToString());
        Assert.Contains(Path.Combine(_host.ProjectDirectory, "missing", "kong.yaml"), error.Message, StringComparison.Ordinal);
        Assert.Contains("check the path given to WithDeclarativeConfig", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_host.CertificateDirectory), "nothing started, so no cluster certificate was made");
    }

    [Fact]
    public async Task The_check_also_runs_when_publishing()
    {
        using var publish = new KongTestAppHost("--operation", "publish", "--step", "publish", "--output-path", Path.Combine(Path.GetTempPath(), "konnectaspire-hosting-tests", Guid.NewGuid().ToString("N")));
        var controlPlane = publish.Builder.AddKongControlPlane("kong").WithDeclarativeConfig("missing.yaml");
        publish.Builder.AddKongDataPlane("kong-dp", controlPlane);

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => publish.App.RunAsync().WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Contains("missing.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_control_plane_without_gateway_config_has_no_problems()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        Assert.Empty(KongGatewayConfigurationBuilder.FindProblems(controlPlane.Resource));
        var exception = Record.Exception(() => KongGatewayConfigurationCheck.Check(_host.Model));
        Assert.Null(exception);
    }

    [Fact]
    public void A_valid_config_passes()
    {
        _host.Builder.AddKongControlPlane("kong")
            .WithRoute("/orders", _host.AddOrdersApi(), name: "orders")
            .WithPlugin("rate-limiting", new JsonObject { ["minute"] = 60, ["policy"] = "local" }, route: "orders");

        KongGatewayConfigurationCheck.Check(_host.Model);
    }

    [Fact]
    public async Task A_path_not_starting_with_a_slash_stops_the_AppHost_naming_the_fix()
    {
        _host.Builder.AddKongControlPlane("kong").WithRoute("orders", _host.AddOrdersApi(), name: "orders");

        var error = await _host.StartExpectingFailure();

        Assert.IsType<DistributedApplicationException>(error);
        Assert.Contains("Kong control plane 'kong'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Route 'orders'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'/orders'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_routes_with_the_same_name_are_refused()
    {
        _host.Builder.AddKongControlPlane("kong")
            .WithRoute("/orders", _host.AddOrdersApi())
            .WithRoute("/orders-v2", _host.Builder.Resources.OfType<ContainerResource>().Single(resource => resource.Name == "orders-api").GetEndpoint("http"));

        var error = Assert.Throws<DistributedApplicationException>(() => KongGatewayConfigurationCheck.Check(_host.Model));

        Assert.Contains("route name 'orders-api' is used 2 times", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_routes_with_the_same_path_are_refused()
    {
        var orders = _host.AddOrdersApi();
        _host.Builder.AddKongControlPlane("kong")
            .WithRoute("/orders", orders, name: "orders")
            .WithRoute("/orders", orders, name: "orders-again");

        var error = Assert.Throws<DistributedApplicationException>(() => KongGatewayConfigurationCheck.Check(_host.Model));

        Assert.Contains("both match path '/orders'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decK_file_that_does_not_parse_is_refused_naming_the_file()
    {
        WriteDeckFile("broken.yaml", "_format_version: \"3.0\"\nservices: [unclosed\n");
        _host.Builder.AddKongControlPlane("kong").WithDeclarativeConfig("broken.yaml");

        var error = Assert.Throws<DistributedApplicationException>(() => KongGatewayConfigurationCheck.Check(_host.Model));

        Assert.Contains($"The decK file '{Path.Combine(_host.ProjectDirectory, "broken.yaml")}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decK_file_of_an_unsupported_format_version_is_refused()
    {
        WriteDeckFile("old.yaml", "_format_version: \"1.1\"\nservices: []\n");
        _host.Builder.AddKongControlPlane("kong").WithDeclarativeConfig("old.yaml");

        var error = Assert.Throws<DistributedApplicationException>(() => KongGatewayConfigurationCheck.Check(_host.Model));

        Assert.Contains("old.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains("1.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Enterprise_only_plugin_on_the_open_source_control_plane_is_refused_pointing_to_Konnect_mode()
    {
        _host.Builder.AddKongControlPlane("kong").WithPlugin("openid-connect");

        var error = Assert.Throws<DistributedApplicationException>(() => KongGatewayConfigurationCheck.Check(_host.Model));

        Assert.Contains("Plugin 'openid-connect' exists only in Kong Enterprise", error.Message, StringComparison.Ordinal);
        Assert.Contains("Konnect mode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_name_no_edition_bundles_is_refused_with_the_nearest_names()
    {
        _host.Builder.AddKongControlPlane("kong").WithPlugin("rate-limitng");

        var error = Assert.Throws<DistributedApplicationException>(() => KongGatewayConfigurationCheck.Check(_host.Model));

        Assert.Contains("Control plane 'kong': Plugin 'rate-limitng' is not a plugin Kong 3.9.3 (open source) bundles; did you mean 'rate-limiting'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hand_written_ai_proxy_config_with_a_misspelt_field_stops_the_AppHost_naming_it()
    {
        _host.Builder.AddKongControlPlane("kong")
            .WithRoute("/orders", _host.AddOrdersApi(), name: "orders")
            .WithPlugin("ai-proxy", new JsonObject
            {
                ["route_type"] = "llm/v1/chat",
                ["model"] = new JsonObject { ["provider"] = "openai", ["name"] = "gpt-4o-mini", ["options"] = new JsonObject { ["max_token"] = 512 } },
            }, route: "orders");

        var error = Assert.Throws<DistributedApplicationException>(() => KongGatewayConfigurationCheck.Check(_host.Model));

        Assert.Contains("Plugin 'ai-proxy' on route 'orders' has a config Kong would refuse: config.model.options.max_token: not a field of the plugin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void On_an_Enterprise_control_plane_the_nearest_names_include_Enterprise_plugins()
    {
        _host.Builder.AddResource(new EnterpriseControlPlane("konnect")).WithPlugin("openid-conect");

        var error = Assert.Throws<DistributedApplicationException>(() => KongGatewayConfigurationCheck.Check(_host.Model));

        Assert.Contains("is not a plugin Kong Enterprise bundles; did you mean 'openid-connect'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Enterprise_only_plugin_is_fine_on_a_Konnect_control_plane_and_refused_on_the_local_one()
    {
        using var konnectHost = new KongTestAppHost($"Parameters:konnect-token={KonnectModeTests.Token}");
        var konnect = konnectHost.Builder.AddKonnectControlPlane("konnect", konnectHost.Builder.AddParameter("konnect-token", secret: true));
        konnect.WithPlugin("openid-connect");
        var local = _host.Builder.AddKongControlPlane("kong").WithPlugin("openid-connect");

        Assert.Empty(KongGatewayConfigurationBuilder.FindProblems(konnect.Resource));
        Assert.Contains(KongGatewayConfigurationBuilder.FindProblems(local.Resource), p => p.Contains("exists only in Kong Enterprise", StringComparison.Ordinal));
    }

    private void WriteDeckFile(string name, string yaml)
    {
        Directory.CreateDirectory(_host.ProjectDirectory);
        File.WriteAllText(Path.Combine(_host.ProjectDirectory, name), yaml);
    }
}
