using KonnectAspire.Konnect.Gateway;

namespace KonnectAspire.Konnect.Sync;

/// <summary>
/// Brings a <see cref="IGatewayEntityStore"/> to a desired <see cref="GatewayConfiguration"/>: upserts by stable id,
/// tags every entity it owns with <paramref name="ownerTag"/>, deletes stale entities carrying that tag, and leaves
/// entities without it alone.
/// </summary>
/// <param name="store">Where the entities live.</param>
/// <param name="ownerTag">The tag that marks the entities this sync owns.</param>
public sealed class GatewayConfigSynchronizer(IGatewayEntityStore store, string ownerTag)
{
    /// <summary>Makes the store hold <paramref name="desired"/> and reports what changed.</summary>
    public Task<GatewaySyncResult> SyncAsync(GatewayConfiguration desired, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(desired);
        _ = store;
        _ = ownerTag;
        throw new NotImplementedException("gateway-sync helper implements this");
    }
}
