using Spectre.Console;

namespace KonnectAspire.Provisioner.Kubernetes;

/// <summary>What a verb reads from outside its arguments: the terminal, environment variables and the home folder (tests pass their own).</summary>
internal sealed record KubernetesCommandContext(IAnsiConsole Console, Func<string, string?> GetEnvironmentVariable, string HomeDirectory)
{
    public static KubernetesCommandContext FromProcess() =>
        new(AnsiConsole.Console, Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
}
