using System.CommandLine;
using KonnectAspire.Deployment.Konnect;
using KonnectAspire.Deployment.Kubernetes;

namespace KonnectAspire.Provisioner.Commands.Cluster;

/// <summary>Where deploy and diff read the secrets the manifests refer to: --token-file, --cluster-cert-dir, --secret-from-env and --secret-from-file.</summary>
internal sealed class DeploySecretOptions
{
    public Option<string?> TokenFile { get; } = new("--token-file")
    {
        Description = $"File holding the Konnect token for the Kong Operator (default: ${KonnectTokenInput.Variable}). Tokens are never taken as arguments.",
    };

    public Option<string?> ClusterCertificateDirectory { get; } = new("--cluster-cert-dir")
    {
        Description = "Folder `provisioner konnect up` wrote (tls.crt, tls.key, konnect-endpoints.env), for plain (non-operator) data planes (default: the one folder under konnect/ in the user's data folder, where konnect up writes).",
    };

    public Option<string[]> SecretFromEnvironment { get; } = new(SecretKeySource.FromEnvironmentOption)
    {
        Description = "NAME/KEY=VARIABLE: create key KEY of Secret NAME (e.g. kong-ai-credentials, <resource>-secrets) from the environment variable, in each namespace the manifests read it. Repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> SecretFromFile { get; } = new(SecretKeySource.FromFileOption)
    {
        Description = "NAME/KEY=PATH: the same, with the file's content (without a final line break). Repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(TokenFile);
        command.Options.Add(ClusterCertificateDirectory);
        command.Options.Add(SecretFromEnvironment);
        command.Options.Add(SecretFromFile);
    }

    public KonnectSecretSources Read(ParseResult result) => new(result.GetValue(TokenFile), result.GetValue(ClusterCertificateDirectory))
    {
        Keys =
        [
            .. (result.GetValue(SecretFromEnvironment) ?? []).Select(text => SecretKeySource.Parse(text, fromFile: false)),
            .. (result.GetValue(SecretFromFile) ?? []).Select(text => SecretKeySource.Parse(text, fromFile: true)),
        ],
    };
}
