using System.CommandLine;
using KonnectAspire.Provisioner.Kubernetes;

namespace KonnectAspire.Provisioner.Deploy;

/// <summary>Where deploy and diff read the secrets the manifests refer to: --token-file and --cluster-cert-dir.</summary>
internal sealed class DeploySecretOptions
{
    public Option<string?> TokenFile { get; } = new("--token-file")
    {
        Description = $"File holding the Konnect token for the Kong Operator (default: ${KonnectSecretSources.TokenVariable}). Tokens are never taken as arguments.",
    };

    public Option<string?> ClusterCertificateDirectory { get; } = new("--cluster-cert-dir")
    {
        Description = "Folder `provisioner konnect up` wrote (tls.crt, tls.key, konnect-endpoints.env), for plain (non-operator) data planes (default: the one folder under ./konnect/).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(TokenFile);
        command.Options.Add(ClusterCertificateDirectory);
    }

    public KonnectSecretSources Read(ParseResult result) => new(result.GetValue(TokenFile), result.GetValue(ClusterCertificateDirectory));
}
