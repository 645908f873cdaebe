using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Gateway;

namespace KonnectAspire.Konnect.Sync;

/// <summary>
/// Where the gateway-config sync writes Kong entities: the Admin API of a Kong control plane, or the core
/// entities of a Konnect control plane. Entities are addressed by a stable id that the sync derives from
/// their name, so an upsert by id is idempotent on both targets.
/// </summary>
public interface IGatewayEntityStore
{
    /// <summary>Lists the entities of a kind that carry <paramref name="tag"/>, as Kong returns them.</summary>
    Task<IReadOnlyList<JsonObject>> ListTaggedAsync(GatewayEntityKind kind, string tag, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the entity with this id.</summary>
    Task PutAsync(GatewayEntityKind kind, Guid id, JsonObject entity, CancellationToken cancellationToken);

    /// <summary>Deletes the entity with this id; an entity already gone is not an error.</summary>
    Task DeleteAsync(GatewayEntityKind kind, Guid id, CancellationToken cancellationToken);
}
