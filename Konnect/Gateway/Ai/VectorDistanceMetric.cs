namespace KonnectAspire.Konnect.Gateway.Ai;

/// <summary>How the semantic cache measures how far apart two embeddings are.</summary>
public enum VectorDistanceMetric
{
    /// <summary>Cosine distance (1 - cosine similarity): 0 for the same direction.</summary>
    Cosine,

    /// <summary>Euclidean distance.</summary>
    Euclidean,
}
