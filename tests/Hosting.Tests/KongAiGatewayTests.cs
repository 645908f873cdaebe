using System.Text.Json.Nodes;
using Aspire.Hosting.Kong.GatewayConfig;
using KonnectAspire.Konnect.Gateway.Ai;
using KonnectAspire.TestSupport.Kong;

namespace KonnectAspire.Hosting.Tests;

public sealed class KongAiGatewayTests : IDisposable
{
    private KongTestAppHost _host = new();

    public void Dispose() => _host.Dispose();

    private void UseHost(params string[] args)
    {
        _host.Dispose();
        _host = new KongTestAppHost(args);
    }

    /// <summary>The LLM stand-in as a container with an http endpoint, allocated in the container network as DCP would.</summary>
    private IResourceBuilder<ContainerResource> AddStandIn()
    {
        var standIn = _host.Builder.AddContainer("llm-stand-in", "example/llm-stand-in", "1.0").WithHttpEndpoint(targetPort: 8080);
        var endpoint = standIn.Resource.Annotations.OfType<EndpointAnnotation>().Single();
        endpoint.AllAllocatedEndpoints.AddOrUpdateAllocatedEndpoint(
            KnownNetworkIdentifiers.DefaultAspireContainerNetwork,
            new AllocatedEndpoint(endpoint, "llm-stand-in.dev.internal", 8080, EndpointBindingMode.SingleAddress, null, KnownNetworkIdentifiers.DefaultAspireContainerNetwork));
        return standIn;
    }

