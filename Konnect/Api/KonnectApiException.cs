using System.Net;

namespace KonnectAspire.Konnect.Api;

/// <summary>A Konnect call failed; the message says what happened and how to fix it, and never contains the token.</summary>
public sealed class KonnectApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and the fix.</param>
    /// <param name="statusCode">The HTTP status, or null when Konnect did not answer.</param>
    /// <param name="innerException">The cause, if any.</param>
    public KonnectApiException(string message, HttpStatusCode? statusCode, Exception? innerException = null)
        : base(message, innerException)
        => StatusCode = statusCode;

    /// <summary>Creates the exception with a message only.</summary>
    public KonnectApiException()
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">What happened and the fix.</param>
    public KonnectApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened and the fix.</param>
    /// <param name="innerException">The cause.</param>
    public KonnectApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status Konnect answered with, or null when it did not answer (timeout, network failure).</summary>
    public HttpStatusCode? StatusCode { get; }
}
