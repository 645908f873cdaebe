using Microsoft.Extensions.Configuration;

/// <summary>
/// What this AppHost runs, said in its own configuration rather than guessed from which secrets are set:
/// <c>ControlPlane</c> = <c>local</c> (default) or <c>konnect</c>, and <c>Llm</c> = <c>stand-in</c> (default) or
/// <c>openai</c>. Set them with user secrets, environment variables or the command line.
/// </summary>
internal sealed record ReferenceArchitectureChoices(bool UseKonnect, bool UseOpenAI)
{
    public const string ControlPlaneKey = "ControlPlane";
    public const string LlmKey = "Llm";

    public static ReferenceArchitectureChoices Read(IConfiguration configuration) => new(
        Choose(configuration, ControlPlaneKey, "local", "konnect"),
        Choose(configuration, LlmKey, "stand-in", "openai"));

    // True for the second value; anything but the two is refused before the model is built.
    private static bool Choose(IConfiguration configuration, string key, string first, string second)
    {
        var value = configuration[key]?.Trim();
        if (string.IsNullOrEmpty(value) || string.Equals(value, first, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (string.Equals(value, second, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        throw Refuse(new DistributedApplicationException(
            $"AppHost setting {key} is '{value}'; use '{first}' (the default) or '{second}', e.g. dotnet user-secrets set {key} {second} --project AppHost."));
    }

    // A bad setting is the user's input, not a bug: when nothing catches it, the AppHost prints the one line and exits 1
    // instead of the runtime's stack trace, as the Kong integration does for its own input problems. A caller that
    // catches it (the tests' DistributedApplicationTestingBuilder) sees an ordinary exception.
    private static DistributedApplicationException Refuse(DistributedApplicationException problem)
    {
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (ReferenceEquals(e.ExceptionObject, problem))
            {
                Console.Error.WriteLine($"error: {problem.Message}");
                Environment.Exit(1);
            }
        };
        return problem;
    }
}
