using KonnectAspire.Konnect.Gateway.Ai;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// An LLM route recorded on a control plane: a path on the data planes served by Kong's <c>ai-proxy</c> plugin, either
/// for <see cref="Model"/> at its provider (with the credential parameters), or by the local LLM stand-in.
/// </summary>
public sealed class KongLlmRouteAnnotation : IResourceAnnotation
{
    /// <summary>The route (and Kong service) name.</summary>
    public required string Name { get; init; }

    /// <summary>The path prefix the route matches.</summary>
    public required string Path { get; init; }

    /// <summary>The model the route is for, at its provider.</summary>
    public required LlmModel Model { get; init; }

    /// <summary>
    /// The HTTP endpoint of the LLM stand-in when it serves the route; null when requests go to <see cref="Model"/>'s
    /// provider.
    /// </summary>
    public EndpointReference? StandIn { get; init; }

    /// <summary>The secret parameter holding the provider's API key (OpenAI, Anthropic, Mistral).</summary>
    public ParameterResource? ApiKey { get; init; }

    /// <summary>The secret parameter holding a static AWS access key id (Bedrock, local runs only).</summary>
    public ParameterResource? AwsAccessKeyId { get; init; }

    /// <summary>The secret parameter holding a static AWS secret access key (Bedrock, local runs only).</summary>
    public ParameterResource? AwsSecretAccessKey { get; init; }

    /// <summary>The largest request body (bytes) the route takes: ai-proxy's <c>max_request_body_size</c>, 1 MiB by default.</summary>
    public int MaxRequestBodySize { get; init; } = AiProxyPluginConfig.DefaultMaxRequestBodySize;

    /// <summary>
    /// The provider whose chat API Kong speaks on the route: the model's, also when the stand-in serves it (the stand-in
    /// answers each provider's own API, so Kong's driver for that provider runs locally too).
    /// </summary>
    public string EffectiveProvider => Model.Provider;

    /// <summary>The provider whose embeddings API the semantic cache calls: the model's, or OpenAI's shape at the stand-in.</summary>
    public string EmbeddingsProvider => StandIn is null ? Model.Provider : LlmProviders.OpenAI;
}
