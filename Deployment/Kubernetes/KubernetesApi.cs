using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using KonnectAspire.Konnect.Http;
using KonnectAspire.Konnect.Kubernetes;
using k8s;
using k8s.Models;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// The generic verbs the Provisioner needs on any kind (discovery, server-side apply, get, list, delete, watch),
/// sent through the KubernetesClient's own HTTP pipeline and credentials (client certificates, tokens, exec plugins).
/// The generated typed operations cover one kind each and have no server-side apply with force; this class lets one
/// code path handle a Deployment and a DataPlane alike.
/// </summary>
public sealed class KubernetesApi : IDisposable
{
    private const string ApplyPatchContentType = "application/apply-patch+yaml";

    // A list of every object of a kind in a big cluster stays well under this; an error answer is quoted in part only.
    private const int MaxAnswerBytes = 64 * 1024 * 1024;
    private const int MaxErrorBytes = 64 * 1024;

    private readonly k8s.Kubernetes _client;
    private readonly Dictionary<string, V1APIResourceList?> _discovery = new(StringComparer.Ordinal);

    private readonly TimeSpan _requestTimeout;

    /// <param name="configuration">The cluster and credentials.</param>
    /// <param name="requestTimeout">How long one request may wait for its answer (a watch: for its headers).</param>
    public KubernetesApi(KubernetesClientConfiguration configuration, TimeSpan requestTimeout)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _client = new k8s.Kubernetes(configuration);
        // Answers are buffered (ResponseContentRead) within the request timeout; this bounds their size too.
        _client.HttpClient.MaxResponseContentBufferSize = MaxAnswerBytes;
        _requestTimeout = requestTimeout;
    }

    public Uri Server => _client.BaseUri;

    public async Task<VersionInfo> GetVersionAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "version", null, streaming: false, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<VersionInfo>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the cluster serves a group/version at all (e.g. metrics.k8s.io/v1beta1).</summary>
    public async Task<bool> ServesAsync(string apiVersion, CancellationToken cancellationToken) =>
        await GetResourceListAsync(apiVersion, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>Resolves a kind to its plural name and scope the way kubectl does: through discovery.</summary>
    public async Task<ApiResource?> FindResourceAsync(string apiVersion, string kind, CancellationToken cancellationToken)
    {
        var list = await GetResourceListAsync(apiVersion, cancellationToken).ConfigureAwait(false);
        var resource = list?.Resources?.FirstOrDefault(r => r.Kind == kind && !r.Name.Contains('/', StringComparison.Ordinal));
        if (resource is null)
        {
            return null;
        }

        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? new ApiResource("", apiVersion, kind, resource.Name, resource.Namespaced)
            : new ApiResource(apiVersion[..slash], apiVersion[(slash + 1)..], kind, resource.Name, resource.Namespaced);
    }

    /// <summary>Server-side apply: PATCH with application/apply-patch+yaml, our field manager, and force (we own what we publish).</summary>
    public async Task<JsonObject> ApplyAsync(ApiResource resource, string? @namespace, string name, JsonObject body, bool dryRun, CancellationToken cancellationToken)
    {
        var query = $"?fieldManager={Uri.EscapeDataString(KonnectKubernetesNames.FieldManager)}&force=true" + (dryRun ? "&dryRun=All" : "");
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(ApplyPatchContentType);
        using var response = await SendAsync(HttpMethod.Patch, resource.ObjectPath(@namespace, name) + query, content, streaming: false, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<JsonObject>(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<JsonObject?> GetAsync(ApiResource resource, string? @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await SendAsync(HttpMethod.Get, resource.ObjectPath(@namespace, name), null, streaming: false, cancellationToken).ConfigureAwait(false);
            return await ReadAsync<JsonObject>(response, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<ObjectList> ListAsync(ApiResource resource, string? @namespace, ObjectSelector selector, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, resource.CollectionPath(@namespace) + selector.ToQuery(), null, streaming: false, cancellationToken).ConfigureAwait(false);
        var list = await ReadAsync<JsonObject>(response, cancellationToken).ConfigureAwait(false);
        var items = list["items"] is JsonArray array ? array.OfType<JsonObject>().Select(i => (JsonObject)i.DeepClone()).ToList() : [];
        return new ObjectList(items, list["metadata"]?["resourceVersion"]?.GetValue<string>() ?? "");
    }

    /// <summary>Deletes an object (background propagation); false when it was already gone.</summary>
    public async Task<bool> DeleteAsync(ApiResource resource, string? @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await SendAsync(HttpMethod.Delete, resource.ObjectPath(@namespace, name) + "?propagationPolicy=Background", null, streaming: false, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (KubernetesApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>
    /// One watch request from <paramref name="resourceVersion"/>, read by the KubernetesClient's <see cref="Watcher{T}"/>;
    /// the server ends it after <paramref name="timeoutSeconds"/> and the caller lists and watches again.
    /// </summary>
    public async IAsyncEnumerable<(WatchEventType Type, JsonObject Object)> WatchAsync(
        ApiResource resource,
        string? @namespace,
        ObjectSelector selector,
        string resourceVersion,
        int timeoutSeconds,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = selector.ToQuery() + (selector.IsEmpty ? "?" : "&")
            + $"watch=true&allowWatchBookmarks=true&timeoutSeconds={timeoutSeconds}"
            + (resourceVersion.Length > 0 ? $"&resourceVersion={Uri.EscapeDataString(resourceVersion)}" : "");
        using var response = await SendAsync(HttpMethod.Get, resource.CollectionPath(@namespace) + query, null, streaming: true, cancellationToken).ConfigureAwait(false);
        var events = Channel.CreateUnbounded<(WatchEventType, JsonObject)>(new UnboundedChannelOptions { SingleReader = true });
        using var watcher = new Watcher<JsonObject>(
            async () => new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)),
            (type, item) => events.Writer.TryWrite((type, item)),
            error => events.Writer.TryComplete(cancellationToken.IsCancellationRequested ? null : error),
            () => events.Writer.TryComplete());
        await foreach (var item in events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task<V1APIResourceList?> GetResourceListAsync(string apiVersion, CancellationToken cancellationToken)
    {
        if (_discovery.TryGetValue(apiVersion, out var cached))
        {
            return cached;
        }

        var path = apiVersion.Contains('/', StringComparison.Ordinal) ? $"apis/{apiVersion}" : $"api/{apiVersion}";
        V1APIResourceList? list;
        try
        {
            using var response = await SendAsync(HttpMethod.Get, path, null, streaming: false, cancellationToken).ConfigureAwait(false);
            list = await ReadAsync<V1APIResourceList>(response, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.ServiceUnavailable)
        {
            // 503: an aggregated API (metrics-server) is registered but its backend is down — as good as absent.
            list = null;
        }

        _discovery[apiVersion] = list;
        return list;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relativeUri, HttpContent? content, bool streaming, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_client.BaseUri, relativeUri)) { Content = content };
        if (_client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var completion = streaming ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead;
        HttpResponseMessage response;
        using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            attempt.CancelAfter(_requestTimeout);
            try
            {
                response = await _client.HttpClient.SendAsync(request, completion, attempt.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                // Also HttpClient's own timeout: either way this request, not the verb's deadline, ran out.
                throw DeploymentException.Precondition(
                    $"The Kubernetes API at {Server} did not answer {method} {request.RequestUri?.AbsolutePath} within {Durations.Format(_requestTimeout)}. "
                    + "Check that the cluster is healthy, that this is the right context, and any proxy or VPN in between; then run again.",
                    e);
            }
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var text = await BoundedHttpContent.ReadStartAsync(response.Content, MaxErrorBytes, cancellationToken).ConfigureAwait(false);
            V1Status? status = null;
            try
            {
                status = text.Length > 0 ? KubernetesJson.Deserialize<V1Status>(text) : null;
            }
            catch (JsonException)
            {
                // Not a Status (a proxy or load balancer in between answered): the HTTP status says enough.
            }

            throw new KubernetesApiException(
                response.StatusCode,
                status?.Reason,
                status?.Message ?? $"{(int)response.StatusCode} {response.ReasonPhrase} from {method} {request.RequestUri?.AbsolutePath}");
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Already buffered within MaxAnswerBytes (the client's MaxResponseContentBufferSize).
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return KubernetesJson.Deserialize<T>(stream)
                ?? throw new KubernetesApiException(response.StatusCode, null, $"Empty answer from {response.RequestMessage?.RequestUri?.AbsolutePath}.");
        }
    }
}
