using KonnectAspire.Konnect.Gateway.Ai;

namespace KonnectAspire.Konnect.Tests.Ai;

public class AiPluginConfigErrorTests
{
    [Fact]
    public void An_unknown_provider_names_the_supported_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => new LlmModel("openia", "gpt-4o-mini"));

        Assert.StartsWith("Unknown LLM provider 'openia': use one of openai, anthropic, mistral, bedrock.", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_missing_model_name_is_refused_with_an_example(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new LlmModel("anthropic", name));

        Assert.StartsWith("The anthropic model needs a model name (for example 'claude-3-5-haiku-latest').", error.Message);
    }

    [Fact]
    public void A_semantic_cache_without_a_vector_database_is_refused()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new AiSemanticCachePluginConfig(
            new LlmModel("openai", "text-embedding-3-small"), LlmAuth.ApiKey("openai", "k"), null!));

        Assert.StartsWith("A semantic cache needs a vector database: give it a Redis Stack", error.Message);
    }

    [Fact]
    public void A_bedrock_route_with_a_static_key_cannot_be_published()
    {
        var route = new AiProxyPluginConfig(
            new LlmModel("bedrock", "anthropic.claude-3-haiku-20240307-v1:0") { AwsRegion = "us-east-1" },
            LlmAuth.AwsKeys("AKIAEXAMPLE", "wJalrXUtnFEMI"));

        var error = Assert.Throws<InvalidOperationException>(route.EnsurePublishable);

        Assert.StartsWith("Bedrock model 'anthropic.claude-3-haiku-20240307-v1:0' has a static AWS access key, which is for local runs only", error.Message);
        Assert.Contains("pod identity", error.Message);
        Assert.DoesNotContain("AKIAEXAMPLE", error.Message);
        Assert.DoesNotContain("wJalrXUtnFEMI", error.Message);
    }

    [Fact]
    public void A_bedrock_route_with_the_pod_identity_can_be_published()
        => new AiProxyPluginConfig(new LlmModel("bedrock", "m") { AwsRegion = "us-east-1" }, LlmAuth.None).EnsurePublishable();

    [Fact]
    public void A_bedrock_model_without_a_region_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new AiProxyPluginConfig(new LlmModel("bedrock", "m"), LlmAuth.None).ToJson());

        Assert.StartsWith("Bedrock model 'm' needs an AWS region (for example us-east-1)", error.Message);
    }

    [Fact]
    public void Bedrock_has_no_api_key()
    {
        var error = Assert.Throws<ArgumentException>(() => LlmAuth.ApiKey("bedrock", "k"));

        Assert.StartsWith("Bedrock has no API key: authenticate with LlmAuth.AwsKeys", error.Message);
    }

    [Theory]
    [InlineData("openai", "needs a credential")]
    [InlineData("mistral", "needs a credential")]
    public void A_hosted_provider_without_a_credential_is_refused(string provider, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new AiProxyPluginConfig(new LlmModel(provider, "m"), LlmAuth.None).ToJson());

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_credential_of_the_wrong_kind_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new AiProxyPluginConfig(new LlmModel("openai", "m"), LlmAuth.AwsKeys("a", "b")).ToJson());
        Assert.Throws<ArgumentException>(() =>
            new AiProxyPluginConfig(new LlmModel("bedrock", "m") { AwsRegion = "us-east-1" }, LlmAuth.Header("Authorization", "Bearer k")).ToJson());
    }

    [Fact]
    public void Anthropic_cannot_embed_for_the_semantic_cache()
    {
        var config = new AiSemanticCachePluginConfig(
            new LlmModel("anthropic", "claude-3-5-haiku-latest"), LlmAuth.ApiKey("anthropic", "k"), new RedisVectorDatabase("redis", 6379));

        var error = Assert.Throws<ArgumentException>(() => config.ToJson());

        Assert.StartsWith("Anthropic has no embeddings API", error.Message);
    }

    [Fact]
    public void A_relative_upstream_url_is_refused()
    {
        var model = new LlmModel("openai", "m") { UpstreamUrl = new Uri("/v1/chat/completions", UriKind.Relative) };

        var error = Assert.Throws<ArgumentException>(() => new AiProxyPluginConfig(model, LlmAuth.ApiKey("openai", "k")).ToJson());

        Assert.StartsWith("The upstream URL of model 'm' must be an absolute http or https URL", error.Message);
    }

    [Fact]
    public void Ai_rate_limiting_needs_a_limit_and_distinct_windows()
    {
        Assert.StartsWith(
            "AI rate limiting needs at least one token limit",
            Assert.Throws<ArgumentException>(() => new AiRateLimitingPluginConfig("openai", []).ToJson()).Message);
        Assert.StartsWith(
            "AI rate limiting has two limits for the same 60-second window",
            Assert.Throws<ArgumentException>(() => new AiRateLimitingPluginConfig(
                "openai", [new AiTokenLimit(1, TimeSpan.FromMinutes(1)), new AiTokenLimit(2, TimeSpan.FromSeconds(60))]).ToJson()).Message);
        Assert.StartsWith(
            "Unknown LLM provider 'gemini'",
            Assert.Throws<ArgumentException>(() => new AiRateLimitingPluginConfig("gemini", [new AiTokenLimit(1, TimeSpan.FromMinutes(1))]).ToJson()).Message);
    }

    [Theory]
    [InlineData(0, 60_000)]
    [InlineData(10, 500)]
    [InlineData(10, 1_500)]
    public void A_token_limit_is_a_positive_budget_per_whole_seconds(long tokens, int windowMilliseconds)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new AiTokenLimit(tokens, TimeSpan.FromMilliseconds(windowMilliseconds)));
}
