namespace Aspire.Hosting.Kong;

/// <summary>
/// Makes an input problem of the app model read as an error: when an exception this integration raised for bad input
/// (an <see cref="ArgumentException"/> other than a null argument, or a <see cref="DistributedApplicationException"/>)
/// ends the AppHost unhandled, it prints one line naming the resource, the value and the fix, and the process exits 1,
/// instead of the runtime's stack trace and abort. Programming errors (null arguments, bugs) are left to the runtime.
/// </summary>
internal static class KongModelErrors
{
    /// <summary>What the AppHost exits with when an input problem ends it.</summary>
    public const int ExitCode = 1;

    private static int _registered;

    /// <summary>Installs the handler once per process; called by every <c>Add*</c> method of the integration.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        }
    }

    /// <summary>The message to print for <paramref name="exception"/>, or null when it is not an input problem raised here.</summary>
    public static string? Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (Exception? current = exception; current is not null; current = current.InnerException ?? (current as AggregateException)?.InnerExceptions.FirstOrDefault())
        {
            if (current is ArgumentNullException || current.TargetSite?.DeclaringType?.Assembly != typeof(KongModelErrors).Assembly)
            {
                continue;
            }

            switch (current)
            {
                case ArgumentException argument:
                    var message = argument.Message.Split('\n')[0];
                    var suffix = $" (Parameter '{argument.ParamName}')";
                    return message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
                case DistributedApplicationException:
                    return current.Message;
            }
        }

        return null;
    }

    private static void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e)
    {
        if (e.ExceptionObject is Exception exception && Describe(exception) is { } message)
        {
            Console.Error.WriteLine($"error: {message}");
            Environment.Exit(ExitCode);
        }
    }
}
