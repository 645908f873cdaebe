namespace KonnectAspire.Provisioner.Cli;

/// <summary>
/// Stops a verb with a message for the user (which names the fix) and one of <see cref="ExitCodes"/>; bad input is
/// raised before anything is sent or written.
/// </summary>
internal sealed class CommandFailedException(int exitCode, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public int ExitCode { get; } = exitCode;

    public static CommandFailedException BadInput(string message, Exception? inner = null) => new(ExitCodes.BadInput, message, inner);

    public static CommandFailedException Precondition(string message, Exception? inner = null) =>
        new(ExitCodes.PreconditionFailed, message, inner);
}
