using KonnectAspire.Deployment.Konnect;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// Where deploy reads the secrets the manifests refer to: the Konnect token (--token-file, else $KONNECT_TOKEN),
/// the files `provisioner konnect up` writes (--cluster-cert-dir, else the one folder under konnect/ in the user's data folder: tls.crt,
/// tls.key and konnect-endpoints.env), and the keys of any other Secret (--secret-from-env, --secret-from-file).
/// </summary>
public sealed record KonnectSecretSources(string? TokenFile, string? ClusterCertificateDirectory)
{
    public IReadOnlyList<SecretKeySource> Keys { get; init; } = [];

    /// <summary>What messages call <see cref="TokenFile"/>: the Provisioner's option, or the caller's configuration key.</summary>
    public string TokenFileOption { get; init; } = KonnectTokenInput.FileOption;

    /// <summary>The values of <see cref="Keys"/>, read once before any call to the cluster (<see cref="SuppliedSecrets.ReadAll"/>).</summary>
    public IReadOnlyDictionary<SecretKeySource, string> Values { get; init; } = new Dictionary<SecretKeySource, string>();

    /// <summary>The Konnect token read from <see cref="TokenFile"/> before any call to the cluster, or null.</summary>
    public string? Token { get; init; }
}
