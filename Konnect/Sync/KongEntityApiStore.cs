using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Gateway;
using KonnectAspire.Konnect.Http;

namespace KonnectAspire.Konnect.Sync;

/// <summary>
/// A Kong-style entity API as a gateway entity store: the Kong Admin API of a control plane, or the core entities of a
/// Konnect control plane, which differ only in where they are, how requests are authenticated, and how their failures
/// read (<see cref="IKongEntityApi"/>).
/// </summary>
/// <remarks>
/// Uses <c>GET /&lt;kind&gt;?size=1000&amp;tags=</c> (following Kong's <c>offset</c>, or <c>next</c> when a page carries
/// none, and ending at a page already returned; an entity listed twice is kept once), <c>PUT /&lt;kind&gt;/{id}</c> and <c>DELETE /&lt;kind&gt;/{id}</c>. A listing keeps only entities that carry the
/// tag, whatever the server's filter did, so an entity without it is never taken as owned and deleted.
/// <code>
/// var store = new KongEntityApiStore(new KongAdminApi(http));        // a local control plane
/// var store = konnectClient.EntityStore(controlPlaneId);             // a Konnect control plane
/// </code>
/// </remarks>
/// <param name="api">Where the entities are and how requests reach them.</param>
public sealed class KongEntityApiStore(IKongEntityApi api) : IGatewayEntityStore
{
    // Kong's largest page: fewer round trips for big configurations.
    private const int PageSize = 1000;

    // 100 000 entities of a kind is far past any gateway config this project writes; a server that keeps inventing
    // offsets ends here instead of never.
    private const int MaxPages = 100;

    // A page of 1000 plugins with large configs stays well under this; an answer past it is not a Kong page.
    private const int MaxAnswerBytes = 64 * 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    private readonly IKongEntityApi _api = api ?? throw new ArgumentNullException(nameof(api));

    /// <summary>Where the entity collections are.</summary>
    public Uri Root => _api.Root;

    /// <inheritdoc />
    public async Task<IReadOnlyList<JsonObject>> ListTaggedAsync(GatewayEntityKind kind, string tag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        var call = new KongEntityCall(kind, HttpMethod.Get, tag);
        var first = $"{kind.CollectionName()}?size={PageSize.ToString(CultureInfo.InvariantCulture)}&tags={Uri.EscapeDataString(tag)}";
        var entities = new List<JsonObject>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var requested = new HashSet<string>(StringComparer.Ordinal);

        // A server that hands out a page it already returned has nothing new to follow (a mock server always does).
        for (var next = first; next is not null && requested.Add(next);)
        {
            if (requested.Count > MaxPages)
            {
                throw new InvalidOperationException(
                    $"The listing of {kind.CollectionName()} tagged '{tag}' went past {MaxPages} pages of {PageSize} with new offsets each time; check what answers at {Root}.");
            }

            var page = await SendAsync(call, next, null, cancellationToken).ConfigureAwait(false)
                ?? throw _api.Unreadable(call, new JsonException("the answer has no body"));
            var tagged = page["data"] is JsonArray data ? data.OfType<JsonObject>().Where(entity => KongEntityJson.HasTag(entity, tag)) : [];
            entities.AddRange(tagged.Where(entity => KongEntityJson.Text(entity["id"]) is not { } id || ids.Add(id)));
            next = NextPage(first, page);
        }

        return entities;
    }

    /// <inheritdoc />
    public async Task PutAsync(GatewayEntityKind kind, Guid id, JsonObject entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var name = KongEntityJson.Text(entity["name"]) ?? Id(id);
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(entity));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await SendAsync(new KongEntityCall(kind, HttpMethod.Put, name), $"{kind.CollectionName()}/{Id(id)}", content, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(GatewayEntityKind kind, Guid id, CancellationToken cancellationToken)
    {
        var call = new KongEntityCall(kind, HttpMethod.Delete, Id(id));
        using var response = await _api.SendAsync(call, $"{kind.CollectionName()}/{Id(id)}", null, cancellationToken).ConfigureAwait(false);

        // Already gone is what a delete wants.
        if (response.StatusCode != HttpStatusCode.NotFound && !response.IsSuccessStatusCode)
        {
            throw await _api.RefusedAsync(call, response, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<JsonObject?> SendAsync(KongEntityCall call, string relativePath, HttpContent? content, CancellationToken cancellationToken)
    {
        using var response = await _api.SendAsync(call, relativePath, content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await _api.RefusedAsync(call, response, cancellationToken).ConfigureAwait(false);
        }

        byte[] body;
        try
        {
            body = await BoundedHttpContent.ReadAsync(response.Content, MaxAnswerBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            throw _api.Unreadable(call, ex);
        }

        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body, documentOptions: DocumentOptions) as JsonObject
                ?? throw new JsonException("the answer is not a JSON object");
        }
        catch (JsonException ex)
        {
            throw _api.Unreadable(call, ex);
        }
    }

    // Kong's `next` is "/services?offset=<offset>&tags=<tag, unescaped>" and drops `size`, so the next page is built
    // from the `offset` it reports; `next` is followed as given only when a page has no `offset`.
    private static string? NextPage(string first, JsonObject page)
    {
        if (KongEntityJson.Text(page["offset"]) is string offset)
        {
            return $"{first}&offset={Uri.EscapeDataString(offset)}";
        }

        if (KongEntityJson.Text(page["next"]) is not string next)
        {
            return null;
        }

        return Uri.TryCreate(next, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? absolute.PathAndQuery
            : next;
    }

    private static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
}
