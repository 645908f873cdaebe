namespace KonnectAspire.Konnect.Sync;

/// <summary>
/// How a <see cref="KongEntityApiStore"/> reaches one Kong-style entity API (the Kong Admin API, or the core entities
/// of a Konnect control plane): where it is, how a request is authenticated and retried, and how a failure reads in
/// that API's terms. Paths, paging, tags and ids are the store's, the same for both.
/// </summary>
public interface IKongEntityApi
{
    /// <summary>Where the entity collections are, for messages (e.g. <c>http://localhost:8001/</c>).</summary>
    Uri Root { get; }

    /// <summary>
    /// Sends one request and returns the answer whatever its status, its body read; a request that could not be sent
    /// or was not answered in time throws this API's exception.
    /// </summary>
    /// <param name="call">What the request does, for retry notices and messages.</param>
    /// <param name="relativePath">The path and query under <see cref="Root"/>, e.g. <c>services?size=1000&amp;tags=t</c>.</param>
    /// <param name="content">The JSON body, for PUT.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<HttpResponseMessage> SendAsync(KongEntityCall call, string relativePath, HttpContent? content, CancellationToken cancellationToken);

    /// <summary>The exception that reports <paramref name="response"/>, a refusal, quoting what the API said.</summary>
    /// <param name="call">The refused call.</param>
    /// <param name="response">The answer, not a success.</param>
    /// <param name="cancellationToken">Cancels reading the answer.</param>
    Task<Exception> RefusedAsync(KongEntityCall call, HttpResponseMessage response, CancellationToken cancellationToken);

    /// <summary>The exception that reports an answer whose body is not the JSON the API documents.</summary>
    /// <param name="call">The call answered.</param>
    /// <param name="error">What the JSON reader found.</param>
    Exception Unreadable(KongEntityCall call, Exception error);
}
