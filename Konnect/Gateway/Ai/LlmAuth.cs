using System.Text.Json.Nodes;

namespace KonnectAspire.Konnect.Gateway.Ai;

/// <summary>
/// How Kong authenticates to an LLM provider (the <c>auth</c> record of its AI plugins). Values may be the secret
/// itself (a local run, synced straight to the control plane) or a Kong vault reference such as
/// <c>{vault://env/openai-auth}</c> (published output); a reference must be the whole value.
/// </summary>
public sealed class LlmAuth
{
    private readonly Dictionary<string, string> _fields;

    private LlmAuth(AuthKind kind, Dictionary<string, string> fields)
    {
        Kind = kind;
        _fields = fields;
    }

    private enum AuthKind
    {
        None,
        Header,
        QueryParameter,
        AwsKeys,
    }

    /// <summary>The auth fields whose values are secrets: never inline in published output.</summary>
    public static IReadOnlyList<string> SecretFieldNames { get; } = ["header_value", "param_value", "aws_access_key_id", "aws_secret_access_key"];

    /// <summary>
    /// No credential in the plugin: Bedrock then uses the data plane's own AWS identity (the pod identity on EKS,
    /// or the AWS_* environment); other providers need one of the other kinds.
    /// </summary>
    public static LlmAuth None { get; } = new(AuthKind.None, []);

    /// <summary>Whether this is a static AWS access key (refused for published Bedrock routes: use the pod identity).</summary>
    public bool IsStaticAwsKey => Kind == AuthKind.AwsKeys;

    /// <summary>Whether this carries no credential.</summary>
    public bool IsNone => Kind == AuthKind.None;

    /// <summary>The auth fields by Kong name, e.g. header_name and header_value.</summary>
    public IReadOnlyDictionary<string, string> Fields => _fields;

    private AuthKind Kind { get; }

    /// <summary>A header Kong adds to every upstream request, e.g. <c>Authorization: Bearer sk-...</c>.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The full header value, or a vault reference to it.</param>
    /// <returns>The auth.</returns>
    public static LlmAuth Header(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return new(AuthKind.Header, new() { ["header_name"] = name, ["header_value"] = value });
    }

    /// <summary>A query-string parameter Kong adds to every upstream request.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value, or a vault reference to it.</param>
    /// <returns>The auth.</returns>
    public static LlmAuth QueryParameter(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return new(AuthKind.QueryParameter, new() { ["param_name"] = name, ["param_value"] = value, ["param_location"] = "query" });
    }

    /// <summary>A static AWS access key for Bedrock, for local runs; published routes use the pod identity instead.</summary>
    /// <param name="accessKeyId">AWS_ACCESS_KEY_ID, or a vault reference.</param>
    /// <param name="secretAccessKey">AWS_SECRET_ACCESS_KEY, or a vault reference.</param>
    /// <returns>The auth.</returns>
    public static LlmAuth AwsKeys(string accessKeyId, string secretAccessKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretAccessKey);
        return new(AuthKind.AwsKeys, new() { ["aws_access_key_id"] = accessKeyId, ["aws_secret_access_key"] = secretAccessKey });
    }

    /// <summary>
    /// The header each provider documents for an API key: <c>Authorization: Bearer {key}</c> for OpenAI and Mistral,
    /// <c>x-api-key: {key}</c> for Anthropic. Bedrock has no API key: use <see cref="AwsKeys"/> or <see cref="None"/>.
    /// </summary>
    /// <param name="provider">One of <see cref="LlmProviders.All"/>.</param>
    /// <param name="apiKey">The API key (not a vault reference: the header value is built around it).</param>
    /// <returns>The auth.</returns>
    public static LlmAuth ApiKey(string provider, string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        return Header(ApiKeyHeaderName(provider), ApiKeyHeaderValue(provider, apiKey));
    }

    /// <summary>The header that carries <paramref name="provider"/>'s API key.</summary>
    /// <param name="provider">OpenAI, Anthropic or Mistral.</param>
    /// <returns><c>Authorization</c> or <c>x-api-key</c>.</returns>
    /// <exception cref="ArgumentException">Bedrock, which has no API key, or an unknown provider.</exception>
    public static string ApiKeyHeaderName(string provider) => LlmProviders.Validate(provider) switch
    {
        LlmProviders.Anthropic => "x-api-key",
        LlmProviders.Bedrock => throw new ArgumentException(
            "Bedrock has no API key: authenticate with LlmAuth.AwsKeys(accessKeyId, secretAccessKey) locally, or LlmAuth.None to use the pod identity on EKS.",
            nameof(provider)),
        _ => "Authorization",
    };

    /// <summary>The full header value for <paramref name="apiKey"/>: <c>Bearer {key}</c>, or the key itself for Anthropic.</summary>
    /// <param name="provider">OpenAI, Anthropic or Mistral.</param>
    /// <param name="apiKey">The API key.</param>
    /// <returns>The header value.</returns>
    public static string ApiKeyHeaderValue(string provider, string apiKey)
        => ApiKeyHeaderName(provider) == "Authorization" ? $"Bearer {apiKey}" : apiKey;

    /// <summary>Checks that this kind of credential is one <paramref name="provider"/> accepts.</summary>
    /// <param name="provider">The provider of the model the credential is for.</param>
    /// <param name="modelName">The model, for the message.</param>
    /// <exception cref="ArgumentException">The credential does not fit the provider.</exception>
    public void EnsureFits(string provider, string modelName)
    {
        if (provider == LlmProviders.Bedrock && Kind is AuthKind.Header or AuthKind.QueryParameter)
        {
            throw new ArgumentException(
                $"Bedrock model '{modelName}' authenticates with AWS credentials, not an API key header: use LlmAuth.AwsKeys locally or LlmAuth.None (the pod identity).");
        }

        if (provider != LlmProviders.Bedrock && Kind is AuthKind.AwsKeys)
        {
            throw new ArgumentException($"{provider} model '{modelName}' takes an API key, not AWS keys: use LlmAuth.ApiKey or LlmAuth.Header.");
        }

        if (provider != LlmProviders.Bedrock && Kind is AuthKind.None)
        {
            throw new ArgumentException(
                $"{provider} model '{modelName}' needs a credential: give its API key (LlmAuth.ApiKey), or point the model at the local LLM stand-in.");
        }
    }

    /// <summary>The <c>auth</c> record, or null when there is nothing to send.</summary>
    /// <returns>The JSON record.</returns>
    public JsonObject? ToJson()
        => _fields.Count == 0 ? null : new JsonObject(_fields.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value)));
}
