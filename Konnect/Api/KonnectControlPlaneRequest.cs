namespace KonnectAspire.Konnect.Api;

/// <summary>What <see cref="KonnectClient.CreateControlPlaneAsync"/> sends (<c>CreateControlPlaneRequest</c>).</summary>
public sealed record KonnectControlPlaneRequest
{
    /// <summary>The control plane name, 2 to 256 characters, unique in the organization.</summary>
    public required string Name { get; init; }

    /// <summary>An optional description (at most 2048 characters).</summary>
    public string? Description { get; init; }

    /// <summary>The cluster type; self-managed hybrid data planes use <c>CLUSTER_TYPE_CONTROL_PLANE</c>.</summary>
    public string ClusterType { get; init; } = "CLUSTER_TYPE_CONTROL_PLANE";

    /// <summary>How data planes authenticate; pinned client certificates (<c>pinned_client_certs</c>) by default.</summary>
    public string AuthType { get; init; } = "pinned_client_certs";

    /// <summary>Labels; each value 1 to 63 letters, digits, '-', '.' or '_', starting and ending with a letter or digit.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
