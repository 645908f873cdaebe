using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Gateway;

namespace KonnectAspire.Konnect.Sync;

/// <summary>
/// Brings a <see cref="IGatewayEntityStore"/> to a desired <see cref="GatewayConfiguration"/>: upserts by stable id,
/// tags every entity it owns with <paramref name="ownerTag"/>, deletes stale entities carrying that tag, and leaves
/// entities without it alone.
/// </summary>
/// <remarks>
/// Order: PUT services, routes, plugins (only those missing or different); then DELETE stale plugins, routes,
/// services. A second run with the same model sends no PUT or DELETE.
/// <code>
/// var sync = new GatewayConfigSynchronizer(new KongEntityApiStore(new KongAdminApi(http)), GatewayConfigSynchronizer.DefaultOwnerTag);
/// var result = await sync.SyncAsync(configuration, ct);   // result.Created: ["service orders", "route orders"]
/// </code>
/// </remarks>
/// <param name="store">Where the entities live.</param>
/// <param name="ownerTag">The tag that marks the entities this sync owns.</param>
public sealed class GatewayConfigSynchronizer(IGatewayEntityStore store, string ownerTag)
{
    /// <summary>
    /// The owner tag of this product: the AppHost (local Admin API and Konnect mode) and the Provisioner's
    /// <c>konnect sync</c> both tag what they manage with it, so each sees the other's entities as its own.
    /// </summary>
    public const string DefaultOwnerTag = "konnectaspire";

    private static readonly GatewayEntityKind[] CreationOrder =
        [GatewayEntityKind.Service, GatewayEntityKind.Route, GatewayEntityKind.Plugin];

    private readonly IGatewayEntityStore _store = store ?? throw new ArgumentNullException(nameof(store));
    private readonly string _ownerTag = CheckOwnerTag(ownerTag);

    /// <summary>Makes the store hold <paramref name="desired"/> and reports what changed.</summary>
    /// <param name="desired">The gateway configuration the store should hold.</param>
    /// <param name="cancellationToken">Stops the sync between requests.</param>
    /// <returns>Every entity created, updated, deleted or left unchanged, e.g. <c>"plugin rate-limiting (global)"</c>.</returns>
    /// <exception cref="GatewayConfigurationException">The model is invalid; nothing was sent.</exception>
    public async Task<GatewaySyncResult> SyncAsync(GatewayConfiguration desired, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var problems = GatewayConfigurationValidator.Validate(desired);
        if (problems.Count > 0)
            throw new GatewayConfigurationException(problems);

        var existing = new Dictionary<GatewayEntityKind, IReadOnlyList<JsonObject>>();
        foreach (var kind in CreationOrder)
            existing[kind] = await _store.ListTaggedAsync(kind, _ownerTag, cancellationToken).ConfigureAwait(false);

        var created = new List<string>();
        var updated = new List<string>();
        var unchanged = new List<string>();
        var wanted = new HashSet<Guid>();
        foreach (var entity in DesiredEntities(desired))
        {
            wanted.Add(entity.Id);
            var current = existing[entity.Kind].FirstOrDefault(candidate => IdOf(candidate) == entity.Id);
            if (current is not null && KongEntityComparison.Matches(entity.Body, current))
            {
                unchanged.Add(entity.Label);
                continue;
            }

            await _store.PutAsync(entity.Kind, entity.Id, entity.Body, cancellationToken).ConfigureAwait(false);
            (current is null ? created : updated).Add(entity.Label);
        }

        var names = KnownNames(desired, existing);
        var deleted = new List<string>();
        foreach (var kind in CreationOrder.Reverse())
        {
            foreach (var stale in existing[kind].Where(entity => IsOwned(entity) && IdOf(entity) is Guid id && !wanted.Contains(id)))
            {
                await _store.DeleteAsync(kind, IdOf(stale)!.Value, cancellationToken).ConfigureAwait(false);
                deleted.Add(LabelOf(kind, stale, names));
            }
        }

        return new GatewaySyncResult { Created = created, Updated = updated, Deleted = deleted, Unchanged = unchanged };
    }

    private IEnumerable<DesiredEntity> DesiredEntities(GatewayConfiguration desired)
    {
        foreach (var service in desired.Services)
            yield return Owned(GatewayEntityKind.Service, KongEntityJson.IdOf(service), $"service {service.Name}", KongEntityJson.ToKong(service));
        foreach (var route in desired.Routes)
            yield return Owned(GatewayEntityKind.Route, KongEntityJson.IdOf(route), $"route {route.Name}", KongEntityJson.ToKong(route));
        foreach (var plugin in desired.Plugins)
            yield return Owned(GatewayEntityKind.Plugin, KongEntityJson.IdOf(plugin), $"plugin {plugin.Name} ({KongEntityJson.ScopeOf(plugin)})", KongEntityJson.ToKong(plugin));
    }

    private DesiredEntity Owned(GatewayEntityKind kind, Guid id, string label, JsonObject body)
    {
        if (!KongEntityJson.HasTag(body, _ownerTag))
            body["tags"]!.AsArray().Add(_ownerTag);
        return new DesiredEntity(kind, id, label, body);
    }

    private bool IsOwned(JsonObject entity) => KongEntityJson.HasTag(entity, _ownerTag);

    private static Guid? IdOf(JsonObject entity)
        => entity["id"]?.GetValue<string>() is string id && Guid.TryParse(id, out var guid) ? guid : null;

    // Names of services and routes by id, so a stale plugin can be reported with its scope.
    private static Dictionary<Guid, string> KnownNames(GatewayConfiguration desired, Dictionary<GatewayEntityKind, IReadOnlyList<JsonObject>> existing)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var entity in existing[GatewayEntityKind.Service].Concat(existing[GatewayEntityKind.Route]))
        {
            if (IdOf(entity) is Guid id && entity["name"]?.GetValue<string>() is string name)
                names[id] = name;
        }

        foreach (var service in desired.Services)
            names[KongEntityJson.IdOf(service)] = service.Name;
        foreach (var route in desired.Routes)
            names[KongEntityJson.IdOf(route)] = route.Name;
        return names;
    }

    private static string LabelOf(GatewayEntityKind kind, JsonObject entity, Dictionary<Guid, string> names)
    {
        var name = entity["name"]?.GetValue<string>() ?? IdOf(entity)?.ToString() ?? "(unnamed)";
        if (kind != GatewayEntityKind.Plugin)
            return $"{kind.Word()} {name}";

        var scope = new GatewayPlugin
        {
            Name = name,
            Service = ReferencedName(entity["service"], names),
            Route = ReferencedName(entity["route"], names),
        };
        return $"plugin {name} ({KongEntityJson.ScopeOf(scope)})";
    }

    private static string? ReferencedName(JsonNode? reference, Dictionary<Guid, string> names)
    {
        if (reference?["id"]?.GetValue<string>() is not string id)
            return null;
        return Guid.TryParse(id, out var guid) && names.TryGetValue(guid, out var name) ? name : id;
    }

    private static string CheckOwnerTag(string ownerTag)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerTag);
        if (!GatewayConfigurationValidator.IsValidTag(ownerTag))
            throw new ArgumentException($"The owner tag '{ownerTag}' is not a valid Kong tag; use printable characters without ',' or '/', e.g. '{DefaultOwnerTag}'.", nameof(ownerTag));
        return ownerTag;
    }

    private sealed record DesiredEntity(GatewayEntityKind Kind, Guid Id, string Label, JsonObject Body);
}
