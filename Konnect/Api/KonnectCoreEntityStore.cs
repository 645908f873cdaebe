using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Gateway;
using KonnectAspire.Konnect.Sync;

namespace KonnectAspire.Konnect.Api;

/// <summary>
/// The core entities of one Konnect control plane as a gateway entity store, so the one gateway-config sync engine
/// writes to Konnect as it writes to a local control plane's Admin API.
/// </summary>
/// <param name="client">The Konnect client.</param>
/// <param name="controlPlaneId">The control plane whose core entities are synced.</param>
public sealed class KonnectCoreEntityStore(KonnectClient client, Guid controlPlaneId) : IGatewayEntityStore
{
    /// <summary>The control plane whose core entities this store holds.</summary>
    public Guid ControlPlaneId { get; } = controlPlaneId;

    /// <inheritdoc />
    public async Task<IReadOnlyList<JsonObject>> ListTaggedAsync(GatewayEntityKind kind, string tag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        var listed = await client.ListCoreEntitiesAsync(ControlPlaneId, kind, tag, cancellationToken).ConfigureAwait(false);

        // The tags filter is Konnect's; checking again means an entity without the tag can never be taken as owned and deleted.
        return listed.Where(entity => KongEntityJson.HasTag(entity, tag)).ToList();
    }

    /// <inheritdoc />
    public Task PutAsync(GatewayEntityKind kind, Guid id, JsonObject entity, CancellationToken cancellationToken)
        => client.UpsertCoreEntityAsync(ControlPlaneId, kind, id, entity, cancellationToken);

    /// <inheritdoc />
    public Task DeleteAsync(GatewayEntityKind kind, Guid id, CancellationToken cancellationToken)
        => client.DeleteCoreEntityAsync(ControlPlaneId, kind, id, cancellationToken);
}
