using Aspire.Hosting.Testing;

namespace KonnectAspire.Hosting.Tests.Kubernetes;

public sealed class AiGatewayPublishTests
{
    private const string ApiKeyValue = "sk-live-never-in-manifests";

    private static Task<IReadOnlyList<(string Name, string Content)>> PublishAsync(EksDataPlaneFlavor flavor) =>
        PublishOutputs.PublishAsync(
            builder =>
            {
                var controlPlane = builder.AddKongControlPlane("kong");
                builder.AddKongDataPlane("kong-dp", controlPlane, instances: 2);
                controlPlane.WithLlmRoute("/llm", "openai", "gpt-4o-mini", apiKey: builder.AddParameter("openai-api-key", secret: true));
                builder.AddEksEnvironment("eks").WithDataPlaneFlavor(flavor);
            },
            $"Parameters:openai-api-key={ApiKeyValue}");

    [Fact]
    public void Published_the_provider_key_is_no_parameter_of_the_model_so_Aspire_never_saves_it()
    {
        using var builder = DistributedApplicationTestingBuilder.Create(["AppHost:Operation=publish", $"Parameters:openai-api-key={ApiKeyValue}"]);
        var controlPlane = builder.AddKongControlPlane("kong");

        controlPlane.WithLlmRoute("/llm", "openai", "gpt-4o-mini", apiKey: builder.AddParameter("openai-api-key", secret: true));

        Assert.DoesNotContain(builder.Resources, resource => resource is ParameterResource);
    }

    [Theory]
    [InlineData(EksDataPlaneFlavor.KongOperator)]
    [InlineData(EksDataPlaneFlavor.Plain)]
    public async Task No_credential_value_appears_in_any_published_file(EksDataPlaneFlavor flavor)
    {
        var files = await PublishAsync(flavor);

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.DoesNotContain(ApiKeyValue, file.Content, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_kong_operator_plugin_takes_the_key_from_the_ai_credentials_secret()
    {
        var gateway = (await PublishAsync(EksDataPlaneFlavor.KongOperator)).Single(file => file.Name == "gateway-kong.yaml").Content;

        var plugin = gateway.Split("---").Single(document => document.Contains("kind: KongPlugin", StringComparison.Ordinal) && document.Contains("plugin: ai-proxy", StringComparison.Ordinal));
        Assert.Contains("header_name: Authorization", plugin, StringComparison.Ordinal);
        Assert.DoesNotContain("header_value:", plugin, StringComparison.Ordinal);
        Assert.Contains("configPatches:", plugin, StringComparison.Ordinal);
        Assert.Contains("path: /auth/header_value", plugin, StringComparison.Ordinal);
        Assert.Contains("name: kong-ai-credentials", plugin, StringComparison.Ordinal);
        Assert.Contains("key: ai-llm-auth", plugin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plain_flavour_refers_to_the_key_through_kongs_env_vault_filled_from_the_secret()
    {
        var files = await PublishAsync(EksDataPlaneFlavor.Plain);

        Assert.Contains("header_value: '{vault://env/ai-llm-auth}'", files.Single(file => file.Name == "kong.yaml").Content, StringComparison.Ordinal);
        var dataPlane = files.Single(file => file.Name == "data-plane-kong-dp.yaml").Content;
        Assert.Contains("name: AI_LLM_AUTH", dataPlane, StringComparison.Ordinal);
        Assert.Contains("name: kong-ai-credentials", dataPlane, StringComparison.Ordinal);
        Assert.Contains("key: ai-llm-auth", dataPlane, StringComparison.Ordinal);
    }
}
