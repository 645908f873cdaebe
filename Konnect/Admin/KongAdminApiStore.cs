using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Sync;

namespace KonnectAspire.Konnect.Admin;

/// <summary>The Kong Admin API of a control plane (or a traditional-mode node) as a gateway entity store.</summary>
/// <param name="http">A client whose BaseAddress is the Admin API root, e.g. http://localhost:8001/.</param>
public sealed class KongAdminApiStore(HttpClient http) : IGatewayEntityStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<JsonObject>> ListTaggedAsync(GatewayEntityKind kind, string tag, CancellationToken cancellationToken)
        => throw new NotImplementedException(http.BaseAddress?.ToString());

    /// <inheritdoc />
    public Task PutAsync(GatewayEntityKind kind, Guid id, JsonObject entity, CancellationToken cancellationToken)
        => throw new NotImplementedException();

    /// <inheritdoc />
    public Task DeleteAsync(GatewayEntityKind kind, Guid id, CancellationToken cancellationToken)
        => throw new NotImplementedException();
}
