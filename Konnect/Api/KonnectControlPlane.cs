namespace KonnectAspire.Konnect.Api;

/// <summary>A Konnect control plane as the Control Planes v2 API returns it.</summary>
public sealed record KonnectControlPlane
{
    /// <summary>The control plane id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The control plane name, unique in the organization.</summary>
    public required string Name { get; init; }

    /// <summary>The description, possibly empty.</summary>
    public string? Description { get; init; }

    /// <summary>Labels (key/value).</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Where its data planes connect, and how they authenticate.</summary>
    public KonnectControlPlaneConfig Config { get; init; } = new();

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
