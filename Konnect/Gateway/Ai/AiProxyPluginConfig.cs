using System.Text.Json.Nodes;

namespace KonnectAspire.Konnect.Gateway.Ai;

/// <summary>
/// The config of Kong's <c>ai-proxy</c> plugin for an OpenAI-style chat route (route_type <c>llm/v1/chat</c>):
/// clients send OpenAI chat completions to the route, and Kong translates them for <see cref="Model"/>'s provider.
/// ai-proxy ships with open-source Kong 3.9 and with Kong Enterprise.
/// </summary>
/// <param name="Model">The model requests go to.</param>
/// <param name="Auth">The provider credential Kong adds.</param>
/// <remarks>
/// <code>
/// var config = new AiProxyPluginConfig(new LlmModel("openai", "gpt-4o-mini"), LlmAuth.ApiKey("openai", key)).ToJson();
/// </code>
/// </remarks>
public sealed record AiProxyPluginConfig(LlmModel Model, LlmAuth Auth)
{
    /// <summary>The plugin name.</summary>
    public const string PluginName = "ai-proxy";

    /// <summary>The route type: OpenAI's chat completions format in and out.</summary>
    public const string ChatRouteType = "llm/v1/chat";

    /// <summary>
    /// Whether Kong records token usage and model in its logs and traces (on by default: AI analytics and the
    /// dashboard's spans show what each call cost).
    /// </summary>
    public bool LogStatistics { get; init; } = true;

    /// <summary>The body limit this project sets on LLM routes: 1 MiB, room for long prompts and conversations.</summary>
    public const int DefaultMaxRequestBodySize = 1024 * 1024;

    /// <summary>Kong 3.9's own default of <c>max_request_body_size</c> (8 KiB), which refuses prompts of about 11 KB.</summary>
    public const int KongDefaultMaxRequestBodySize = 8192;

    /// <summary>
    /// The largest request body (bytes) ai-proxy reads (<c>config.max_request_body_size</c>); the data planes' client
    /// body buffer must be at least as large, or a body beyond it is buffered to a file that ai-proxy cannot read.
    /// </summary>
    public int MaxRequestBodySize { get; init; } = DefaultMaxRequestBodySize;

    /// <summary>Whether Kong logs request and response bodies (off by default: prompts may hold personal data).</summary>
    public bool LogPayloads { get; init; }

    /// <summary>
    /// Checks the route can be published: a Bedrock route there runs on EKS with the pod's AWS identity, so a
    /// static AWS key (fine for a local run) is refused rather than copied into the cluster.
    /// </summary>
    /// <exception cref="InvalidOperationException">A Bedrock route with a static AWS key.</exception>
    public void EnsurePublishable()
    {
        if (Model.Provider == LlmProviders.Bedrock && Auth.IsStaticAwsKey)
        {
            throw new InvalidOperationException(
                $"Bedrock model '{Model.Name}' has a static AWS access key, which is for local runs only: published to EKS, the data planes use the pod identity. " +
                "Give the data plane's service account an IAM role with bedrock:InvokeModel (EKS Pod Identity or IRSA) and leave the AWS keys out when publishing.");
        }
    }

    /// <summary>The plugin's <c>config</c> object, valid for Kong 3.9 (open source) and 3.10 (Enterprise).</summary>
    /// <returns>A new JSON object.</returns>
    /// <exception cref="ArgumentException">The model or credential is incomplete, or the credential does not fit the provider.</exception>
    public JsonObject ToJson()
    {
        ArgumentNullException.ThrowIfNull(Model);
        ArgumentNullException.ThrowIfNull(Auth);
        Auth.EnsureFits(Model.Provider, Model.Name);
        if (MaxRequestBodySize < 1)
            throw new ArgumentException($"MaxRequestBodySize is {MaxRequestBodySize}; use the largest request in bytes, at least 1 (the default is {DefaultMaxRequestBodySize}).");
        var config = new JsonObject
        {
            ["route_type"] = ChatRouteType,
            ["max_request_body_size"] = MaxRequestBodySize,
            ["model"] = Model.ToAiProxyJson(),
            ["logging"] = new JsonObject { ["log_statistics"] = LogStatistics, ["log_payloads"] = LogPayloads },
        };
        if (Auth.ToJson() is { } auth)
        {
            config["auth"] = auth;
        }

        return config;
    }
}
