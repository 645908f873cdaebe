namespace KonnectAspire.Provisioner.Kubernetes;

/// <summary>Exit codes of deploy, status, diff, destroy and loadtest; the README lists them.</summary>
internal static class KubernetesExitCodes
{
    public const int Success = 0;

    // 1 is System.CommandLine's own: the command line could not be parsed.
    public const int BadInput = 2;
    public const int PreconditionFailed = 3;
    public const int Timeout = 4;
    public const int ApplyRejected = 5;
    public const int DifferencesFound = 6;
    public const int Unexpected = 70;
    public const int Cancelled = 130;
}
