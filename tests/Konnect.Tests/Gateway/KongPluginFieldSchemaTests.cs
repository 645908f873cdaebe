using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Gateway;
using KonnectAspire.Konnect.Gateway.Ai;

namespace KonnectAspire.Konnect.Tests.Gateway;

/// <summary>The plugin schemas the product carries: what this project writes passes them, and what Kong would refuse does not.</summary>
public class KongPluginFieldSchemaTests
{
    private static IReadOnlyList<string> Check(string plugin, JsonObject config, bool openSourceOnly)
        => KongPluginFieldSchema.For(plugin)!.Check(new JsonObject { ["config"] = config.DeepClone() }, openSourceOnly);

    [Fact]
    public void The_ai_proxy_configs_this_project_writes_pass_open_source_kongs_schema()
    {
        JsonObject[] configs =
        [
            new AiProxyPluginConfig(new LlmModel("openai", "gpt-4o-mini") { UpstreamUrl = new("http://llm-stand-in:8080/v1/chat/completions") }, LlmAuth.ApiKey("openai", "stand-in")).ToJson(),
            new AiProxyPluginConfig(new LlmModel("anthropic", "claude-3-5-haiku-latest"), LlmAuth.ApiKey("anthropic", "{vault://env/anthropic-key}")).ToJson(),
            new AiProxyPluginConfig(new LlmModel("bedrock", "anthropic.claude-3-haiku-20240307-v1:0") { AwsRegion = "us-east-1" }, LlmAuth.AwsKeys("AKIATEST", "secret")).ToJson(),
            new AiProxyPluginConfig(new LlmModel("mistral", "mistral-small-latest"), LlmAuth.ApiKey("mistral", "m-test")).ToJson(),
        ];

        Assert.All(configs, config => Assert.Empty(Check("ai-proxy", config, openSourceOnly: true)));
    }

    [Fact]
    public void A_misspelt_or_mistyped_ai_proxy_field_is_named()
    {
        var config = new AiProxyPluginConfig(new LlmModel("openai", "gpt-4o-mini"), LlmAuth.ApiKey("openai", "sk-test")).ToJson();
        config["route_typ"] = "llm/v1/chat";
        config["model"]!["options"]!["max_tokens"] = "lots";

        var problems = Check("ai-proxy", config, openSourceOnly: true);

        Assert.Contains("config.route_typ: not a field of the plugin", problems);
        Assert.Contains(problems, p => p.StartsWith("config.model.options.max_tokens: expected integer", StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_that_came_with_kong_3_10_is_refused_on_open_source_3_9_and_taken_on_konnect()
    {
        var config = new AiProxyPluginConfig(new LlmModel("openai", "gpt-4o-mini"), LlmAuth.ApiKey("openai", "sk-test")).ToJson();
        config["llm_format"] = "openai";

        Assert.Contains("config.llm_format: not in open-source Kong 3.9.3", Check("ai-proxy", config, openSourceOnly: true));
        Assert.Empty(Check("ai-proxy", config, openSourceOnly: false));
    }

    [Fact]
    public void The_enterprise_ai_configs_pass_and_a_bad_array_item_is_named_by_its_path()
    {
        var limits = new AiRateLimitingPluginConfig("openai", [new AiTokenLimit(10_000, TimeSpan.FromMinutes(1))]).ToJson();
        Assert.Empty(Check("ai-rate-limiting-advanced", limits, openSourceOnly: false));

        limits["llm_providers"]![0]!["limit"] = "10000";
        limits["llm_providers"]![0]!["windows"] = new JsonArray(60);

        var problems = Check("ai-rate-limiting-advanced", limits, openSourceOnly: false);
        Assert.Contains(problems, p => p.StartsWith("config.llm_providers[].limit: expected an array of numbers", StringComparison.Ordinal));
        Assert.Contains("config.llm_providers[].windows: not a field of the plugin", problems);
    }

    [Fact]
    public void Numbers_built_in_csharp_are_checked_like_parsed_ones()
    {
        var config = new JsonObject { ["traces_endpoint"] = "http://collector:4318/v1/traces", ["sampling_rate"] = 1, ["queue"] = new JsonObject { ["max_batch_size"] = 200L } };

        Assert.Empty(Check("opentelemetry", config, openSourceOnly: true));
        config["sampling_rate"] = 2;
        Assert.Contains("config.sampling_rate: 2 is outside 0..1", Check("opentelemetry", config, openSourceOnly: true));
    }
}
