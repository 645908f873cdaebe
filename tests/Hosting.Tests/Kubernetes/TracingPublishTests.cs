using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Yaml;

namespace KonnectAspire.Hosting.Tests.Kubernetes;

public sealed class TracingPublishTests
{
    private const string Dashboard = "http://aspire-dashboard.konnect-aspire.svc.cluster.local:18890";
    private const string Collector = "http://adot-collector.observability.svc.cluster.local:4318";

    [Theory]
    [InlineData("reference-kong-operator")]
    [InlineData("reference-plain")]
    public async Task By_default_every_span_goes_to_the_published_aspire_dashboard(string output)
    {
        var files = await PublishOutputs.FilesAsync(output);
        var documents = PublishedDocument.From(files);

        Assert.Equal($"{Dashboard}/v1/traces", (string?)OpenTelemetryPluginConfig(files, documents)?["traces_endpoint"]);
        AssertDataPlanesTrace(documents);
        AssertWorkloadsExportTo(documents, Dashboard, except: "aspire-dashboard");

        var dashboard = Assert.Single(documents, d => d.Kind == "Deployment" && d.Name == "aspire-dashboard");
        var container = dashboard.Node["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspire-dashboard:", (string?)container["image"], StringComparison.Ordinal);
        var token = container["env"]!.AsArray().Single(e => (string?)e!["name"] == "Dashboard__Frontend__BrowserToken")!;
        Assert.Equal("aspire-dashboard", (string?)token["valueFrom"]!["secretKeyRef"]!["name"]);
        var service = Assert.Single(documents, d => d.Kind == "Service" && d.Name == "aspire-dashboard");
        Assert.Equal("ClusterIP", (string?)service.Node["spec"]!["type"]);
        Assert.Contains(service.Node["spec"]!["ports"]!.AsArray(), port => (long?)port!["port"] == 18890);
    }

    [Theory]
    [InlineData(EksDataPlaneFlavor.KongOperator, true)]
    [InlineData(EksDataPlaneFlavor.Plain, false)]
    public async Task A_custom_collector_receives_everything_and_no_dashboard_is_published(EksDataPlaneFlavor flavor, bool fromConfiguration)
    {
        var files = await PublishAsync(flavor, fromConfiguration ? [$"Publish:eks:OtlpEndpoint={Collector}"] : [], o => o.OtlpEndpoint = fromConfiguration ? null : new Uri(Collector));
        var documents = PublishedDocument.From(files);

        Assert.Equal($"{Collector}/v1/traces", (string?)OpenTelemetryPluginConfig(files, documents)?["traces_endpoint"]);
        AssertDataPlanesTrace(documents);
        AssertWorkloadsExportTo(documents, Collector, except: null);
        Assert.DoesNotContain(documents, d => d.Name == "aspire-dashboard");
    }

    [Theory]
    [InlineData(EksDataPlaneFlavor.KongOperator)]
    [InlineData(EksDataPlaneFlavor.Plain)]
    public async Task A_control_plane_without_open_telemetry_publishes_no_plugin_and_no_kong_tracing(EksDataPlaneFlavor flavor)
    {
        var files = await PublishAsync(flavor, [], configure: null, withoutOpenTelemetry: true);
        var documents = PublishedDocument.From(files);

        Assert.Null(OpenTelemetryPluginConfig(files, documents));
        Assert.All(DataPlaneEnvironments(documents), environment => Assert.DoesNotContain("KONG_TRACING_INSTRUMENTATIONS", environment.Keys));
    }

    private static void AssertDataPlanesTrace(IReadOnlyList<PublishedDocument> documents)
    {
        var environments = DataPlaneEnvironments(documents).ToList();
        Assert.NotEmpty(environments);
        Assert.All(environments, environment =>
        {
            Assert.Equal("all", environment["KONG_TRACING_INSTRUMENTATIONS"]);
            Assert.Equal("1.0", environment["KONG_TRACING_SAMPLING_RATE"]);
        });
    }

    private static void AssertWorkloadsExportTo(IReadOnlyList<PublishedDocument> documents, string endpoint, string? except)
    {
        var workloads = PublishedDocument.PodTemplates(documents).Where(pair => pair.Owner.Kind == "Deployment" && pair.Owner.Name != except && !IsDataPlane(pair.Template)).ToList();
        Assert.NotEmpty(workloads);
        Assert.All(workloads, pair =>
        {
            var environment = Environment(pair.Template);
            Assert.Equal(endpoint, environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
            Assert.Equal("http/protobuf", environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
            Assert.Equal(pair.Owner.Name, environment["OTEL_SERVICE_NAME"]);
        });
    }

    private static IEnumerable<Dictionary<string, string?>> DataPlaneEnvironments(IReadOnlyList<PublishedDocument> documents) =>
        PublishedDocument.PodTemplates(documents).Where(pair => IsDataPlane(pair.Template)).Select(pair => Environment(pair.Template));

    private static bool IsDataPlane(JsonObject template) => Environment(template).ContainsKey("KONG_NGINX_HTTP_CLIENT_BODY_BUFFER_SIZE");

    private static Dictionary<string, string?> Environment(JsonObject template) =>
        (template["spec"]!["containers"]![0]!["env"]?.AsArray() ?? [])
            .Select(variable => variable!.AsObject())
            .ToDictionary(variable => variable["name"]!.GetValue<string>(), variable => (string?)variable["value"]);

    // The opentelemetry plugin's config: a global KongPlugin (Kong Operator) or a top-level decK plugin (plain).
    private static JsonNode? OpenTelemetryPluginConfig(IReadOnlyList<(string Name, string Content)> files, IReadOnlyList<PublishedDocument> documents)
    {
        if (files.Any(file => file.Name == "kong.yaml"))
        {
            var deck = YamlJsonConversion.Load(files.Single(file => file.Name == "kong.yaml").Content)!;
            return deck["plugins"]?.AsArray().SingleOrDefault(plugin => (string?)plugin!["name"] == "opentelemetry")?["config"];
        }

        var plugin = documents.SingleOrDefault(d => d.Kind == "KongPlugin" && (string?)d.Node["plugin"] == "opentelemetry");
        if (plugin is null)
        {
            return null;
        }

        Assert.Contains(documents, d => d.Kind == "KongPluginBinding" && (string?)d.Node["spec"]!["pluginRef"]!["name"] == plugin.Name && (string?)d.Node["spec"]!["scope"] == "GlobalInControlPlane");
        return plugin.Node["config"];
    }

    private static Task<IReadOnlyList<(string Name, string Content)>> PublishAsync(
        EksDataPlaneFlavor flavor,
        string[] arguments,
        Action<EksEnvironmentOptions>? configure,
        bool withoutOpenTelemetry = false) =>
        PublishOutputs.PublishAsync(
            builder =>
            {
                var controlPlane = builder.AddKongControlPlane("kong");
                if (withoutOpenTelemetry)
                {
                    controlPlane.WithoutOpenTelemetry();
                }

                builder.AddKongDataPlane("kong-dp", controlPlane);
                var api = builder.AddContainer("api", "example/api", "1.0").WithHttpEndpoint(targetPort: 8080);
                controlPlane.WithRoute("/api", api);
                var eks = builder.AddEksEnvironment("eks").WithDataPlaneFlavor(flavor);
                if (configure is not null)
                {
                    eks.WithEksOptions(configure);
                }
            },
            arguments);
}
