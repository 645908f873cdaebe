using KonnectAspire.Deployment;
using Spectre.Console;

namespace KonnectAspire.Provisioner.Cli;

/// <summary>What the verbs take from the process (console, environment, clock, network), so tests can give their own.</summary>
internal sealed class ProvisionerContext
{
    public required IAnsiConsole Console { get; init; }

    public required IAnsiConsole ErrorConsole { get; init; }

    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Where ~/.kube/config is looked for when $KUBECONFIG is not set.</summary>
    public string HomeDirectory { get; init; } = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>
    /// The user's data folder for the Provisioner: <c>konnect up</c> writes the data-plane certificate and key under it
    /// by default (beside the AppHost's cluster certificates), never into the current folder, which may be a git work tree.
    /// </summary>
    public string DataDirectory { get; init; } = DeploymentEnvironment.DefaultDataDirectory();

    /// <summary>How long one Kubernetes API request may wait for its answer before the verb stops naming the address.</summary>
    public TimeSpan KubernetesRequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one Konnect API attempt may wait for its answer (KonnectClientOptions' default: 30 s).</summary>
    public TimeSpan? KonnectAttemptTimeout { get; init; }

    /// <summary>How long one Konnect call may take with its retries (KonnectClientOptions' default: 3 minutes).</summary>
    public TimeSpan? KonnectTotalTimeout { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Sends the Konnect requests; null means the network.</summary>
    public Func<HttpMessageHandler>? KonnectHandler { get; init; }

    /// <summary>The same process facts for the deployment library the cluster verbs run on.</summary>
    public DeploymentEnvironment Deployment => new()
    {
        GetEnvironmentVariable = GetEnvironmentVariable,
        WorkingDirectory = WorkingDirectory,
        HomeDirectory = HomeDirectory,
        DataDirectory = DataDirectory,
        KubernetesRequestTimeout = KubernetesRequestTimeout,
        Time = Time,
    };

    public static ProvisionerContext FromProcess()
    {
        var console = AnsiConsole.Console;
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });

        // Redirected output is read by scripts and people copying links: no wrapping at 80 columns.
        if (System.Console.IsOutputRedirected)
        {
            console.Profile.Width = short.MaxValue;
        }

        if (System.Console.IsErrorRedirected)
        {
            error.Profile.Width = short.MaxValue;
        }

        return new ProvisionerContext { Console = console, ErrorConsole = error };
    }
}
