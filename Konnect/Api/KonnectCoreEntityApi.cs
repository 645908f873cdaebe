using KonnectAspire.Konnect.Sync;

namespace KonnectAspire.Konnect.Api;

/// <summary>
/// The core entities of one Konnect control plane for a <see cref="KongEntityApiStore"/>: Kong's entity API under
/// <c>control-planes/{id}/core-entities/</c>, sent with the client's token, retries and timeouts, failing with its
/// <see cref="KonnectApiException"/> messages.
/// </summary>
internal sealed class KonnectCoreEntityApi(KonnectClient client, Guid controlPlaneId) : IKongEntityApi
{
    private readonly string _prefix = $"{KonnectClient.ControlPlanePath(controlPlaneId)}/core-entities/";

    public Uri Root => new(client.BaseAddress, _prefix);

    public Task<HttpResponseMessage> SendAsync(KongEntityCall call, string relativePath, HttpContent? content, CancellationToken cancellationToken)
        => client.SendRawAsync(call.Method, _prefix + relativePath.TrimStart('/'), content, Call(call), cancellationToken);

    public async Task<Exception> RefusedAsync(KongEntityCall call, HttpResponseMessage response, CancellationToken cancellationToken)
        => await client.RefusalAsync(response, Call(call), cancellationToken).ConfigureAwait(false);

    public Exception Unreadable(KongEntityCall call, Exception error) => client.Unreadable(Call(call), error, null);

    // Konnect's messages are about the control plane the call went to, as the client's other calls are.
    private KonnectCall Call(KongEntityCall call) => new(call.Operation, KonnectClient.Id(controlPlaneId));
}
