using System.Globalization;
using KonnectAspire.Deployment;
using KonnectAspire.Deployment.Kubernetes;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting.Kong.Deploy;

/// <summary>
/// How <c>aspire deploy</c> reaches the cluster and Konnect, from configuration section <c>Deploy:&lt;env&gt;</c> (given
/// after <c>--</c> or as <c>Deploy__&lt;env&gt;__&lt;key&gt;</c> variables). Secrets are never values here: the Konnect
/// token comes from <c>$KONNECT_TOKEN</c> or the file <c>KonnectTokenFile</c> names, other Secrets from the variables or
/// files <c>SecretFromEnv</c>/<c>SecretFromFile</c> name.
/// </summary>
internal sealed record EksDeploySettings
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(15);

    public string? Kubeconfig { get; init; }

    public string? Context { get; init; }

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    public bool Wait { get; init; } = true;

    public string ProbePath { get; init; } = "/";

    public string? KonnectTokenFile { get; init; }

    public Uri? KonnectBaseUrl { get; init; }

    /// <summary>Where the plain data planes' certificate, key and endpoints are kept; null: the user's data folder, as <c>provisioner konnect up</c> keeps them.</summary>
    public string? CertificateDirectory { get; init; }

    public IReadOnlyList<SecretKeySource> SecretKeys { get; init; } = [];

    /// <summary>What messages call the token file.</summary>
    public string TokenFileKey { get; init; } = "Deploy:<env>:KonnectTokenFile";

    /// <summary>The configuration section, <c>Deploy:&lt;env&gt;</c>, named in messages.</summary>
    public string Prefix { get; init; } = "Deploy:<env>";

    public KubernetesConnectionSettings Connection => new(Kubeconfig, Context, null, Timeout)
    {
        KubeconfigOption = $"{Prefix}:Kubeconfig",
        ContextOption = $"{Prefix}:Context",
    };

    /// <summary>Reads and checks the section; a bad value is bad input naming its key and the fix.</summary>
    public static EksDeploySettings Read(IConfiguration configuration, string environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var prefix = $"Deploy:{environment}";
        var section = configuration.GetSection(prefix);
        var settings = new EksDeploySettings
        {
            Kubeconfig = Text(section, "Kubeconfig"),
            Context = Text(section, "Context"),
            KonnectTokenFile = Text(section, "KonnectTokenFile"),
            CertificateDirectory = Text(section, "CertificateDirectory"),
            TokenFileKey = $"{prefix}:KonnectTokenFile",
            Prefix = prefix,
            ProbePath = Text(section, "ProbePath") ?? "/",
            SecretKeys =
            [
                .. Values(section, "SecretFromEnv").Select(text => SecretKeySource.Parse(text, fromFile: false, $"{prefix}:SecretFromEnv")),
                .. Values(section, "SecretFromFile").Select(text => SecretKeySource.Parse(text, fromFile: true, $"{prefix}:SecretFromFile")),
            ],
        };

        if (Text(section, "Timeout") is { } timeout)
        {
            settings = Durations.TryParse(timeout, out var limit)
                ? settings with { Timeout = limit }
                : throw DeploymentException.BadInput($"{prefix}:Timeout '{timeout}' is not a duration: write it like 90s, 10m or 1h30m.");
        }

        if (Text(section, "Wait") is { } wait)
        {
            settings = bool.TryParse(wait, out var value)
                ? settings with { Wait = value }
                : throw DeploymentException.BadInput($"{prefix}:Wait '{wait}' is not true or false.");
        }

        if (Text(section, "KonnectBaseUrl") is { } baseUrl)
        {
            settings = Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
                ? settings with { KonnectBaseUrl = uri }
                : throw DeploymentException.BadInput($"{prefix}:KonnectBaseUrl must be an absolute http(s) URL such as https://eu.api.konghq.com/v2; '{baseUrl}' is not.");
        }

        return settings.ProbePath.StartsWith('/') && !settings.ProbePath.Any(char.IsWhiteSpace)
            ? settings
            : throw DeploymentException.BadInput($"{prefix}:ProbePath '{settings.ProbePath}' is not a path; write it like /orders.");
    }

    private static string? Text(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } value ? value.Trim() : null;

    // One value (`Deploy:eks:SecretFromEnv=a/b=C`) or several (`Deploy:eks:SecretFromEnv:0=…`, `:1=…`).
    private static IEnumerable<string> Values(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        return child.Value is { Length: > 0 } single
            ? [single]
            : child.GetChildren().OrderBy(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue)
                .Select(c => c.Value).OfType<string>().Where(v => v.Length > 0);
    }
}
