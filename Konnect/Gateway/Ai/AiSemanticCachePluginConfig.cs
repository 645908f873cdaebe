using System.Text.Json.Nodes;

namespace KonnectAspire.Konnect.Gateway.Ai;

/// <summary>
/// The config of Kong's <c>ai-semantic-cache</c> plugin (Kong Enterprise only): Kong embeds each chat request with
/// <see cref="EmbeddingsModel"/>, looks for a stored request within <see cref="Threshold"/> in
/// <see cref="VectorDatabase"/>, and answers from the cache when it finds one.
/// </summary>
public sealed record AiSemanticCachePluginConfig
{
    /// <summary>The plugin name.</summary>
    public const string PluginName = "ai-semantic-cache";

    /// <summary>The size of OpenAI's text-embedding-3-small vectors, and the stand-in's default.</summary>
    public const int DefaultDimensions = 1536;

    /// <summary>Creates the config, checking each part is present.</summary>
    /// <param name="embeddingsModel">The model that embeds requests.</param>
    /// <param name="embeddingsAuth">The credential for the embeddings model.</param>
    /// <param name="vectorDatabase">Where vectors are stored; required.</param>
    /// <exception cref="ArgumentNullException">A part is missing; the message names the fix.</exception>
    public AiSemanticCachePluginConfig(LlmModel embeddingsModel, LlmAuth embeddingsAuth, RedisVectorDatabase vectorDatabase)
    {
        EmbeddingsModel = embeddingsModel
            ?? throw new ArgumentNullException(nameof(embeddingsModel), "A semantic cache needs an embeddings model, e.g. new LlmModel(\"openai\", \"text-embedding-3-small\").");
        EmbeddingsAuth = embeddingsAuth
            ?? throw new ArgumentNullException(nameof(embeddingsAuth), "A semantic cache needs the embeddings model's credential (LlmAuth).");
        VectorDatabase = vectorDatabase
            ?? throw new ArgumentNullException(nameof(vectorDatabase), "A semantic cache needs a vector database: give it a Redis Stack (RedisVectorDatabase) to store the vectors in.");
    }

    /// <summary>The model that embeds requests.</summary>
    public LlmModel EmbeddingsModel { get; }

    /// <summary>The credential for the embeddings model.</summary>
    public LlmAuth EmbeddingsAuth { get; }

    /// <summary>Where vectors are stored.</summary>
    public RedisVectorDatabase VectorDatabase { get; }

    /// <summary>The size of the embeddings model's vectors; must match the model.</summary>
    public int Dimensions { get; init; } = DefaultDimensions;

    /// <summary>How distances are measured.</summary>
    public VectorDistanceMetric DistanceMetric { get; init; } = VectorDistanceMetric.Cosine;

    /// <summary>The largest distance at which a stored request counts as the same question (Kong's threshold).</summary>
    public double Threshold { get; init; } = 0.1;

    /// <summary>How long a cached answer is served; whole seconds, at least one.</summary>
    public TimeSpan CacheTtl { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The plugin's <c>config</c> object (Kong Enterprise 3.10 schema).</summary>
    /// <returns>A new JSON object.</returns>
    /// <exception cref="ArgumentException">A value Kong would refuse.</exception>
    public JsonObject ToJson()
    {
        if (Dimensions < 1)
        {
            throw new ArgumentException($"The semantic cache's vector dimensions must be at least 1, not {Dimensions}; use the embeddings model's size (1536 for text-embedding-3-small).");
        }

        if (Threshold < 0 || double.IsNaN(Threshold))
        {
            throw new ArgumentException($"The semantic cache's distance threshold must be 0 or more, not {Threshold}.");
        }

        if (CacheTtl < TimeSpan.FromSeconds(1) || CacheTtl.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException($"The semantic cache's TTL is whole seconds, at least one, not {CacheTtl}.");
        }

        EmbeddingsAuth.EnsureFits(EmbeddingsModel.Provider, EmbeddingsModel.Name);
        var embeddings = new JsonObject { ["model"] = EmbeddingsModel.ToEmbeddingsJson() };
        if (EmbeddingsAuth.ToJson() is { } auth)
        {
            embeddings["auth"] = auth;
        }

        return new JsonObject
        {
            ["embeddings"] = embeddings,
            ["vectordb"] = new JsonObject
            {
                ["strategy"] = "redis",
                ["dimensions"] = Dimensions,
                ["distance_metric"] = DistanceMetric == VectorDistanceMetric.Euclidean ? "euclidean" : "cosine",
                ["threshold"] = Threshold,
                ["redis"] = VectorDatabase.ToJson(),
            },
            ["cache_ttl"] = (long)CacheTtl.TotalSeconds,
        };
    }
}
