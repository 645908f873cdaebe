using System.Text.Json.Nodes;

namespace KonnectAspire.Konnect.Gateway.Ai;

/// <summary>A model at an LLM provider, as Kong's AI plugins address it (their <c>model</c> record).</summary>
public sealed record LlmModel
{
    /// <summary>The Anthropic API version Kong sends when none is given; Kong requires one for Anthropic.</summary>
    public const string DefaultAnthropicVersion = "2023-06-01";

    /// <summary>
    /// The answer length a request gets when it names none: Kong 3.9's ai-proxy otherwise fills in its own default of
    /// 256 tokens (<c>model.options.max_tokens</c>), which cuts ordinary answers short. 4096 fits the output limit of the
    /// common chat models (GPT-4o, Claude 3 and later, Mistral); set <see cref="MaxTokens"/> lower for a model with less
    /// (Meta Llama on Bedrock takes at most 2048).
    /// </summary>
    public const int DefaultMaxTokens = 4096;

    /// <summary>Creates a model reference, checking the provider and that a model name is given.</summary>
    /// <param name="provider">One of <see cref="LlmProviders.All"/>, in any case.</param>
    /// <param name="name">The provider's model name, e.g. <c>gpt-4o-mini</c> or <c>anthropic.claude-3-haiku-20240307-v1:0</c>.</param>
    /// <exception cref="ArgumentException">Unknown provider or missing model name.</exception>
    public LlmModel(string provider, string name)
    {
        Provider = LlmProviders.Validate(provider);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException(
                $"The {Provider} model needs a model name (for example {ExampleModel(Provider)}).", nameof(name));
        }

        Name = name.Trim();
    }

    /// <summary>The provider, in Kong's spelling.</summary>
    public string Provider { get; }

    /// <summary>The provider's model name.</summary>
    public string Name { get; }

    /// <summary>
    /// The full URL of the operation endpoint when it is not the provider's public API, e.g. the local LLM stand-in's
    /// <c>http://host:port/v1/chat/completions</c>. Must be absolute http or https.
    /// </summary>
    public Uri? UpstreamUrl { get; init; }

    /// <summary>The AWS region of a Bedrock model (required for <see cref="LlmProviders.Bedrock"/>).</summary>
    public string? AwsRegion { get; init; }

    /// <summary>The Anthropic API version (Anthropic only).</summary>
    public string AnthropicVersion { get; init; } = DefaultAnthropicVersion;

    /// <summary>
    /// The most tokens an answer may have when the request names no <c>max_tokens</c> (ai-proxy's
    /// <c>model.options.max_tokens</c>; a request's own value wins). Default <see cref="DefaultMaxTokens"/>.
    /// </summary>
    public int MaxTokens { get; init; } = DefaultMaxTokens;

    /// <summary>The <c>model</c> record of the <c>ai-proxy</c> plugin.</summary>
    /// <returns>provider, name and the options this provider needs.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MaxTokens"/> is below 1.</exception>
    public JsonObject ToAiProxyJson()
    {
        if (MaxTokens < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTokens), MaxTokens, $"The answer length of model '{Name}' must be at least 1 token; leave it out for {DefaultMaxTokens}.");
        }

        var options = CommonOptions();
        options["max_tokens"] = MaxTokens;
        switch (Provider)
        {
            case LlmProviders.Anthropic:
                options["anthropic_version"] = AnthropicVersion;
                break;
            case LlmProviders.Mistral:
                // Kong requires a format for Mistral; "openai" is Mistral's own chat API shape.
                options["mistral_format"] = "openai";
                break;
        }

        return Json(options);
    }

    /// <summary>The <c>embeddings.model</c> record of the <c>ai-semantic-cache</c> plugin.</summary>
    /// <returns>provider, name and options.</returns>
    /// <exception cref="ArgumentException">The provider has no embeddings API Kong can call (Anthropic).</exception>
    public JsonObject ToEmbeddingsJson()
    {
        if (Provider == LlmProviders.Anthropic)
        {
            throw new ArgumentException(
                $"Anthropic has no embeddings API, so '{Name}' cannot embed for the semantic cache: use an openai, mistral or bedrock embeddings model.");
        }

        return Json(CommonOptions());
    }

    private JsonObject CommonOptions()
    {
        var options = new JsonObject();
        if (UpstreamUrl is not null)
        {
            if (!UpstreamUrl.IsAbsoluteUri || (UpstreamUrl.Scheme != Uri.UriSchemeHttp && UpstreamUrl.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException(
                    $"The upstream URL of model '{Name}' must be an absolute http or https URL, not '{UpstreamUrl}'.");
            }

            options["upstream_url"] = UpstreamUrl.AbsoluteUri;
        }

        if (Provider == LlmProviders.Bedrock)
        {
            if (string.IsNullOrWhiteSpace(AwsRegion))
            {
                throw new ArgumentException(
                    $"Bedrock model '{Name}' needs an AWS region (for example us-east-1): set {nameof(AwsRegion)}.");
            }

            options["bedrock"] = new JsonObject { ["aws_region"] = AwsRegion };
        }

        return options;
    }

    private JsonObject Json(JsonObject options)
    {
        var model = new JsonObject { ["provider"] = Provider, ["name"] = Name };
        if (options.Count > 0)
        {
            model["options"] = options;
        }

        return model;
    }

    private static string ExampleModel(string provider) => provider switch
    {
        LlmProviders.OpenAI => "'gpt-4o-mini'",
        LlmProviders.Anthropic => "'claude-3-5-haiku-latest'",
        LlmProviders.Mistral => "'mistral-small-latest'",
        _ => "'anthropic.claude-3-haiku-20240307-v1:0'",
    };
}
