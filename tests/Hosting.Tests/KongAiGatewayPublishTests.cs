using Aspire.Hosting.Kong.Ai;
using Aspire.Hosting.Kong.GatewayConfig;

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

        controlPlane.WithLlmRoute("/llm", "openai", "gpt-4o-mini", apiKey: _host.Builder.AddParameter("openai-api-key", secret: true));

        var json = await PublishedConfigJson(controlPlane.Resource);
        Assert.DoesNotContain(_host.Builder.Resources, resource => resource is ParameterResource);
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
    public void A_published_route_given_a_stand_in_is_served_by_the_published_stand_in()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");
        var standIn = _host.Builder.AddContainer("llm-stand-in", "example/llm-stand-in", "1.0").WithHttpEndpoint(targetPort: 8080);

        controlPlane.WithLlmRoute("/claude", "anthropic", "claude-3-5-haiku-latest", standIn: standIn);

        Assert.Same(standIn.Resource, Assert.Single(controlPlane.Resource.Annotations.OfType<KongLlmRouteAnnotation>()).StandIn?.Resource);
        Assert.DoesNotContain(_host.Builder.Resources, resource => resource is ParameterResource);
    }

    [Fact]
    public async Task The_published_stand_in_route_calls_the_stand_in_at_its_cluster_address()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");
        var standIn = _host.Builder.AddContainer("llm-stand-in", "example/llm-stand-in", "1.0").WithHttpEndpoint(targetPort: 8080);

        controlPlane.WithLlmRoute("/llm", "mistral", "mistral-small-latest", standIn: standIn);

        Assert.Contains("\"upstream_url\":\"http://llm-stand-in:8080/v1/chat/completions\"", await PublishedConfigJson(controlPlane.Resource));
    }

    [Fact]
    public async Task A_published_bedrock_route_given_static_keys_still_uses_the_pod_identity_and_drops_the_key_parameters()
    {
        using var host = new KongTestAppHost("--operation", "publish", "--step", "publish", "Parameters:aws-access-key-id=AKIA", "Parameters:aws-secret-access-key=s");
        var controlPlane = host.Builder.AddKongControlPlane("kong");

        controlPlane.WithLlmRoute(
            "/bedrock",
            "bedrock",
            "amazon.nova-lite-v1:0",
            awsAccessKeyId: host.Builder.AddParameter("aws-access-key-id", secret: true),
            awsSecretAccessKey: host.Builder.AddParameter("aws-secret-access-key", secret: true),
            awsRegion: "us-east-1");

        var configuration = await KongGatewayConfigurationBuilder.BuildAsync(
            controlPlane.Resource, endpoint => new Uri($"http://{endpoint.Resource.Name}:8080"), host.Builder.ExecutionContext, CancellationToken.None);
        Assert.Null(configuration.Plugins.Single().Config["auth"]);
        Assert.DoesNotContain(host.Builder.Resources, resource => resource is ParameterResource);
    }

    [Fact]
    public async Task A_published_semantic_cache_takes_the_redis_password_from_a_vault_reference()
    {
        using var host = new KongTestAppHost("--operation", "publish", "--step", "publish", "Parameters:llm-cache-password=redis-pw-never-published");
        var standIn = host.Builder.AddContainer("llm-stand-in", "example/llm-stand-in", "1.0").WithHttpEndpoint(targetPort: 8080);
        var controlPlane = host.Builder.AddResource<IKongControlPlaneResource>(new EnterpriseControlPlane("konnect", connect: false))
            .WithLlmRoute("/llm", "openai", "gpt-4o-mini", standIn: standIn);

        controlPlane.WithSemanticCache("llm", host.Builder.AddRedisStack("llm-cache"));

        var configuration = await KongGatewayConfigurationBuilder.BuildAsync(
            controlPlane.Resource, endpoint => new Uri(endpoint.Resource is RedisResource ? "tcp://llm-cache.konnect-aspire.svc.cluster.local:6379" : "http://llm-stand-in.konnect-aspire.svc.cluster.local:8080"), host.Builder.ExecutionContext, CancellationToken.None);
        var redis = configuration.Plugins.Single(p => p.Name == "ai-semantic-cache").Config["vectordb"]!["redis"]!.ToJsonString();
        Assert.Equal("""{"host":"llm-cache.konnect-aspire.svc.cluster.local","port":6379,"password":"{vault://env/llm-cache-password}"}""", redis);
    }
}
