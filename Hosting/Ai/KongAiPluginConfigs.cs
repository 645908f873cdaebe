using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using KonnectAspire.Konnect.Gateway.Ai;

namespace Aspire.Hosting.Kong.Ai;

/// <summary>
/// Computes the AI plugin configs of the routes recorded with <c>WithLlmRoute</c>, late: locally with the credential
/// values and the addresses the data plane containers reach; published with vault references, never a value.
/// </summary>
internal static class KongAiPluginConfigs
{
    /// <summary>The bearer key Kong sends to the stand-in, which takes any key unless it is configured with one.</summary>
    public const string StandInApiKey = "konnectaspire-stand-in";

    public const string ChatCompletionsPath = "/v1/chat/completions";

    public const string EmbeddingsPath = "/v1/embeddings";

    /// <summary>Anthropic's Messages API, as the stand-in serves it.</summary>
    public const string AnthropicMessagesPath = "/v1/messages";

    public static async ValueTask<AiProxyPluginConfig> AiProxyAsync(KongLlmRouteAnnotation route, KongPluginConfigContext context, CancellationToken cancellationToken)
    {
        var (model, auth) = await TargetAsync(route, route.Model.Provider, route.Model.Name, StandInChatPath(route.Model), context, cancellationToken).ConfigureAwait(false);
        var config = new AiProxyPluginConfig(model, auth) { MaxRequestBodySize = route.MaxRequestBodySize };

        // The stand-in's fixed Bedrock key is no credential; a real static AWS key never leaves a local run.
        if (context.ExecutionContext.IsPublishMode && route.StandIn is null)
        {
            config.EnsurePublishable();
        }

        return config;
    }

    public static AiRateLimitingPluginConfig RateLimiting(KongLlmRouteAnnotation route, IReadOnlyList<AiTokenLimit> limits)
        => new(route.EffectiveProvider, limits);

    public static async ValueTask<AiSemanticCachePluginConfig> SemanticCacheAsync(
        KongLlmRouteAnnotation route,
        RedisResource vectorDatabase,
        string embeddingsModel,
        int dimensions,
        KongPluginConfigContext context,
        CancellationToken cancellationToken)
    {
        var (model, auth) = await TargetAsync(route, route.EmbeddingsProvider, embeddingsModel, EmbeddingsPath, context, cancellationToken).ConfigureAwait(false);
        var redis = await RedisAsync(vectorDatabase, context, cancellationToken).ConfigureAwait(false);
        return new AiSemanticCachePluginConfig(model, auth, redis) { Dimensions = dimensions };
    }

    /// <summary>
    /// Where the stand-in serves each provider's chat API as Kong's driver calls it: OpenAI and Mistral (Kong's
    /// "openai" Mistral format) chat completions, Anthropic Messages, Bedrock Converse.
    /// </summary>
    public static string StandInChatPath(LlmModel model) => model.Provider switch
    {
        LlmProviders.Anthropic => AnthropicMessagesPath,
        LlmProviders.Bedrock => $"/model/{Uri.EscapeDataString(model.Name)}/converse",
        _ => ChatCompletionsPath,
    };

