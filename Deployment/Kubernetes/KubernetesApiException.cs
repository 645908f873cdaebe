using System.Net;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>The Kubernetes API answered with an error status; <see cref="Exception.Message"/> is the server's own Status message.</summary>
public sealed class KubernetesApiException(HttpStatusCode statusCode, string? reason, string message)
    : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The Status reason, e.g. Invalid, Conflict, Forbidden, NotFound.</summary>
    public string? Reason { get; } = reason;
}
