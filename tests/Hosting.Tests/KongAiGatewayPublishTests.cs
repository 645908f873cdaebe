using Aspire.Hosting.Kong;

namespace KonnectAspire.Hosting.Tests;

public sealed class KongAiGatewayPublishTests : IDisposable
{
    private const string ApiKeyValue = "sk-live-do-not-publish";

    private readonly KongTestAppHost _host = new("--operation", "publish", "--step", "publish", $"Parameters:openai-api-key={ApiKeyValue}");

    public void Dispose() => _host.Dispose();

    private async Task<string> PublishedConfigJson(IKongControlPlaneResource controlPlane)
    {
        var configuration = await KongGatewayConfigurationBuilder.BuildAsync(
            controlPlane, endpoint => new Uri($"http://{endpoint.Resource.Name}:8080"), _host.Builder.ExecutionContext, CancellationToken.None);
        return string.Join('\n', configuration.Plugins.Select(plugin => plugin.Config.ToJsonString()));
    }

    [Fact]
    public async Task A_published_provider_route_takes_its_key_from_a_vault_reference_never_the_value()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        controlPlane.WithLlmRoute("/llm", "openai", "gpt-4o-mini", credentialParameter: "openai-api-key");

        var json = await PublishedConfigJson(controlPlane.Resource);
        Assert.DoesNotContain(ApiKeyValue, json);
        Assert.Contains("\"header_value\":\"{vault://env/ai-llm-auth}\"", json);
        Assert.Equal("AI_LLM_AUTH", KongAiSecrets.EnvironmentVariable(KongAiSecrets.ApiKeySecretName("llm")));
    }

    [Fact]
    public async Task A_published_bedrock_route_uses_the_pod_identity()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        controlPlane.WithLlmRoute("/bedrock", "bedrock", "amazon.nova-lite-v1:0", awsRegion: "us-east-1");

        var json = await PublishedConfigJson(controlPlane.Resource);
        Assert.DoesNotContain("\"auth\"", json);
        Assert.Contains("\"bedrock\":{\"aws_region\":\"us-east-1\"}", json);
    }

    [Fact]
    public void A_published_bedrock_route_with_a_static_key_is_refused()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        var error = Assert.Throws<InvalidOperationException>(
            () => controlPlane.WithLlmRoute("/bedrock", "bedrock", "amazon.nova-lite-v1:0", credentialParameter: "aws", awsRegion: "us-east-1"));

        Assert.StartsWith("Bedrock model 'amazon.nova-lite-v1:0' has a static AWS access key, which is for local runs only", error.Message);
    }
}
