using System.Text.Json.Nodes;
using Aspire.Hosting.Kong.GatewayConfig;
using Aspire.Hosting.Kong.Telemetry;
using Aspire.Hosting.Lifecycle;
using KonnectAspire.Konnect.Gateway;
using Microsoft.Extensions.DependencyInjection;

namespace KonnectAspire.Hosting.Tests.Telemetry;

public sealed class KongOpenTelemetryPluginTests : IDisposable
{
    private const string DashboardOtlpHttp = "http://localhost:19081";
    private const string ApiKey = "dashboard-otlp-key-for-tests";

    private static readonly KongPluginFieldSchema Contract = LoadContract();

    // The published contract (Contracts/kong), read by the same check the model applies to configs users write.
    private static KongPluginFieldSchema LoadContract()
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Contracts", "kong", "opentelemetry-plugin-fields.tsv"));
        return KongPluginFieldSchema.Load(file);
    }

    [Fact]
    public void The_schema_the_model_check_carries_is_the_contract()
    {
        using var embedded = typeof(KongPluginFieldSchema).Assembly.GetManifestResourceStream("KonnectAspire.Konnect.Gateway.Schemas.opentelemetry-plugin-fields.tsv")!;
        using var reader = new StreamReader(embedded);

        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contracts", "kong", "opentelemetry-plugin-fields.tsv")), reader.ReadToEnd());
        Assert.NotNull(KongPluginFieldSchema.For("opentelemetry"));
        Assert.Null(KongPluginFieldSchema.For("rate-limiting"));
    }

    [Fact]
    public void An_opentelemetry_plugin_config_kong_would_refuse_stops_the_model_naming_each_field()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong")
            .WithoutOpenTelemetry()
            .WithPlugin("opentelemetry", new JsonObject
            {
                ["traces_endpoint"] = "http://collector:4318/v1/traces",
                ["propagation"] = new JsonObject { ["default_format"] = "instana" },
                ["traces_endpoint_url"] = "http://collector:4318/v1/traces",
            });

        var problems = KongGatewayConfigurationBuilder.FindProblems(controlPlane.Resource);

        var problem = Assert.Single(problems);
        Assert.StartsWith("Control plane 'kong': Plugin 'opentelemetry' (global) has a config Kong would refuse: ", problem, StringComparison.Ordinal);
        Assert.Contains("config.propagation.default_format: 'instana' is not one of", problem, StringComparison.Ordinal);
        Assert.Contains("config.traces_endpoint_url: not a field of the plugin", problem, StringComparison.Ordinal);
    }

    private readonly KongTestAppHost _host = new(
        $"ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL={DashboardOtlpHttp}",
        $"AppHost:OtlpApiKey={ApiKey}");

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Adding_a_control_plane_or_a_data_plane_registers_the_telemetry_subscriber()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");
        _host.Builder.AddKongDataPlane("kong-dp", controlPlane);

        Assert.Single(_host.App.Services.GetServices<IDistributedApplicationEventingSubscriber>().OfType<KongOpenTelemetrySubscriber>());
    }

    [Fact]
    public async Task Every_control_plane_gets_a_global_opentelemetry_plugin_without_a_line_in_the_AppHost()
    {
        var (controlPlane, _) = AddGateway();

        var plugin = await PluginAfterBeforeStartAsync(controlPlane);

        Assert.NotNull(plugin);
        Assert.Null(plugin.Route);
        Assert.Null(plugin.Service);
        Assert.Equal("kong-dp", plugin.Config["resource_attributes"]!["service.name"]!.GetValue<string>());
        Assert.Equal(
            """{"extract":["w3c"],"inject":["w3c"],"default_format":"w3c"}""",
            plugin.Config["propagation"]!.ToJsonString());
    }

    [Fact]
    public async Task The_synced_plugin_matches_the_open_source_plugin_schema_and_posts_to_v1_traces()
    {
        var (controlPlane, _) = AddGateway();

        var plugin = await PluginAfterBeforeStartAsync(controlPlane);
        var body = KongEntityJson.ToKong(plugin!);
        foreach (var entityField in new[] { "id", "name", "enabled", "tags" })
        {
            body.Remove(entityField);
        }

        Assert.Empty(Contract.Check(body, openSourceOnly: true));
        var tracesEndpoint = new Uri(body["config"]!["traces_endpoint"]!.GetValue<string>());
        Assert.True(tracesEndpoint.IsAbsoluteUri && tracesEndpoint.Scheme == "http", tracesEndpoint.ToString());
        Assert.EndsWith("/v1/traces", tracesEndpoint.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public void The_contract_check_catches_unknown_fields_wrong_types_and_values_outside_the_schema()
    {
        var body = new JsonObject
        {
            ["config"] = new JsonObject
            {
                ["traces_endpoint"] = 42,
                ["endpoint_typo"] = "http://x/v1/traces",
                ["propagation"] = new JsonObject { ["default_format"] = "zipkin" },
                ["sampling_rate"] = 2.0,
                ["sampling_strategy"] = "parent_probability_fallback",
            },
        };

        var problems = Contract.Check(body, openSourceOnly: true);

        Assert.Equal(
            [
                "config.traces_endpoint: expected a string, got Number",
                "config.endpoint_typo: not a field of the plugin",
                "config.propagation.default_format: 'zipkin' is not one of aws, b3, b3-single, datadog, gcp, jaeger, ot, w3c",
                "config.sampling_rate: 2 is outside 0..1",
                "config.sampling_strategy: not in open-source Kong 3.9.3",
            ],
            problems);
    }

    [Fact]
    public void The_contract_holds_what_Kong_3_9_3_refuses_instana_and_stream_protocols()
    {
        var body = new JsonObject
        {
            ["protocols"] = new JsonArray("http", "ws"),
            ["config"] = new JsonObject
            {
                ["propagation"] = new JsonObject { ["extract"] = new JsonArray("w3c", "instana"), ["default_format"] = "w3c" },
            },
        };

        var problems = Contract.Check(body, openSourceOnly: true);

        Assert.Contains("config.propagation.extract: 'instana' is not one of aws, b3, datadog, gcp, jaeger, ot, w3c", problems);
        Assert.Contains(problems, p => p.StartsWith("protocols", StringComparison.Ordinal) && p.Contains("'ws' is not one of grpc, grpcs, http, https", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_dashboard_api_key_is_sent_as_a_vault_reference_and_reaches_only_the_data_planes()
    {
        var (controlPlane, dataPlane) = AddGateway();

        var plugin = await PluginAfterBeforeStartAsync(controlPlane);
        var instanceEnvironment = await _host.EnvironmentOf(dataPlane.Resource.InstanceResources.Single());
        var controlPlaneEnvironment = await _host.EnvironmentOf(controlPlane.Resource);

        Assert.Equal("{vault://env/konnectaspire-otlp-api-key}", plugin!.Config["headers"]!["x-otlp-api-key"]!.GetValue<string>());
        Assert.DoesNotContain(ApiKey, plugin.Config.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(ApiKey, instanceEnvironment["KONNECTASPIRE_OTLP_API_KEY"]);
        Assert.DoesNotContain(controlPlaneEnvironment.Values, value => value as string == ApiKey);
    }

    [Fact]
    public async Task Containers_get_the_dashboards_otlp_http_address_in_the_container_network_not_localhost()
    {
        var (controlPlane, _) = AddGateway();
        // What DCP allocates: the dashboard on localhost for host processes, through the container tunnel for containers.
        var dashboard = _host.Builder.AddExecutable(KongOpenTelemetryEndpoint.DashboardResourceName, "dashboard", ".")
            .WithHttpEndpoint(port: 19081, name: KongOpenTelemetryEndpoint.OtlpHttpEndpointName);
        var otlpHttp = dashboard.Resource.Annotations.OfType<EndpointAnnotation>().Single();
        otlpHttp.AllocatedEndpoint = new AllocatedEndpoint(otlpHttp, "localhost", 19081);
        otlpHttp.AllAllocatedEndpoints.AddOrUpdateAllocatedEndpoint(
            KnownNetworkIdentifiers.DefaultAspireContainerNetwork,
            new AllocatedEndpoint(otlpHttp, "aspire.dev.internal", 40123, EndpointBindingMode.SingleAddress, networkId: KnownNetworkIdentifiers.DefaultAspireContainerNetwork));

        var plugin = await PluginAfterBeforeStartAsync(controlPlane);

        Assert.Equal("http://aspire.dev.internal:40123/v1/traces", plugin!.Config["traces_endpoint"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_dashboard_the_configured_otlp_http_url_is_rewritten_for_containers()
    {
        var (controlPlane, _) = AddGateway();

        var plugin = await PluginAfterBeforeStartAsync(controlPlane);
        var tracesEndpoint = new Uri(plugin!.Config["traces_endpoint"]!.GetValue<string>());

        Assert.DoesNotContain(tracesEndpoint.Host, new[] { "localhost", "127.0.0.1", "[::1]" });
        Assert.Equal(19081, tracesEndpoint.Port);
        Assert.Equal("/v1/traces", tracesEndpoint.AbsolutePath);
    }

    [Fact]
    public async Task Data_planes_trace_every_request_by_default_and_mark_themselves_as_otlp_exporters()
    {
        var (_, dataPlane) = AddGateway(instances: 2);

        await KongOpenTelemetryTestHost.RaiseBeforeStartAsync(_host);

        foreach (var instance in dataPlane.Resource.InstanceResources)
        {
            var environment = await _host.EnvironmentOf(instance);
            Assert.Equal("all", environment["KONG_TRACING_INSTRUMENTATIONS"]);
            Assert.Equal("1.0", environment["KONG_TRACING_SAMPLING_RATE"]);
            Assert.Contains(instance.Annotations, annotation => annotation is OtlpExporterAnnotation);
        }
    }

    [Fact]
    public async Task The_sampling_rate_is_configurable_per_data_plane_group()
    {
        var (_, dataPlane) = AddGateway();
        dataPlane.WithTracingSamplingRate(0.25);

        await KongOpenTelemetryTestHost.RaiseBeforeStartAsync(_host);
        var environment = await _host.EnvironmentOf(dataPlane.Resource.InstanceResources.Single());

        Assert.Equal("0.25", environment["KONG_TRACING_SAMPLING_RATE"]);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_sampling_rate_outside_0_to_1_is_refused_naming_the_data_plane(double rate)
    {
        var (_, dataPlane) = AddGateway();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => dataPlane.WithTracingSamplingRate(rate));

        Assert.Equal("rate", error.ParamName);
        Assert.Contains("data plane 'kong-dp' must be from 0 to 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutOpenTelemetry_leaves_the_control_plane_and_its_data_planes_untraced()
    {
        var (controlPlane, dataPlane) = AddGateway();
        controlPlane.WithoutOpenTelemetry();

        var plugin = await PluginAfterBeforeStartAsync(controlPlane);
        var environment = await _host.EnvironmentOf(dataPlane.Resource.InstanceResources.Single());

        Assert.Null(plugin);
        Assert.False(environment.ContainsKey("KONG_TRACING_INSTRUMENTATIONS"));
        Assert.False(environment.ContainsKey("KONNECTASPIRE_OTLP_API_KEY"));
    }

    [Fact]
    public async Task A_global_opentelemetry_plugin_of_the_users_own_is_kept()
    {
        var mine = new JsonObject { ["traces_endpoint"] = "http://collector:4318/v1/traces" };
        var (controlPlane, _) = AddGateway();
        controlPlane.WithPlugin("opentelemetry", mine);

        var plugin = await PluginAfterBeforeStartAsync(controlPlane);

        Assert.Equal("http://collector:4318/v1/traces", plugin!.Config["traces_endpoint"]!.GetValue<string>());
    }

    private (IResourceBuilder<KongControlPlaneResource> ControlPlane, IResourceBuilder<KongDataPlaneResource> DataPlane) AddGateway(int instances = 1)
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");
        return (controlPlane, _host.Builder.AddKongDataPlane("kong-dp", controlPlane, instances));
    }

    private async Task<GatewayPlugin?> PluginAfterBeforeStartAsync(IResourceBuilder<KongControlPlaneResource> controlPlane)
    {
        await KongOpenTelemetryTestHost.RaiseBeforeStartAsync(_host);
        return await KongOpenTelemetryTestHost.PluginAsSyncedAsync(_host, controlPlane.Resource);
    }
}
