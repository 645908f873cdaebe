namespace KonnectAspire.Konnect.Api;

/// <summary>A data-plane client certificate pinned on a control plane.</summary>
public sealed record KonnectDataPlaneCertificate
{
    /// <summary>The id of the pinned certificate.</summary>
    public required string Id { get; init; }

    /// <summary>The certificate, PEM.</summary>
    public required string Cert { get; init; }

    /// <summary>The title given when it was pinned, if any.</summary>
    public string? Title { get; init; }

    /// <summary>When it was pinned (Unix seconds).</summary>
    public long? CreatedAt { get; init; }

    /// <summary>When it last changed (Unix seconds).</summary>
    public long? UpdatedAt { get; init; }
}
