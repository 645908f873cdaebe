using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Gateway;
using KonnectAspire.Konnect.Sync;

namespace KonnectAspire.Konnect.Admin;

/// <summary>The Kong Admin API of a control plane (or a traditional-mode node) as a gateway entity store.</summary>
/// <remarks>
/// Uses <c>GET /&lt;kind&gt;?tags=</c> (following <c>next</c> pages), <c>PUT /&lt;kind&gt;/{id}</c> and
/// <c>DELETE /&lt;kind&gt;/{id}</c> for services, routes and plugins. A refused request becomes a
/// <see cref="KongAdminApiException"/> naming the entity and quoting Kong.
/// </remarks>
/// <param name="http">A client whose BaseAddress is the Admin API root, e.g. http://localhost:8001/.</param>
public sealed class KongAdminApiStore(HttpClient http) : IGatewayEntityStore
{
    // Kong's largest page; fewer round trips for big configurations.
    private const int PageSize = 1000;

    private readonly HttpClient _http = http ?? throw new ArgumentNullException(nameof(http));

    /// <inheritdoc />
    public async Task<IReadOnlyList<JsonObject>> ListTaggedAsync(GatewayEntityKind kind, string tag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        var entities = new List<JsonObject>();
        var first = $"{kind.CollectionName()}?size={PageSize}&tags={Uri.EscapeDataString(tag)}";
        var requested = new HashSet<string>(StringComparer.Ordinal);
        for (var next = first; next is not null;)
        {
            // A server that hands out the same page again would otherwise keep this loop going for ever.
            if (!requested.Add(next))
                throw new InvalidOperationException($"The Kong Admin API sent the listing of {kind.CollectionName()} tagged '{tag}' back to a page it had already returned ({next}); check what answers at {_http.BaseAddress}.");

            using var response = await _http.GetAsync(Resolve(next), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw KongAdminApiException.ForListing(kind, tag, response.StatusCode, await KongMessageAsync(response, cancellationToken).ConfigureAwait(false));
            var page = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The Kong Admin API answered GET {kind.CollectionName()} with an empty body.");
            entities.AddRange(page["data"]?.AsArray().OfType<JsonObject>() ?? []);
            next = NextPage(first, page);
        }

        return entities;
    }

    /// <inheritdoc />
    public async Task PutAsync(GatewayEntityKind kind, Guid id, JsonObject entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var response = await _http.PutAsJsonAsync(Resolve($"{kind.CollectionName()}/{id}"), entity, cancellationToken).ConfigureAwait(false);
        await ThrowIfRefusedAsync(response, kind, NameOf(entity, id), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(GatewayEntityKind kind, Guid id, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(Resolve($"{kind.CollectionName()}/{id}"), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return;
        await ThrowIfRefusedAsync(response, kind, id.ToString(), cancellationToken).ConfigureAwait(false);
    }

    // Relative to the Admin API root, so a root with a path prefix (http://host/admin/) keeps its prefix.
    private Uri Resolve(string relative)
    {
        var root = _http.BaseAddress ?? throw new InvalidOperationException("The HttpClient given to KongAdminApiStore needs a BaseAddress: the Admin API root, e.g. http://localhost:8001/.");
        var rootText = root.ToString();
        return new Uri(new Uri(rootText.EndsWith('/') ? rootText : rootText + "/"), relative.TrimStart('/'));
    }

    // Kong's `next` is "/services?offset=<offset>&tags=<tag, unescaped>" and drops `size`, so the next page is built
    // from the `offset` it reports; `next` is followed as given only when a page has no `offset`.
    private static string? NextPage(string first, JsonObject page)
    {
        if (KongEntityJson.Text(page["offset"]) is string offset)
            return $"{first}&offset={Uri.EscapeDataString(offset)}";
        if (KongEntityJson.Text(page["next"]) is not string next)
            return null;
        return Uri.TryCreate(next, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? absolute.PathAndQuery
            : next;
    }

    private static string NameOf(JsonObject entity, Guid id)
        => entity["name"]?.GetValue<string>() ?? id.ToString();

    private static async Task ThrowIfRefusedAsync(HttpResponseMessage response, GatewayEntityKind kind, string name, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
            throw new KongAdminApiException(kind, name, response.StatusCode, await KongMessageAsync(response, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<string> KongMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (JsonNode.Parse(body)?["message"] is JsonValue message && message.GetValueKind() == JsonValueKind.String)
                return message.GetValue<string>();
        }
        catch (JsonException)
        {
            // Not Kong's JSON error body (a proxy in between, say): quote what came back instead.
        }

        var text = body.Trim();
        return text.Length == 0 ? response.ReasonPhrase ?? "no message" : text.Length > 500 ? text[..500] + "…" : text;
    }
}
