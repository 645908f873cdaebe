using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Aspire.Hosting.Kong.Kubernetes;
using Aspire.Hosting.Testing;

namespace KonnectAspire.Hosting.Tests.Kubernetes;

/// <summary>
/// The publish outputs the tests check. "reference-*": the reference architecture of AppHost/AppHost.cs, published by
/// Aspire's own pipeline in publish mode (testing builder, no container engine). "large-*": 5 data-plane groups and 50
/// routes, built straight from the publishing input.
/// </summary>
internal static class PublishOutputs
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<(string Name, string Content)>>>> Cache = new();

    public static TheoryData<string> All => ["reference-kong-operator", "reference-plain", "large-kong-operator", "large-plain"];

    public static EksDataPlaneFlavor FlavorOf(string name) => name.EndsWith("plain", StringComparison.Ordinal) ? EksDataPlaneFlavor.Plain : EksDataPlaneFlavor.KongOperator;

    public static Task<IReadOnlyList<(string Name, string Content)>> FilesAsync(string name) =>
        Cache.GetOrAdd(name, key => new(() => key.StartsWith("reference-", StringComparison.Ordinal)
            ? PublishReferenceAsync(FlavorOf(key))
            : Task.FromResult(ManifestWriter.Render(EksManifestBuilder.Build(ReferenceModels.Large(FlavorOf(key), groups: 5, routes: 50)))))).Value;

    /// <summary>Every file a publish wrote to <paramref name="directory"/>, by name, without the ownership record.</summary>
    public static List<(string Name, string Content)> ReadFolder(string directory) =>
        [.. Directory.GetFiles(directory).Where(f => Path.GetFileName(f) != ManifestWriter.OwnershipRecordName).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f)))];

    public static async Task<IReadOnlyList<PublishedDocument>> DocumentsAsync(string name) => PublishedDocument.From(await FilesAsync(name));

    private static Task<IReadOnlyList<(string Name, string Content)>> PublishReferenceAsync(EksDataPlaneFlavor flavor) =>
        PublishAsync(builder => AddReferenceArchitecture(builder, flavor));

    /// <summary>
    /// Publishes the model <paramref name="compose"/> builds (with <paramref name="settings"/> as configuration) by
    /// Aspire's own pipeline into a temporary folder, and returns the files of its EKS environment "eks".
    /// </summary>
    public static async Task<IReadOnlyList<(string Name, string Content)>> PublishAsync(Action<IDistributedApplicationTestingBuilder> compose, params string[] settings)
    {
        var output = Directory.CreateTempSubdirectory("eks-publish-").FullName;
        try
        {
            using var builder = DistributedApplicationTestingBuilder.Create(["AppHost:Operation=publish", $"Pipeline:OutputPath={output}", "Pipeline:Step=publish", .. settings]);
            compose(builder);

            await using (var app = builder.Build())
            {
                await app.RunAsync().WaitAsync(Timeout);
            }

            var directory = Path.Combine(output, "eks");
            Assert.True(Directory.Exists(directory), $"publish wrote nothing to {directory}");
            return ReadFolder(directory);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>The reference architecture as in AppHost/AppHost.cs, with an EKS environment "eks" of <paramref name="flavor"/>.</summary>
    public static IResourceBuilder<EksEnvironmentResource> AddReferenceArchitecture(IDistributedApplicationBuilder builder, EksDataPlaneFlavor flavor)
    {
        var controlPlane = builder.AddKongControlPlane("kong");
        var dataPlanes = builder.AddKongDataPlane("kong-dp", controlPlane, instances: 2, proxyPort: 18000);
        var sampleService = builder.AddProject("sample-service", TestRepository.PathOf("SampleService", "SampleService.csproj"))
            .WithHttpHealthCheck("/health");
        controlPlane
            .WithRoute("/orders", sampleService, name: "orders", stripPath: false)
            .WithPlugin("rate-limiting", new JsonObject { ["minute"] = 60, ["policy"] = "local" }, route: "orders");
        var llmStandIn = builder.AddProject("llm-stand-in", TestRepository.PathOf("LlmStandIn", "LlmStandIn.csproj"))
            .WithHttpHealthCheck("/health");
        controlPlane.WithLlmRoute("/llm", "openai", "gpt-4o-mini", standIn: llmStandIn);
        sampleService.WithLlmGateway(dataPlanes, "llm");
        return builder.AddEksEnvironment("eks").WithDataPlaneFlavor(flavor);
    }
}
