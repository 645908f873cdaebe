using KonnectAspire.Konnect.Gateway;
using KonnectAspire.Konnect.Gateway.Ai;

namespace KonnectAspire.Konnect.Tests.Ai;

public class SecretRedactionTests
{
    [Fact]
    public void A_semantic_cache_config_prints_its_redis_without_the_password()
    {
        var config = new AiSemanticCachePluginConfig(
            new LlmModel("openai", "text-embedding-3-small"),
            LlmAuth.ApiKey("openai", "sk-embed-secret"),
            new RedisVectorDatabase("redis", 6379) { Password = "redis-secret" });

        var text = config.ToString();

        Assert.Contains("redis redis:6379, password ***", text, StringComparison.Ordinal);
        Assert.DoesNotContain("redis-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-embed-secret", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_prints_its_config_keys_but_not_their_values()
    {
        var plugin = new GatewayPlugin
        {
            Name = AiProxyPluginConfig.PluginName,
            Route = "chat",
            Config = new AiProxyPluginConfig(new LlmModel("openai", "gpt-4o-mini"), LlmAuth.ApiKey("openai", "sk-proxy-secret")).ToJson(),
        };

        var text = plugin.ToString();

        Assert.Contains("Config = [route_type, max_request_body_size, model, logging, auth]", text, StringComparison.Ordinal);
        Assert.Contains("Route = chat", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-proxy-secret", text, StringComparison.Ordinal);
    }
}
