namespace KonnectAspire.Provisioner.Cli;

/// <summary>What the Provisioner's exit code means; the README's table lists the same.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something unexpected failed (a file could not be written, a bug); the message says what.</summary>
    public const int Failure = 1;

    /// <summary>Bad input (no token, bad token prefix, unreadable file, bad name): nothing was sent or written.</summary>
    public const int BadInput = 2;

    /// <summary>Konnect rejected the token (401) or its permissions (403).</summary>
    public const int KonnectAccessDenied = 3;

    /// <summary>The control plane does not exist (or vanished, 404).</summary>
    public const int NotFound = 4;

    /// <summary>Konnect reported a conflict (409), e.g. a name taken.</summary>
    public const int Conflict = 5;

    /// <summary>Konnect could not be reached, timed out, throttled or failed (5xx) after the retries.</summary>
    public const int KonnectUnavailable = 6;

    /// <summary>The cluster cannot be used: unreachable, credentials refused, or the Kong Operator's CRDs missing.</summary>
    public const int PreconditionFailed = 7;

    /// <summary>The cluster did not get where it was asked to within --timeout (or a rollout gave up).</summary>
    public const int Timeout = 8;

    /// <summary>The Kubernetes API server rejected an object (invalid, conflict, refused by a webhook).</summary>
    public const int ApplyRejected = 9;

    /// <summary><c>diff</c> found objects that deploy would change.</summary>
    public const int DifferencesFound = 10;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
