namespace KonnectAspire.Provisioner.Kubernetes;

/// <summary>Stops a verb with a message for the user (which names the fix) and one of <see cref="ExitCodes"/>.</summary>
internal sealed class CommandFailedException(int exitCode, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public int ExitCode { get; } = exitCode;

    public static CommandFailedException BadInput(string message) => new(ExitCodes.BadInput, message);

    public static CommandFailedException Precondition(string message, Exception? inner = null) =>
        new(ExitCodes.PreconditionFailed, message, inner);
}
