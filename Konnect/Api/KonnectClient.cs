using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using KonnectAspire.Konnect.Certificates;
using KonnectAspire.Konnect.Http;
using KonnectAspire.Konnect.Sync;
using Microsoft.Extensions.Http.Resilience;
using Polly.Timeout;

namespace KonnectAspire.Konnect.Api;

/// <summary>
/// A typed client for the Konnect Control Planes v2 API and its configuration API: control planes, pinned
/// data-plane client certificates and core entities (services, routes, plugins). Calls are retried on throttling
/// and transient failures; every failure surfaces as a <see cref="KonnectApiException"/> with a clear message.
/// </summary>
public sealed class KonnectClient : IDisposable
{
    // Far above any page of the Control Planes API, far below what would exhaust memory.
    private const int MaxAnswerBytes = 16 * 1024 * 1024;

    private readonly HttpClient _http;

    /// <summary>Creates a client that talks to Konnect over the network.</summary>
    /// <param name="options">Region or base URL, token, timeouts and retries.</param>
    public KonnectClient(KonnectClientOptions options)
        : this(options, new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
    }

    /// <summary>Creates a client whose requests go through <paramref name="primaryHandler"/>, which it then owns.</summary>
    /// <param name="options">Region or base URL, token, timeouts and retries.</param>
    /// <param name="primaryHandler">The handler that sends the requests (e.g. one that records them in tests).</param>
    public KonnectClient(KonnectClientOptions options, HttpMessageHandler primaryHandler)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Token);
        ArgumentNullException.ThrowIfNull(primaryHandler);
        Options = options;
        var resilience = new ResilienceHandler(KonnectResiliencePipeline.Create(options)) { InnerHandler = primaryHandler };
        _http = new HttpClient(resilience, disposeHandler: true)
        {
            BaseAddress = options.ResolveBaseAddress(),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token.Value);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("KonnectAspire", "1.0"));
    }

    /// <summary>The options this client was created with.</summary>
    public KonnectClientOptions Options { get; }

    /// <summary>The API root requests are sent to.</summary>
    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>Finds the control plane with exactly this name (<c>filter[name][eq]</c>), or null when there is none.</summary>
    /// <param name="name">The control plane name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<KonnectControlPlane?> FindControlPlaneByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var path = $"control-planes?{Query("filter[name][eq]", name)}&{Query("page[size]", "100")}";
        var list = await SendAsync(HttpMethod.Get, path, null, KonnectJsonContext.Default.KonnectControlPlaneList,
            new("find control plane", name), cancellationToken).ConfigureAwait(false);

        // The filter is exact on Konnect; checking again keeps a looser server (or a mock) from handing back another plane.
        return list?.Data?.FirstOrDefault(cp => string.Equals(cp.Name, name, StringComparison.Ordinal));
    }

    /// <summary>Creates a control plane; a name already taken fails with a 409 <see cref="KonnectApiException"/>.</summary>
    /// <param name="request">The name and settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<KonnectControlPlane> CreateControlPlaneAsync(KonnectControlPlaneRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Name);
        var body = Json(request, KonnectJsonContext.Default.KonnectControlPlaneRequest);
        return await SendAsync(HttpMethod.Post, "control-planes", body, KonnectJsonContext.Default.KonnectControlPlane,
            new("create control plane", request.Name), cancellationToken).ConfigureAwait(false)
            ?? throw EmptyAnswer("create control plane");
    }

    /// <summary>
    /// Finds the control plane named <c>request.Name</c> or creates it; when another caller creates it in between (409),
    /// uses theirs. <c>Created</c> says whether this call created it.
    /// </summary>
    /// <param name="request">The name, and the settings used if it has to be created.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<(KonnectControlPlane ControlPlane, bool Created)> FindOrCreateControlPlaneAsync(
        KonnectControlPlaneRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await FindControlPlaneByNameAsync(request.Name, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return (existing, false);
        }

        try
        {
            return (await CreateControlPlaneAsync(request, cancellationToken).ConfigureAwait(false), true);
        }
        catch (KonnectApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            var raced = await FindControlPlaneByNameAsync(request.Name, cancellationToken).ConfigureAwait(false);
            if (raced is null)
            {
                throw;
            }

            return (raced, false);
        }
    }

    /// <summary>Gets a control plane by id; one that is gone fails with a 404 <see cref="KonnectApiException"/>.</summary>
    /// <param name="controlPlaneId">The control plane id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<KonnectControlPlane> GetControlPlaneAsync(Guid controlPlaneId, CancellationToken cancellationToken = default)
        => await SendAsync(HttpMethod.Get, ControlPlanePath(controlPlaneId), null, KonnectJsonContext.Default.KonnectControlPlane,
            new("get control plane", Id(controlPlaneId)), cancellationToken).ConfigureAwait(false)
            ?? throw EmptyAnswer("get control plane");

    /// <summary>Deletes a control plane with everything on it; returns false when it was already gone.</summary>
    /// <param name="controlPlaneId">The control plane id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<bool> DeleteControlPlaneAsync(Guid controlPlaneId, CancellationToken cancellationToken = default)
        => DeleteAsync(ControlPlanePath(controlPlaneId), new("delete control plane", Id(controlPlaneId)), cancellationToken);

    /// <summary>Lists the data-plane client certificates pinned on a control plane.</summary>
    /// <param name="controlPlaneId">The control plane id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IReadOnlyList<KonnectDataPlaneCertificate>> ListDataPlaneCertificatesAsync(Guid controlPlaneId, CancellationToken cancellationToken = default)
    {
        var list = await SendAsync(HttpMethod.Get, $"{ControlPlanePath(controlPlaneId)}/dp-client-certificates", null,
            KonnectJsonContext.Default.KonnectDataPlaneCertificateList, new("list data-plane certificates", Id(controlPlaneId)),
            cancellationToken).ConfigureAwait(false);
        return list?.Items ?? [];
    }

    /// <summary>Pins a data-plane client certificate (PEM, public part only) on a control plane.</summary>
    /// <param name="controlPlaneId">The control plane id.</param>
    /// <param name="certificatePem">The certificate, PEM.</param>
    /// <param name="title">An optional title shown in Konnect.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<KonnectDataPlaneCertificate> PinDataPlaneCertificateAsync(
        Guid controlPlaneId, string certificatePem, string? title = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(certificatePem);
        if (certificatePem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            throw new ArgumentException("Only the certificate is pinned in Konnect; the PEM given contains a private key, which must stay local.", nameof(certificatePem));
        }

        var body = Json(new KonnectDataPlaneCertificateRequest(certificatePem, title), KonnectJsonContext.Default.KonnectDataPlaneCertificateRequest);
        var item = await SendAsync(HttpMethod.Post, $"{ControlPlanePath(controlPlaneId)}/dp-client-certificates", body,
            KonnectJsonContext.Default.KonnectDataPlaneCertificateItem, new("pin data-plane certificate", Id(controlPlaneId)),
            cancellationToken).ConfigureAwait(false);
        return item?.Item ?? throw EmptyAnswer("pin data-plane certificate");
    }

    /// <summary>
    /// Pins <paramref name="certificatePem"/> unless a certificate with the same SHA-256 digest is already pinned;
    /// returns whether it pinned it now.
    /// </summary>
    /// <param name="controlPlaneId">The control plane id.</param>
    /// <param name="certificatePem">The certificate, PEM.</param>
    /// <param name="title">An optional title shown in Konnect.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<bool> EnsureDataPlaneCertificatePinnedAsync(
        Guid controlPlaneId, string certificatePem, string? title = null, CancellationToken cancellationToken = default)
    {
        if (CertificateFingerprint.TrySha256(certificatePem) is null)
        {
            throw new ArgumentException("The data-plane certificate is not a PEM certificate.", nameof(certificatePem));
        }

        var pinned = await ListDataPlaneCertificatesAsync(controlPlaneId, cancellationToken).ConfigureAwait(false);
        if (IsPinned(pinned, certificatePem))
        {
            return false;
        }

        await PinDataPlaneCertificateAsync(controlPlaneId, certificatePem, title, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Whether <paramref name="pinned"/> holds a certificate equal to <paramref name="certificatePem"/> (by SHA-256 digest).</summary>
    /// <param name="pinned">Certificates as <see cref="ListDataPlaneCertificatesAsync"/> returns them.</param>
    /// <param name="certificatePem">The certificate, PEM.</param>
    public static bool IsPinned(IEnumerable<KonnectDataPlaneCertificate> pinned, string certificatePem)
    {
        ArgumentNullException.ThrowIfNull(pinned);
        var digest = CertificateFingerprint.TrySha256(certificatePem);
        return digest is not null && pinned.Any(p => CertificateFingerprint.TrySha256(p.Cert) == digest);
    }

    /// <summary>Unpins a data-plane client certificate; returns false when it was already gone.</summary>
    /// <param name="controlPlaneId">The control plane id.</param>
    /// <param name="certificateId">The id of the pinned certificate.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<bool> DeleteDataPlaneCertificateAsync(Guid controlPlaneId, string certificateId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(certificateId);
        return DeleteAsync($"{ControlPlanePath(controlPlaneId)}/dp-client-certificates/{Uri.EscapeDataString(certificateId)}",
            new("unpin data-plane certificate", Id(controlPlaneId)), cancellationToken);
    }

    /// <summary>
    /// The core entities (services, routes, plugins) of one control plane as a gateway entity store for the sync engine:
    /// the same store as a local control plane's Admin API, sent through this client's token, retries and messages.
    /// </summary>
    /// <param name="controlPlaneId">The control plane id.</param>
    public KongEntityApiStore EntityStore(Guid controlPlaneId) => new(new KonnectCoreEntityApi(this, controlPlaneId));

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    internal static string ControlPlanePath(Guid controlPlaneId) => $"control-planes/{Id(controlPlaneId)}";

    internal static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    private static string Query(string name, string value) => $"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}";

    private static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static KonnectApiException EmptyAnswer(string operation)
        => new($"Konnect answered '{operation}' with an empty body; try again, and if it persists check the base URL points at the Konnect API.", (HttpStatusCode?)null);

    private async Task<bool> DeleteAsync(string path, KonnectCall call, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(HttpMethod.Delete, path, null, call, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, call, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<T?> SendAsync<T>(
        HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> typeInfo, KonnectCall call, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, content, call, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, call, cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentLength == 0)
        {
            return default;
        }

        try
        {
            // Already buffered within MaxAnswerBytes by SendRawAsync.
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException ex)
        {
            throw Unreadable(call, ex, response.StatusCode);
        }
    }

    /// <summary>The failure for an answer that is not the JSON the API documents.</summary>
    internal KonnectApiException Unreadable(KonnectCall call, Exception error, HttpStatusCode? status) => new(
        $"Konnect's answer to '{call.Operation}' is not the JSON the Control Planes v2 API documents ({error.Message}); check the base URL ({BaseAddress}) points at the Konnect API.",
        status, error);

    /// <summary>Sends one request with the token, retries and timeouts; a request not sent or not answered in time is a <see cref="KonnectApiException"/>.</summary>
    internal async Task<HttpResponseMessage> SendRawAsync(
        HttpMethod method, string path, HttpContent? content, KonnectCall call, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Options.Set(KonnectResiliencePipeline.Operation, call.Operation);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException ex)
        {
            throw new KonnectApiException(
                $"Konnect did not answer '{call.Operation}' in time (each attempt may take {Options.AttemptTimeout.TotalSeconds:0.###} s, " +
                $"all attempts {Options.TotalTimeout.TotalSeconds:0.###} s). Check the network or proxy to {BaseAddress.Host}, then run again.",
                null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new KonnectApiException(
                $"Could not reach Konnect at {BaseAddress} to '{call.Operation}': {ex.Message}. Check the region or base URL and the network, then run again.",
                null, ex);
        }

        // The body within an attempt's time and a size bound, where ResponseContentRead would buffer up to 2 GB.
        try
        {
            await BoundedHttpContent.BufferAsync(response, MaxAnswerBytes, Options.AttemptTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            throw Unreadable(call, ex, response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new KonnectApiException(
                $"Konnect did not send its whole answer to '{call.Operation}' within {Options.AttemptTimeout.TotalSeconds:0.###} s ({ex.Message}). Check the network or proxy to {BaseAddress.Host}, then run again.",
                response.StatusCode, ex);
        }

        return response;
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, KonnectCall call, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await RefusalAsync(response, call, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The failure for a refused request, saying what to do about it and quoting Konnect.</summary>
    internal async Task<KonnectApiException> RefusalAsync(HttpResponseMessage response, KonnectCall call, CancellationToken cancellationToken)
    {
        var detail = await KonnectProblem.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var message = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized =>
                $"Konnect rejected the token (401 Unauthorized) while trying to {call.Operation}: it is wrong, expired or revoked, " +
                $"or belongs to another region than {BaseAddress.Host}. {KonnectAccessToken.HowToCreate}",
            HttpStatusCode.Forbidden =>
                $"The token is valid but may not {call.Operation} (403 Forbidden). Give the token's user or system account the " +
                "Control Plane Admin role (Organization > Teams or System accounts in Konnect), or use a token that has it.",
            HttpStatusCode.NotFound =>
                $"Konnect does not know control plane {call.Subject} (404 Not Found) while trying to {call.Operation}: it was deleted, " +
                $"or it lives in another region or organization than this token's ({BaseAddress.Host}). Find or create it again by name.",
            HttpStatusCode.Conflict =>
                $"The name '{call.Subject}' is already taken in this Konnect organization (409 Conflict) while trying to {call.Operation}. " +
                "Reuse that control plane (find it by name) or choose another name.",
            HttpStatusCode.TooManyRequests when KonnectResiliencePipeline.RetryAfter(response, TimeProvider.System) is { } wait && wait >= Options.TotalTimeout =>
                $"Konnect throttled '{call.Operation}' (429 Too Many Requests) and asked to wait {Describe(wait)} (Retry-After), longer than this call may take "
                + $"({Describe(Options.TotalTimeout)}); nothing was retried. Run again after that wait.",
            HttpStatusCode.TooManyRequests =>
                $"Konnect kept throttling '{call.Operation}' (429 Too Many Requests) after {Options.MaxRetryAttempts} retries; wait a minute and run again.",
            >= HttpStatusCode.InternalServerError =>
                $"Konnect failed to {call.Operation} ({status} {response.ReasonPhrase}) after the retries allowed; " +
                "check https://status.konghq.com and run again.",
            _ => $"Konnect refused to {call.Operation} ({status} {response.ReasonPhrase}).",
        };
        return new KonnectApiException(detail is null ? message : $"{message} Konnect said: {detail}", response.StatusCode);
    }

    private static string Describe(TimeSpan wait) => wait.TotalSeconds < 120
        ? $"{Math.Ceiling(wait.TotalSeconds):0} s"
        : wait.TotalMinutes < 120 ? $"{Math.Ceiling(wait.TotalMinutes):0} min" : $"{wait.TotalHours:0.#} h";
}
