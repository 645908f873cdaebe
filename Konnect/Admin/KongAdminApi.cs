using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Http;
using KonnectAspire.Konnect.Sync;

namespace KonnectAspire.Konnect.Admin;

/// <summary>
/// The Kong Admin API of a control plane (or a traditional-mode node) for a <see cref="KongEntityApiStore"/>: requests
/// go through <paramref name="http"/> as it is configured (admin token header, timeout), and a refusal becomes a
/// <see cref="KongAdminApiException"/> naming the entity and quoting Kong.
/// </summary>
/// <param name="http">A client whose BaseAddress is the Admin API root, e.g. http://localhost:8001/; a path prefix is kept.</param>
public sealed class KongAdminApi(HttpClient http) : IKongEntityApi
{
    private const int MaxQuotedCharacters = 500;

    // An error answer is quoted in part only; its start is all that is read.
    private const int MaxErrorBytes = 64 * 1024;

    // Far above a page of 1000 entities.
    private const int MaxAnswerBytes = 64 * 1024 * 1024;

    private readonly HttpClient _http = http ?? throw new ArgumentNullException(nameof(http));

    /// <inheritdoc />
    public Uri Root
    {
        get
        {
            var root = _http.BaseAddress?.ToString()
                ?? throw new InvalidOperationException("The HttpClient given to KongAdminApi needs a BaseAddress: the Admin API root, e.g. http://localhost:8001/.");
            return new Uri(root.EndsWith('/') ? root : root + "/");
        }
    }

    /// <inheritdoc />
    public async Task<HttpResponseMessage> SendAsync(KongEntityCall call, string relativePath, HttpContent? content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentException.ThrowIfNullOrEmpty(relativePath);

        // Relative to the Admin API root, so a root with a path prefix (http://host/admin/) keeps its prefix.
        using var request = new HttpRequestMessage(call.Method, new Uri(Root, relativePath.TrimStart('/'))) { Content = content };
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        try
        {
            // The body within the client's timeout and a size bound, where ResponseContentRead would buffer up to 2 GB.
            await BoundedHttpContent.BufferAsync(response, MaxAnswerBytes, _http.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            throw Unreadable(call, ex);
        }

        return response;
    }

    /// <inheritdoc />
    public async Task<Exception> RefusedAsync(KongEntityCall call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(response);
        var message = await KongMessageAsync(response, cancellationToken).ConfigureAwait(false);
        return call.IsListing
            ? KongAdminApiException.ForListing(call.Kind, call.Subject, response.StatusCode, message)
            : new KongAdminApiException(call.Kind, call.Subject, response.StatusCode, message);
    }

    /// <inheritdoc />
    public Exception Unreadable(KongEntityCall call, Exception error)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(error);
        return new InvalidOperationException(
            $"The Kong Admin API at {Root} answered '{call.Operation}' with something that is not Kong's JSON ({error.Message}); check that this address is the Admin API.", error);
    }

    private static async Task<string> KongMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await BoundedHttpContent.ReadStartAsync(response.Content, MaxErrorBytes, cancellationToken).ConfigureAwait(false);
        try
        {
            if (JsonNode.Parse(body)?["message"] is JsonValue message && message.GetValueKind() == JsonValueKind.String)
            {
                return message.GetValue<string>();
            }
        }
        catch (JsonException)
        {
            // Not Kong's JSON error body (a proxy in between, say): quote what came back instead.
        }

        var text = body.Trim();
        return text.Length == 0 ? response.ReasonPhrase ?? "no message" : text.Length > MaxQuotedCharacters ? text[..MaxQuotedCharacters] + "…" : text;
    }
}
