using Aspire.Hosting.Kong.Kubernetes;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace KonnectAspire.Hosting.Tests.Kubernetes;

/// <summary>The publish step run by Aspire's own pipeline in publish mode: no container engine, no prompt, no image build.</summary>
public sealed class PublishModeTests : IDisposable
{
    // Not token-shaped on purpose: Aspire saves parameter values to its deployment state under $HOME.
    private const string SecretValue = "value-of-the-api-key-parameter";

    private readonly string _output = Directory.CreateTempSubdirectory("eks-publish-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public async Task Publish_maps_projects_and_containers_to_Deployments_and_Services()
    {
        using var builder = CreatePublishBuilder($"Parameters:api-key={SecretValue}", "Publish:eks:ImageRegistry=123456789012.dkr.ecr.us-east-2.amazonaws.com", "Publish:eks:ImageTag=1.2.3");
        builder.AddEksEnvironment("eks").WithNamespace("shop");
        var cache = builder.AddContainer("cache", "redis", "7.4").WithEndpoint(targetPort: 6379, name: "tcp", scheme: "tcp");
        var apiKey = builder.AddParameter("api-key", secret: true);
        builder.AddProject("sample-service", TestRepository.PathOf("SampleService", "SampleService.csproj"))
            .WithHttpHealthCheck("/health")
            .WithHttpProbe(ProbeType.Liveness, "/alive", endpointName: "http")
            .WithEnvironment("CACHE_URL", cache.GetEndpoint("tcp"))
            .WithEnvironment("API_KEY", apiKey)
            .WithEnvironment("CACHE", ReferenceExpression.Create($"{cache.GetEndpoint("tcp").Property(EndpointProperty.HostAndPort)},password={apiKey}"))
            .PublishAsEksWorkload(o => o.Replicas = 2);

        await using (var app = builder.Build())
        {
            await app.RunAsync().WaitAsync(PublishOutputs.Timeout);
        }

        var directory = Path.Combine(_output, "eks");
        var files = PublishOutputs.ReadFolder(directory);
        Assert.Equal(["kustomization.yaml", "namespace.yaml", "workload-aspire-dashboard.yaml", "workload-cache.yaml", "workload-sample-service.yaml"], files.Select(f => f.Item1).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.DoesNotContain(SecretValue, f.Item2, StringComparison.Ordinal));

        var documents = PublishedDocument.From(files);
        var sample = documents.Single(d => d.Kind == "Deployment" && d.Name == "sample-service").Node["spec"]!;
        Assert.Equal(2, sample["replicas"]!.GetValue<long>());
        var container = sample["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("123456789012.dkr.ecr.us-east-2.amazonaws.com/sample-service:1.2.3", container["image"]!.GetValue<string>());
        Assert.Equal("/health", container["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.Equal("/alive", container["livenessProbe"]!["httpGet"]!["path"]!.GetValue<string>());

        var env = container["env"]!.AsArray().ToDictionary(e => e!["name"]!.GetValue<string>());
        Assert.Equal("tcp://cache.shop.svc.cluster.local:6379", env["CACHE_URL"]!["value"]!.GetValue<string>());
        Assert.Equal("8080", env["HTTP_PORTS"]!["value"]!.GetValue<string>());
        Assert.Equal("sample-service-secrets", env["API_KEY"]!["valueFrom"]!["secretKeyRef"]!["name"]!.GetValue<string>());
        Assert.Equal("api-key", env["API_KEY"]!["valueFrom"]!["secretKeyRef"]!["key"]!.GetValue<string>());
        Assert.Equal("cache.shop.svc.cluster.local:6379,password=$(SECRET_API_KEY)", env["CACHE"]!["value"]!.GetValue<string>());
        var names = container["env"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ToList();
        Assert.True(names.IndexOf("SECRET_API_KEY") < names.IndexOf("CACHE"), "a variable must be defined before $(...) refers to it");

        var cacheContainer = documents.Single(d => d.Kind == "Deployment" && d.Name == "cache").Node["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("redis:7.4", cacheContainer["image"]!.GetValue<string>());
        Assert.Equal(6379, documents.Single(d => d.Kind == "Service" && d.Name == "cache").Node["spec"]!["ports"]![0]!["port"]!.GetValue<long>());
    }

    [Fact]
    public async Task Bad_input_stops_the_publish_before_any_file_is_written()
    {
        var logs = new FakeLoggerProvider();
        using var builder = CreatePublishBuilder();
        builder.Services.AddSingleton<ILoggerProvider>(logs);
        builder.AddEksEnvironment("eks").WithNamespace("Not_A_Label");
        builder.AddContainer("cache", "redis", "7.4").WithEndpoint(targetPort: 6379, name: "tcp", scheme: "tcp");

        await using (var app = builder.Build())
        {
            await app.RunAsync().WaitAsync(PublishOutputs.Timeout);
        }

        Assert.False(Directory.Exists(Path.Combine(_output, "eks")));
        Assert.Contains(logs.Collector.GetSnapshot(), m => m.Level == LogLevel.Error && $"{m.Message} {m.Exception?.Message}".Contains("Namespace 'Not_A_Label' is not a DNS label", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(EksDataPlaneFlavor.Plain)]
    [InlineData(EksDataPlaneFlavor.KongOperator)]
    public async Task A_resource_name_too_long_for_a_Kubernetes_object_stops_the_publish_naming_the_object(EksDataPlaneFlavor flavor)
    {
        var logs = new FakeLoggerProvider();
        using var builder = CreatePublishBuilder();
        builder.Services.AddSingleton<ILoggerProvider>(logs);
        builder.AddEksEnvironment("eks").WithDataPlaneFlavor(flavor);
        var longName = "gateway-" + new string('x', 52);
        builder.AddKongDataPlane(longName, builder.AddKongControlPlane("kong"), instances: 1);

        await using (var app = builder.Build())
        {
            await app.RunAsync().WaitAsync(PublishOutputs.Timeout);
        }

        Assert.False(Directory.Exists(Path.Combine(_output, "eks")));
        Assert.Contains(logs.Collector.GetSnapshot(), m => m.Level == LogLevel.Error
            && $"{m.Message} {m.Exception?.Message}".Contains($"Service '{longName}-proxy'", StringComparison.Ordinal)
            && $"{m.Message} {m.Exception?.Message}".Contains("must be a DNS-1035 label", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(EksDataPlaneFlavor.Plain)]
    [InlineData(EksDataPlaneFlavor.KongOperator)]
    public void Large_models_publish_only_names_the_API_server_accepts(EksDataPlaneFlavor flavor) =>
        Assert.Empty(ManifestNameCheck.Problems(EksManifestBuilder.Build(ReferenceModels.Large(flavor, groups: 5, routes: 50))));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_Konnect_control_plane_publishes_the_name_and_region_the_run_uses(bool fromConfiguration)
    {
        using var builder = fromConfiguration
            ? CreatePublishBuilder("Parameters:konnect-token=kpat_publish0test0token", "Konnect:ControlPlaneName=prod-gw", "Konnect:Region=eu")
            : CreatePublishBuilder("Parameters:konnect-token=kpat_publish0test0token");
        builder.AddEksEnvironment("eks");
        var token = builder.AddParameter("konnect-token", secret: true);
        var controlPlane = fromConfiguration
            ? builder.AddKonnectControlPlane("kong", token)
            : builder.AddKonnectControlPlane("kong", token, controlPlaneName: "prod-gw", region: KonnectAspire.Konnect.Api.KonnectRegion.Eu);
        builder.AddKongDataPlane("kong-dp", controlPlane, instances: 1);

        await using (var app = builder.Build())
        {
            await app.RunAsync().WaitAsync(PublishOutputs.Timeout);
        }

        var documents = PublishedDocument.From(Files());
        var konnect = documents.Single(d => d.Kind == "KonnectGatewayControlPlane").Node["spec"]!;
        Assert.Equal("prod-gw", konnect["createControlPlaneRequest"]!["name"]!.GetValue<string>());
        Assert.Equal("eu.api.konghq.com", documents.Single(d => d.Kind == "KonnectAPIAuthConfiguration").Node["spec"]!["serverURL"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("http://eu.api.konghq.com", "is neither a host name nor an https URL")]
    [InlineData("eu api", "is neither a host name nor an https URL")]
    [InlineData(" ", "KonnectServerUrl is empty")]
    public async Task A_Konnect_server_URL_the_operator_refuses_stops_the_publish(string serverUrl, string message)
    {
        var logs = new FakeLoggerProvider();
        using var builder = CreatePublishBuilder();
        builder.Services.AddSingleton<ILoggerProvider>(logs);
        builder.AddEksEnvironment("eks").WithEksOptions(o => o.KonnectServerUrl = serverUrl);
        builder.AddKongDataPlane("kong-dp", builder.AddKongControlPlane("kong"), instances: 1);

        await using (var app = builder.Build())
        {
            await app.RunAsync().WaitAsync(PublishOutputs.Timeout);
        }

        Assert.False(Directory.Exists(Path.Combine(_output, "eks")));
        Assert.Contains(logs.Collector.GetSnapshot(), m => m.Level == LogLevel.Error && $"{m.Message} {m.Exception?.Message}".Contains(message, StringComparison.Ordinal));
    }

    private IReadOnlyList<(string Name, string Content)> Files() =>
        PublishOutputs.ReadFolder(Path.Combine(_output, "eks"));

    private IDistributedApplicationTestingBuilder CreatePublishBuilder(params string[] settings) =>
        DistributedApplicationTestingBuilder.Create(["AppHost:Operation=publish", $"Pipeline:OutputPath={_output}", "Pipeline:Step=publish", .. settings]);
}
