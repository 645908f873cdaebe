using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Gateway.Ai;

namespace KonnectAspire.Konnect.Tests.Ai;

public class AiPluginConfigContractTests
{
    private static readonly Uri StandInChat = new("http://llm-stand-in:8080/v1/chat/completions");

    public static TheoryData<string, string> ProxyConfigs()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in new[] { "3.9", "3.10" })
        {
            foreach (var name in ProxyCases.Keys)
            {
                data.Add(name, version);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, AiProxyPluginConfig> ProxyCases = new()
    {
        ["openai"] = new(new LlmModel("openai", "gpt-4o-mini"), LlmAuth.ApiKey("openai", "sk-test")),
        ["openai via the stand-in"] = new(new LlmModel("openai", "gpt-4o-mini") { UpstreamUrl = StandInChat }, LlmAuth.ApiKey("openai", "stand-in")),
        ["anthropic"] = new(new LlmModel("Anthropic", "claude-3-5-haiku-latest"), LlmAuth.ApiKey("anthropic", "sk-ant-test")),
        ["mistral"] = new(new LlmModel("mistral", "mistral-small-latest"), LlmAuth.ApiKey("mistral", "m-test")),
        ["bedrock with static keys"] = new(
            new LlmModel("bedrock", "anthropic.claude-3-haiku-20240307-v1:0") { AwsRegion = "us-east-1" }, LlmAuth.AwsKeys("AKIATEST", "secret")),
        ["bedrock with the pod identity"] = new(
            new LlmModel("bedrock", "anthropic.claude-3-haiku-20240307-v1:0") { AwsRegion = "eu-west-1" }, LlmAuth.None),
        ["openai with a vault reference"] = new(new LlmModel("openai", "gpt-4o"), LlmAuth.Header("Authorization", "{vault://env/openai-auth}")),
    };

    [Theory]
    [MemberData(nameof(ProxyConfigs))]
    public void Ai_proxy_configs_match_kongs_schema(string name, string version)
    {
        var config = ProxyCases[name].ToJson();

        Assert.Empty(KongPluginFieldContract.Load($"ai-proxy-{version}.tsv").Check(config));
        Assert.Empty(AiProxyEntityChecks.Check(config));
    }

    [Fact]
    public void The_stand_in_route_is_an_openai_chat_route_to_the_stand_in_url()
    {
        var config = ProxyCases["openai via the stand-in"].ToJson();

        Assert.Equal(
            """{"route_type":"llm/v1/chat","max_request_body_size":1048576,"model":{"provider":"openai","name":"gpt-4o-mini","options":{"upstream_url":"http://llm-stand-in:8080/v1/chat/completions","max_tokens":4096}},"logging":{"log_statistics":true,"log_payloads":false},"auth":{"header_name":"Authorization","header_value":"Bearer stand-in"}}""",
            config.ToJsonString());
    }

    [Fact]
    public void Each_provider_gets_the_options_kong_requires_for_it()
    {
        Assert.Equal("2023-06-01", ProxyCases["anthropic"].ToJson()["model"]!["options"]!["anthropic_version"]!.GetValue<string>());
        Assert.Equal("x-api-key", ProxyCases["anthropic"].ToJson()["auth"]!["header_name"]!.GetValue<string>());
        Assert.Equal("openai", ProxyCases["mistral"].ToJson()["model"]!["options"]!["mistral_format"]!.GetValue<string>());
        Assert.Equal("us-east-1", ProxyCases["bedrock with static keys"].ToJson()["model"]!["options"]!["bedrock"]!["aws_region"]!.GetValue<string>());
        Assert.Null(ProxyCases["bedrock with the pod identity"].ToJson()["auth"]);
    }

    [Fact]
    public void Ai_rate_limiting_config_matches_kongs_schema()
    {
        var config = new AiRateLimitingPluginConfig(
            "openai", [new AiTokenLimit(10_000, TimeSpan.FromMinutes(1)), new AiTokenLimit(200_000, TimeSpan.FromHours(1))])
        {
            CountStrategy = AiTokenCountStrategy.CompletionTokens,
        }.ToJson();

        Assert.Empty(KongPluginFieldContract.Load("ai-rate-limiting-advanced-3.10.tsv").Check(config));
        Assert.Equal(
            """{"llm_providers":[{"name":"openai","limit":[10000,200000],"window_size":[60,3600]}],"strategy":"local","window_type":"sliding","tokens_count_strategy":"completion_tokens"}""",
            config.ToJsonString());
    }

    [Theory]
    [InlineData(VectorDistanceMetric.Cosine, null, false)]
    [InlineData(VectorDistanceMetric.Euclidean, "{vault://env/redis-password}", true)]
    public void Ai_semantic_cache_config_matches_kongs_schema(VectorDistanceMetric metric, string? password, bool ssl)
    {
        var config = new AiSemanticCachePluginConfig(
            new LlmModel("openai", "text-embedding-3-small") { UpstreamUrl = new Uri("http://llm-stand-in:8080/v1/embeddings") },
            LlmAuth.ApiKey("openai", "stand-in"),
            new RedisVectorDatabase("redis-stack", 6379) { Password = password, Ssl = ssl })
        {
            DistanceMetric = metric,
            Dimensions = 256,
            Threshold = 0.2,
            CacheTtl = TimeSpan.FromMinutes(10),
        }.ToJson();

        Assert.Empty(KongPluginFieldContract.Load("ai-semantic-cache-3.10.tsv").Check(config));
        Assert.Equal(600, config["cache_ttl"]!.GetValue<long>());
        Assert.Equal("redis", config["vectordb"]!["strategy"]!.GetValue<string>());
    }

    [Fact]
    public void Bedrock_embeddings_for_the_semantic_cache_match_kongs_schema()
    {
        var config = new AiSemanticCachePluginConfig(
            new LlmModel("bedrock", "amazon.titan-embed-text-v2:0") { AwsRegion = "us-east-1" },
            LlmAuth.None,
            new RedisVectorDatabase("cache.example.internal", 6380))
        {
            Dimensions = 1024,
        }.ToJson();

        Assert.Empty(KongPluginFieldContract.Load("ai-semantic-cache-3.10.tsv").Check(config));
    }

    [Fact]
    public void Every_secret_the_model_writes_is_a_field_kong_resolves_vault_references_for()
    {
        var proxy = KongPluginFieldContract.Load("ai-proxy-3.9.tsv");
        var cache = KongPluginFieldContract.Load("ai-semantic-cache-3.10.tsv");

        Assert.All(LlmAuth.SecretFieldNames, field => Assert.True(proxy.IsReferenceable($"config.auth.{field}"), field));
        Assert.All(LlmAuth.SecretFieldNames, field => Assert.True(cache.IsReferenceable($"config.embeddings.auth.{field}"), field));
        Assert.True(cache.IsReferenceable("config.vectordb.redis.password"));
    }

    [Fact]
    public void The_contract_check_reports_unknown_fields_wrong_types_bad_values_and_missing_required()
    {
        var config = JsonNode.Parse(
            """{"route_type":"llm/v2/chat","model":{"name":7,"options":{"temperature":9}},"logging":{"log_statistics":"yes"},"extra":1}""")!.AsObject();

        var problems = KongPluginFieldContract.Load("ai-proxy-3.9.tsv").Check(config);

        Assert.Equal(
            [
                "config.route_type: 'llm/v2/chat' is not one of llm/v1/chat|llm/v1/completions|preserve",
                "config.model.name: expected string, got Number (7)",
                "config.model.options.temperature: 9 is above 5",
                "config.model.provider: required by ai-proxy-3.9.tsv but missing",
                "config.logging.log_statistics: expected boolean, got String (\"yes\")",
                "config.extra: unknown field in ai-proxy-3.9.tsv",
            ],
            problems);
    }

    [Fact]
    public void The_entity_checks_report_what_kong_would()
    {
        var config = JsonNode.Parse("""{"route_type":"llm/v1/chat","model":{"provider":"anthropic","name":"c"},"auth":{"header_name":"x-api-key"}}""")!.AsObject();

        Assert.Equal(
            ["auth.header_name, auth.header_value must be set together", "must set model.options.anthropic_version for anthropic provider"],
            AiProxyEntityChecks.Check(config));
    }
}