    private static IResourceBuilder<RedisResource> AllocateInContainerNetwork(IResourceBuilder<RedisResource> redis)
    {
        var endpoint = redis.Resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "tcp");
        endpoint.AllAllocatedEndpoints.AddOrUpdateAllocatedEndpoint(
            KnownNetworkIdentifiers.DefaultAspireContainerNetwork,
            new AllocatedEndpoint(endpoint, "llm-cache.dev.internal", 6379, EndpointBindingMode.SingleAddress, null, KnownNetworkIdentifiers.DefaultAspireContainerNetwork));
        return redis;
    }

    private async Task<JsonObject> PluginConfig(IKongControlPlaneResource controlPlane, string plugin)
    {
        var configuration = await KongGatewayConfigurationBuilder.BuildAsync(
            controlPlane, endpoint => new Uri($"http://{endpoint.Resource.Name}.dev.internal:8080"), _host.Builder.ExecutionContext, CancellationToken.None);
        return configuration.Plugins.Single(p => p.Name == plugin).Config;
    }

    private IResourceBuilder<IKongControlPlaneResource> EnterpriseControlPlane()
        => _host.Builder.AddResource<IKongControlPlaneResource>(new EnterpriseControlPlane("konnect", connect: false));

    [Fact]
    public async Task A_route_given_a_stand_in_is_served_by_it_even_with_a_provider_key_in_configuration()
    {
        UseHost("Parameters:openai-api-key=sk-set-but-not-asked-for");
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        controlPlane.WithLlmRoute("/llm", "openai", "gpt-4o-mini", standIn: AddStandIn());

        var route = Assert.Single(controlPlane.Resource.Annotations.OfType<KongLlmRouteAnnotation>());
        Assert.Equal(("llm", "/llm", "llm-stand-in"), (route.Name, route.Path, route.StandIn?.Resource.Name));
        Assert.Equal("llm-stand-in", Assert.Single(controlPlane.Resource.Annotations.OfType<KongRouteAnnotation>()).Upstream.Resource.Name);
        Assert.DoesNotContain(_host.Builder.Resources, resource => resource is ParameterResource);
        var config = await PluginConfig(controlPlane.Resource, "ai-proxy");
        Assert.Equal(
            """{"route_type":"llm/v1/chat","max_request_body_size":1048576,"model":{"provider":"openai","name":"gpt-4o-mini","options":{"upstream_url":"http://llm-stand-in.dev.internal:8080/v1/chat/completions","max_tokens":4096}},"logging":{"log_statistics":true,"log_payloads":false},"auth":{"header_name":"Authorization","header_value":"Bearer konnectaspire-stand-in"}}""",
            config.ToJsonString());
    }

    [Theory]
    [InlineData(null, 1024 * 1024)]
    [InlineData(4 * 1024 * 1024, 4 * 1024 * 1024)]
    public async Task A_100_KB_chat_request_is_within_every_limit_the_route_and_the_data_planes_set(int? routeLimit, int expected)
    {
        const int HundredKilobytes = 100 * 1024;
        var controlPlane = _host.Builder.AddKongControlPlane("kong");
        controlPlane.WithLlmRoute("/llm", "openai", "gpt-4o-mini", standIn: AddStandIn(), maxRequestBodySize: routeLimit);
        var dataPlane = _host.Builder.AddKongDataPlane("kong-dp", controlPlane, instances: 1);

        var config = await PluginConfig(controlPlane.Resource, "ai-proxy");
        var environment = await _host.EnvironmentOf(dataPlane.Resource.InstanceResources.Single());

        var bodyLimit = config["max_request_body_size"]!.GetValue<int>();
        var buffer = (string)environment["KONG_NGINX_HTTP_CLIENT_BODY_BUFFER_SIZE"];
        Assert.Equal(expected, bodyLimit);
        Assert.True(bodyLimit >= HundredKilobytes);
        Assert.EndsWith("k", buffer, StringComparison.Ordinal);
        Assert.True(int.Parse(buffer[..^1], System.Globalization.CultureInfo.InvariantCulture) * 1024 >= bodyLimit, $"buffer {buffer} is smaller than the body limit {bodyLimit}");
        Assert.Equal("off", environment["KONG_ADMIN_GUI_LISTEN"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(64 * 1024 * 1024 + 1)]
    public void A_body_limit_outside_1_byte_to_64_MiB_is_refused_naming_the_route(int limit)
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => controlPlane.WithLlmRoute("/llm", "openai", "gpt-4o-mini", standIn: AddStandIn(), maxRequestBodySize: limit));

        Assert.Contains($"LLM route '/llm': maxRequestBodySize {limit} is outside 1 to 67108864 bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anthropic", null, 4096)]
    [InlineData("openai", 16000, 16000)]
    public async Task A_request_without_max_tokens_gets_the_routes_answer_length_not_kongs_256(string provider, int? maxTokens, int expected)
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        controlPlane.WithLlmRoute("/llm", provider, provider == "openai" ? "gpt-4o-mini" : "claude-3-5-haiku-latest", standIn: AddStandIn(), maxTokens: maxTokens);

        var config = await PluginConfig(controlPlane.Resource, "ai-proxy");
        Assert.Equal(expected, config["model"]!["options"]!["max_tokens"]!.GetValue<int>());
    }

    [Fact]
    public void An_answer_length_below_1_token_is_refused_naming_the_route()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => controlPlane.WithLlmRoute("/llm", "openai", "gpt-4o-mini", standIn: AddStandIn(), maxTokens: 0));

        Assert.Contains("LLM route '/llm': maxTokens 0 is below 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_key_parameter_sends_the_route_to_the_provider_with_the_parameter_value()
    {
        UseHost("Parameters:anthropic-key=sk-ant-local");
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        controlPlane.WithLlmRoute("/claude", "anthropic", "claude-3-5-haiku-latest", apiKey: _host.Builder.AddParameter("anthropic-key", secret: true));

        var parameter = Assert.Single(_host.Builder.Resources.OfType<ParameterResource>());
        Assert.Equal(("anthropic-key", true), (parameter.Name, parameter.Secret));
        Assert.Empty(controlPlane.Resource.Annotations.OfType<KongRouteAnnotation>());
        var model = KongGatewayConfigurationBuilder.Build(controlPlane.Resource, _ => throw new InvalidOperationException("no Aspire upstream"));
        var service = Assert.Single(model.Services);
        Assert.Equal(("claude", "https", "api.anthropic.com", 443), (service.Name, service.Protocol, service.Host, service.Port));
        Assert.Equal(["/claude"], Assert.Single(model.Routes).Paths);
        var config = await PluginConfig(controlPlane.Resource, "ai-proxy");
        Assert.Equal("x-api-key", (string?)config["auth"]!["header_name"]);
        Assert.Equal("sk-ant-local", (string?)config["auth"]!["header_value"]);
        Assert.Equal("2023-06-01", (string?)config["model"]!["options"]!["anthropic_version"]);
    }

    [Fact]
    public async Task A_local_bedrock_route_signs_with_the_aws_key_parameters()
    {
        UseHost("Parameters:aws-access-key-id=AKIALOCAL", "Parameters:aws-secret-access-key=local-secret");
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        controlPlane.WithLlmRoute(
            "/bedrock",
            "bedrock",
            "anthropic.claude-3-haiku-20240307-v1:0",
            awsAccessKeyId: _host.Builder.AddParameter("aws-access-key-id", secret: true),
            awsSecretAccessKey: _host.Builder.AddParameter("aws-secret-access-key", secret: true),
            awsRegion: "eu-central-1");

        var config = await PluginConfig(controlPlane.Resource, "ai-proxy");
        Assert.Equal("AKIALOCAL", (string?)config["auth"]!["aws_access_key_id"]);
        Assert.Equal("eu-central-1", (string?)config["model"]!["options"]!["bedrock"]!["aws_region"]);
        Assert.Equal("bedrock-runtime.eu-central-1.amazonaws.com", KongGatewayConfigurationBuilder.Build(controlPlane.Resource, _ => null!).Services.Single().Host);
    }

    [Fact]
    public void A_route_with_neither_credential_nor_stand_in_is_refused_naming_both_fixes()
    {
        UseHost("Parameters:openai-api-key=sk-in-configuration-is-not-a-choice");
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        var error = Assert.Throws<ArgumentException>(() => controlPlane.WithLlmRoute("/llm", "openai", "gpt-4o-mini"));

        Assert.StartsWith(
            "LLM route '/llm' (openai gpt-4o-mini) has neither a credential nor a stand-in: pass apiKey (e.g. builder.AddParameter(\"openai-api-key\", secret: true)), or standIn",
            error.Message);
    }

    [Fact]
    public void A_route_given_both_a_stand_in_and_a_key_is_refused()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        var error = Assert.Throws<ArgumentException>(() => controlPlane.WithLlmRoute(
            "/llm", "openai", "gpt-4o-mini", standIn: AddStandIn(), apiKey: _host.Builder.AddParameter("openai-api-key", secret: true)));

        Assert.StartsWith("LLM route '/llm' (openai gpt-4o-mini) is given both a stand-in and a provider credential", error.Message);
    }

    [Theory]
    [InlineData("openia", "gpt-4o-mini", null, "Unknown LLM provider 'openia': use one of openai, anthropic, mistral, bedrock.")]
    [InlineData("openai", "", null, "The openai model needs a model name (for example 'gpt-4o-mini').")]
    [InlineData("bedrock", "amazon.nova-lite-v1:0", null, "Bedrock route '/llm' needs the AWS region of model 'amazon.nova-lite-v1:0': pass awsRegion")]
    public void Bad_llm_route_input_is_refused_with_the_fix(string provider, string model, string? region, string expected)
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        var error = Assert.Throws<ArgumentException>(() => controlPlane.WithLlmRoute("/llm", provider, model, standIn: AddStandIn(), awsRegion: region));

        Assert.StartsWith(expected, error.Message);
    }

    [Theory]
    [InlineData("ai-rate-limiting-advanced")]
    [InlineData("ai-semantic-cache")]
    public void Enterprise_ai_plugins_are_refused_on_the_open_source_control_plane_naming_konnect_mode(string plugin)
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong").WithLlmRoute("/llm", "openai", "gpt-4o-mini", standIn: AddStandIn());
        var vectors = _host.Builder.AddRedisStack("llm-cache");

        var error = Assert.Throws<InvalidOperationException>(() => plugin == "ai-semantic-cache"
            ? controlPlane.WithSemanticCache("llm", vectors)
            : controlPlane.WithAiRateLimiting("llm", new AiTokenLimit(1000, TimeSpan.FromMinutes(1))));

        Assert.Contains($"'{plugin}' plugin, which exists only in Kong Enterprise, but control plane 'kong' runs open-source Kong 3.9.3", error.Message);
        Assert.Contains("Use Konnect mode", error.Message);
    }

    [Fact]
    public void Ai_rate_limiting_counts_the_tokens_of_the_provider_kong_talks_to()
    {
        var controlPlane = EnterpriseControlPlane().WithLlmRoute("/llm", "mistral", "mistral-small-latest", standIn: AddStandIn());

        controlPlane.WithAiRateLimiting("llm", new AiTokenLimit(5_000, TimeSpan.FromMinutes(1)));

        var plugin = controlPlane.Resource.Annotations.OfType<KongPluginAnnotation>().Single(p => p.Name == "ai-rate-limiting-advanced");
        Assert.Equal("llm", plugin.Route);
        Assert.Equal(
            """{"llm_providers":[{"name":"mistral","limit":[5000],"window_size":[60]}],"strategy":"local","window_type":"sliding","tokens_count_strategy":"total_tokens"}""",
            plugin.Config.ToJsonString());
    }

    [Fact]
    public void Ai_plugins_need_an_llm_route_by_that_name()
    {
        var controlPlane = EnterpriseControlPlane();

        var error = Assert.Throws<ArgumentException>(() => controlPlane.WithAiRateLimiting("chat", new AiTokenLimit(1, TimeSpan.FromMinutes(1))));

        Assert.StartsWith("WithAiRateLimiting: control plane 'konnect' has no LLM route named 'chat'; add it first with WithLlmRoute", error.Message);
    }

    [Fact]
    public void A_semantic_cache_without_a_vector_database_is_refused()
    {
        var controlPlane = EnterpriseControlPlane().WithLlmRoute("/llm", "openai", "gpt-4o-mini", standIn: AddStandIn());

        var error = Assert.Throws<ArgumentException>(() => controlPlane.WithSemanticCache("llm", null!));

        Assert.StartsWith("The semantic cache of route 'llm' needs a vector database: pass a Redis with vector search, e.g. builder.AddRedisStack", error.Message);
    }

    [Fact]
    public async Task The_semantic_cache_embeds_with_the_stand_in_and_stores_vectors_in_redis_stack()
    {
        UseHost("Parameters:llm-cache-password=redis-local-pw");
        var vectors = AllocateInContainerNetwork(_host.Builder.AddRedisStack("llm-cache"));
        var controlPlane = EnterpriseControlPlane().WithLlmRoute("/llm", "openai", "gpt-4o-mini", standIn: AddStandIn());

        controlPlane.WithSemanticCache("llm", vectors, dimensions: 256);

        var config = await PluginConfig(controlPlane.Resource, "ai-semantic-cache");
        Assert.Equal(
            """{"model":{"provider":"openai","name":"text-embedding-3-small","options":{"upstream_url":"http://llm-stand-in.dev.internal:8080/v1/embeddings"}},"auth":{"header_name":"Authorization","header_value":"Bearer konnectaspire-stand-in"}}""",
            config["embeddings"]!.ToJsonString());
        Assert.Equal(
            """{"strategy":"redis","dimensions":256,"distance_metric":"cosine","threshold":0.1,"redis":{"host":"llm-cache.dev.internal","port":6379,"password":"redis-local-pw"}}""",
            config["vectordb"]!.ToJsonString());
    }

    [Fact]
    public async Task Redis_stack_runs_the_stack_image_with_its_own_entrypoint_and_the_password()
    {
        var redis = _host.Builder.AddRedisStack("llm-cache");

        Assert.True(redis.Resource.TryGetLastAnnotation<ContainerImageAnnotation>(out var image));
        Assert.Equal(("docker.io", "redis/redis-stack-server", "7.4.0-v8"), (image.Registry, image.Image, image.Tag));
        Assert.Equal("/entrypoint.sh", redis.Resource.Entrypoint);
        var args = new CommandLineArgsCallbackContext([], redis.Resource);
        foreach (var callback in redis.Resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await callback.Callback(args);
        }

        Assert.Empty(args.Args);
        var redisArgs = Assert.IsType<ReferenceExpression>((await _host.EnvironmentOf(redis.Resource))["REDIS_ARGS"]);
        Assert.Equal("--requirepass {llm-cache-password.value}", redisArgs.ValueExpression);
    }

    [Fact]
    public async Task Sync_puts_the_ai_proxy_plugin_on_the_llm_route()
    {
        await using var admin = await FakeKongAdminApi.StartAsync();
        var controlPlane = _host.Builder.AddKongControlPlane("kong").WithLlmRoute("/llm", "openai", "gpt-4o-mini", standIn: AddStandIn());
        var adminEndpoint = controlPlane.Resource.Annotations.OfType<EndpointAnnotation>().Single(endpoint => endpoint.Name == "admin");
        adminEndpoint.AllocatedEndpoint = new AllocatedEndpoint(adminEndpoint, "127.0.0.1", admin.Address.Port);

        await KongGatewayConfigSync.SyncAsync(controlPlane.Resource, _host.App.Services, CancellationToken.None);

        var puts = admin.Requests.Where(request => request.Method == "PUT").ToList();
        Assert.Equal(["services", "routes", "plugins"], puts.Select(request => request.Path.Split('/')[1]));
        Assert.Equal("llm-stand-in.dev.internal", (string?)puts[0].Json["host"]);
        Assert.Equal("ai-proxy", (string?)puts[2].Json["name"]);
        Assert.Equal("http://llm-stand-in.dev.internal:8080/v1/chat/completions", (string?)puts[2].Json["config"]!["model"]!["options"]!["upstream_url"]);
    }

    [Fact]
    public async Task A_service_is_told_the_llm_route_on_the_first_data_plane_and_its_model()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong").WithLlmRoute("/llm", "openai", "gpt-4o-mini", standIn: AddStandIn());
        var dataPlanes = _host.Builder.AddKongDataPlane("kong-dp", controlPlane, instances: 2);
        var caller = _host.Builder.AddContainer("caller", "example/caller", "1.0");

        caller.WithLlmGateway(dataPlanes, "llm");

        var environment = await _host.EnvironmentOf(caller.Resource);
        Assert.Equal("gpt-4o-mini", environment["LlmGateway__Model"]);
        Assert.Equal("{kong-dp-1.bindings.proxy.url}/llm", Assert.IsType<ReferenceExpression>(environment["LlmGateway__Endpoint"]).ValueExpression);
    }

    [Fact]
    public async Task A_service_referencing_the_data_planes_finds_every_local_instance_by_service_discovery()
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");
        var dataPlanes = _host.Builder.AddKongDataPlane("kong-dp", controlPlane, instances: 2);
        var caller = _host.Builder.AddContainer("caller", "example/caller", "1.0");

        caller.WithReference(dataPlanes);

        var environment = await _host.EnvironmentOf(caller.Resource);
        Assert.Equal(
            ["kong-dp-1/proxy", "kong-dp-2/proxy"],
            new[] { "services__kong-dp__http__0", "services__kong-dp__http__1" }
                .Select(name => Assert.IsType<EndpointReference>(environment[name]))
                .Select(endpoint => $"{endpoint.Resource.Name}/{endpoint.EndpointName}"));
        Assert.Contains(caller.Resource.Annotations.OfType<ResourceRelationshipAnnotation>(), relationship => relationship.Resource == dataPlanes.Resource);
    }

    [Theory]
    [InlineData("anthropic", "claude-3-5-haiku-latest", null, "http://llm-stand-in.dev.internal:8080/v1/messages", "header_name", "x-api-key")]
    [InlineData("mistral", "mistral-small-latest", null, "http://llm-stand-in.dev.internal:8080/v1/chat/completions", "header_name", "Authorization")]
    [InlineData("bedrock", "anthropic.claude-3-haiku-20240307-v1:0", "eu-central-1", "http://llm-stand-in.dev.internal:8080/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse", "aws_access_key_id", "konnectaspire-stand-in")]
    public async Task A_stand_in_route_keeps_its_provider_so_kongs_own_driver_runs_against_the_stand_in(
        string provider, string model, string? region, string upstreamUrl, string authField, string authValue)
    {
        var controlPlane = _host.Builder.AddKongControlPlane("kong");

        controlPlane.WithLlmRoute("/llm", provider, model, standIn: AddStandIn(), awsRegion: region);

        var config = await PluginConfig(controlPlane.Resource, "ai-proxy");
        Assert.Equal(provider, (string?)config["model"]!["provider"]);
        Assert.Equal(upstreamUrl, (string?)config["model"]!["options"]!["upstream_url"]);
        Assert.Equal(authValue, (string?)config["auth"]![authField]);
    }
}
