namespace KonnectAspire.Konnect.Sync;

/// <summary>What one sync changed, entity by entity ("service orders", "route orders", ...).</summary>
public sealed record GatewaySyncResult
{
    /// <summary>Entities created.</summary>
    public IReadOnlyList<string> Created { get; init; } = [];

    /// <summary>Entities replaced because they differed.</summary>
    public IReadOnlyList<string> Updated { get; init; } = [];

    /// <summary>Stale owned entities deleted.</summary>
    public IReadOnlyList<string> Deleted { get; init; } = [];

    /// <summary>Entities already as desired.</summary>
    public IReadOnlyList<string> Unchanged { get; init; } = [];

    /// <summary>Whether the sync changed anything.</summary>
    public bool HasChanges => Created.Count + Updated.Count + Deleted.Count > 0;
}
