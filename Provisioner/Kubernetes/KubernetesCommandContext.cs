using Spectre.Console;

namespace KonnectAspire.Provisioner.Kubernetes;

/// <summary>What a verb reads from outside its arguments: the terminal, environment variables and the home folder (tests pass their own).</summary>
internal sealed record KubernetesCommandContext(IAnsiConsole Console, Func<string, string?> GetEnvironmentVariable, string HomeDirectory)
{
    public static KubernetesCommandContext FromProcess()
    {
        // Redirected output (CI logs, pipes) gets no terminal width: keep each message on one line for grep.
        if (System.Console.IsOutputRedirected)
        {
            AnsiConsole.Console.Profile.Width = 240;
        }

        return new(AnsiConsole.Console, Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
    }
}