    // The model and credential Kong uses for the route: the stand-in at its container-network address, speaking the
    // provider's own API, or the provider.
    private static async Task<(LlmModel Model, LlmAuth Auth)> TargetAsync(
        KongLlmRouteAnnotation route,
        string provider,
        string modelName,
        string standInPath,
        KongPluginConfigContext context,
        CancellationToken cancellationToken)
    {
        var providerModel = new LlmModel(provider, modelName) { AwsRegion = route.Model.AwsRegion, AnthropicVersion = route.Model.AnthropicVersion, MaxTokens = route.Model.MaxTokens };
        if (route.StandIn is { } standIn)
        {
            // The stand-in is the upstream of the route's Kong service, so its address is the one that service gets.
            var address = context.UpstreamAddress?.Invoke(standIn)
                ?? new Uri(await AddressAsync(standIn, EndpointProperty.Url, context, cancellationToken).ConfigureAwait(false));
            var auth = provider == LlmProviders.Bedrock
                ? LlmAuth.AwsKeys(StandInApiKey, StandInApiKey)   // Kong signs with them; the stand-in takes any signature
                : LlmAuth.ApiKey(provider, StandInApiKey);
            return (providerModel with { UpstreamUrl = new Uri(address, standInPath) }, auth);
        }

        return (providerModel, await AuthAsync(route, context, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<LlmAuth> AuthAsync(KongLlmRouteAnnotation route, KongPluginConfigContext context, CancellationToken cancellationToken)
    {
        var provider = route.Model.Provider;
        if (route.ApiKey is { } apiKey)
        {
            return context.ExecutionContext.IsPublishMode
                ? LlmAuth.Header(LlmAuth.ApiKeyHeaderName(provider), KongAiSecrets.VaultReference(KongAiSecrets.ApiKeySecretName(route.Name)))
                : LlmAuth.ApiKey(provider, await ValueOf(apiKey, cancellationToken).ConfigureAwait(false));
        }

        if (route is { AwsAccessKeyId: { } keyId, AwsSecretAccessKey: { } secretKey })
        {
            // Publishing refuses static keys (AiProxyPluginConfig.EnsurePublishable); no vault reference is made for them.
            return LlmAuth.AwsKeys(
                await ValueOf(keyId, cancellationToken).ConfigureAwait(false),
                await ValueOf(secretKey, cancellationToken).ConfigureAwait(false));
        }

        return LlmAuth.None;
    }

    private static async Task<RedisVectorDatabase> RedisAsync(RedisResource redis, KongPluginConfigContext context, CancellationToken cancellationToken)
    {
        if (context.ExecutionContext.IsPublishMode)
        {
            // A connection setting: the Redis the user modelled, at the address it is published under.
            var address = context.UpstreamAddress?.Invoke(redis.PrimaryEndpoint);
            return new RedisVectorDatabase(address?.Host ?? redis.Name, address?.Port ?? KongAiSecrets.RedisPort)
            {
                Password = redis.PasswordParameter is null ? null : KongAiSecrets.VaultReference(KongAiSecrets.RedisPasswordSecretName(redis.Name)),
            };
        }

        var host = await AddressAsync(redis.PrimaryEndpoint, EndpointProperty.Host, context, cancellationToken).ConfigureAwait(false);
        var port = await AddressAsync(redis.PrimaryEndpoint, EndpointProperty.Port, context, cancellationToken).ConfigureAwait(false);
        return new RedisVectorDatabase(host, int.Parse(port, CultureInfo.InvariantCulture))
        {
            Password = redis.PasswordParameter is { } password ? await ValueOf(password, cancellationToken).ConfigureAwait(false) : null,
        };
    }

    // The data planes are containers: they reach another resource in the container network, never as localhost.
    private static async Task<string> AddressAsync(EndpointReference endpoint, EndpointProperty property, KongPluginConfigContext context, CancellationToken cancellationToken)
    {
        return await KongContainerNetwork.ResolveAsync(endpoint.Property(property), context.ExecutionContext, cancellationToken).ConfigureAwait(false)
            ?? throw new DistributedApplicationException(
                $"Endpoint '{endpoint.EndpointName}' of '{endpoint.Resource.Name}' has no address the Kong data planes can reach; is '{endpoint.Resource.Name}' running?");
    }

    private static async Task<string> ValueOf(ParameterResource parameter, CancellationToken cancellationToken)
    {
        var value = await parameter.GetValueAsync(cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(value)
            ? throw new DistributedApplicationException($"Parameter '{parameter.Name}' has no value; set {ParameterConfigurationKey.For(parameter.Name)} (user secrets or environment).")
            : value;
    }
}
