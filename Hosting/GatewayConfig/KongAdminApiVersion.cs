using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Http;

namespace Aspire.Hosting.Kong.GatewayConfig;

/// <summary>Reads the version a running Kong reports at the root of its Admin API (<c>GET /</c>, field <c>version</c>).</summary>
internal static class KongAdminApiVersion
{
    // The version only decorates the dashboard; it must not hold up a sync result that is ready to show.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>The reported version, or null when the Admin API does not say (the dashboard then keeps the image tag).</summary>
    /// <param name="http">A client whose BaseAddress is the Admin API root.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    public static async Task<string?> ReadAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await http.GetAsync(new Uri("./", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            // Kong's GET / is a few KiB; a megabyte bounds anything else that answers there.
            var root = JsonNode.Parse(await BoundedHttpContent.ReadAsync(response.Content, 1024 * 1024, timeout.Token).ConfigureAwait(false));
            return root?["version"] is JsonValue version && version.GetValueKind() == JsonValueKind.String && version.GetValue<string>() is { Length: > 0 } text
                ? text
                : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or NotSupportedException or InvalidOperationException or InvalidDataException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }
}
