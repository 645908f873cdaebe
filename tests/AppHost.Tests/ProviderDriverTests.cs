using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;
using KonnectAspire.TestSupport;
using KonnectAspire.TestSupport.Infrastructure;
using Xunit.Abstractions;

namespace KonnectAspire.AppHost.Tests;

/// <summary>
/// Real Kong in front of the stand-in: each provider's route runs Kong's own ai-proxy driver (request translation to
/// Anthropic Messages, Mistral chat, Bedrock Converse with SigV4, and the answer back to OpenAI's shape), and a
/// real-size prompt passes the body limits. Needs a container engine; skipped, with the reason, without one.
/// </summary>
public sealed class ProviderDriverTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    private readonly TemporaryFolder _certificates = new("konnectaspire-apphost-tests");

    public void Dispose() => _certificates.Dispose();

    [SkippableFact]
    public async Task Each_providers_route_answers_through_kongs_driver_for_it_and_a_100_KB_prompt_passes()
    {
        Skip.If(ContainerEngine.Unavailable is not null, ContainerEngine.Unavailable);
        using var cancellation = new CancellationTokenSource(Timeout);
        using var builder = DistributedApplicationTestingBuilder.Create([$"Kong:ClusterCertificateDirectory={_certificates.Path}"]);
        var standIn = builder.AddProject("llm-stand-in", Path.Combine(RepositoryRoot(), "LlmStandIn", "LlmStandIn.csproj")).WithHttpHealthCheck("/health");
        var controlPlane = builder.AddKongControlPlane("kong")
            .WithLlmRoute("/claude", "anthropic", "claude-3-5-haiku-latest", standIn: standIn)
            .WithLlmRoute("/mistral", "mistral", "mistral-small-latest", standIn: standIn)
            .WithLlmRoute("/bedrock", "bedrock", "anthropic.claude-3-haiku-20240307-v1:0", standIn: standIn, awsRegion: "us-east-1");
        builder.AddKongDataPlane("kong-dp", controlPlane, instances: 1);

        await using var app = await builder.BuildAsync(cancellation.Token);
        await app.StartAsync(cancellation.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("kong-dp-1", cancellation.Token);
        using var proxy = app.CreateHttpClient("kong-dp-1", "proxy");

        foreach (var (path, model) in new[] { ("/claude", "claude-3-5-haiku-latest"), ("/mistral", "mistral-small-latest"), ("/bedrock", "anthropic.claude-3-haiku-20240307-v1:0") })
        {
            var answer = await AskAsync(proxy, path, model, "What is Kong?", cancellation.Token);
            output.WriteLine($"{path}: {answer}");
            Assert.Equal($"This is the local LLM stand-in answering as {model}. You asked: \"What is Kong?\"", (string?)answer["choices"]![0]!["message"]!["content"]);
        }

        var longAnswer = await AskAsync(proxy, "/claude", "claude-3-5-haiku-latest", new string('a', 100_000), cancellation.Token);
        Assert.StartsWith("This is the local LLM stand-in", (string?)longAnswer["choices"]![0]!["message"]!["content"], StringComparison.Ordinal);
    }

    private static async Task<JsonNode> AskAsync(HttpClient proxy, string path, string model, string question, CancellationToken cancellationToken)
    {
        using var response = await proxy.PostAsJsonAsync(
            $"{path}/v1/chat/completions",
            new { model, messages = new[] { new { role = "user", content = question } } },
            cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KonnectAspire.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No KonnectAspire.sln above {AppContext.BaseDirectory}.");
    }
}
