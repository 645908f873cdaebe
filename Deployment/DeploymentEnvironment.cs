namespace KonnectAspire.Deployment;

/// <summary>What a deployment takes from the process (environment, folders, clock, time limits), so callers and tests give their own.</summary>
public sealed class DeploymentEnvironment
{
    /// <summary>Reads an environment variable ($KUBECONFIG, $KONNECT_TOKEN, the variables of <c>--secret-from-env</c>).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>What relative file names are resolved against.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Where ~/.kube/config is looked for when $KUBECONFIG is not set.</summary>
    public string HomeDirectory { get; init; } = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>
    /// The user's data folder: <c>konnect up</c> writes the data-plane certificate and key under it, never into the
    /// current folder, which may be a git work tree; deploy reads them from there.
    /// </summary>
    public string DataDirectory { get; init; } = DefaultDataDirectory();

    /// <summary>How long one Kubernetes API request may wait for its answer before the deployment stops, naming the address.</summary>
    public TimeSpan KubernetesRequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock (certificate expiry, waits).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The per-user data folder, <c>~/.local/share/KonnectAspire</c> on Linux.</summary>
    public static string DefaultDataDirectory() => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "KonnectAspire");
}
