namespace KonnectAspire.Konnect.Api;

/// <summary>
/// The <c>KONG_*</c> settings that make a Kong Gateway (Enterprise) data plane join a Konnect control plane, as the
/// Konnect UI's data-plane script and the Kong Operator set them: data_plane role, no database, Konnect mode, PKI
/// mTLS with the pinned certificate, and the control-plane and telemetry endpoints on 443 with their server names.
/// </summary>
/// <remarks>
/// <c>KONG_VITALS=off</c>, which older scripts also set, is left out: <c>vitals</c> is not a Kong 3.10+ property, and
/// Kong silently ignores unknown <c>KONG_*</c> variables.
/// </remarks>
public static class KonnectDataPlaneEnvironment
{
    /// <summary>The settings for a data plane of the control plane at <paramref name="endpoints"/>.</summary>
    /// <param name="endpoints">Where the control plane and telemetry endpoints are.</param>
    /// <param name="clusterCertificate">The pinned certificate: a file path, the PEM itself, or base64 PEM.</param>
    /// <param name="clusterCertificateKey">Its private key, in the same forms; pass a secret reference, never log it.</param>
    /// <param name="labels">Optional data-plane labels shown in Konnect (<c>KONG_CLUSTER_DP_LABELS</c>).</param>
    /// <returns>Variable names and values, sorted by name.</returns>
    public static IReadOnlyDictionary<string, string> Create(
        KonnectDataPlaneEndpoints endpoints,
        string clusterCertificate,
        string clusterCertificateKey,
        IReadOnlyDictionary<string, string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterCertificate);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterCertificateKey);
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["KONG_ROLE"] = "data_plane",
            ["KONG_DATABASE"] = "off",
            ["KONG_KONNECT_MODE"] = "on",
            ["KONG_CLUSTER_MTLS"] = "pki",
            ["KONG_CLUSTER_CERT"] = clusterCertificate,
            ["KONG_CLUSTER_CERT_KEY"] = clusterCertificateKey,
            ["KONG_LUA_SSL_TRUSTED_CERTIFICATE"] = "system",
        };
        foreach (var (name, value) in endpoints.ToEnvironment())
        {
            environment[name] = value;
        }

        if (labels is { Count: > 0 })
        {
            environment["KONG_CLUSTER_DP_LABELS"] = string.Join(',', labels.Select(l => $"{l.Key}:{l.Value}"));
        }

        return environment;
    }
}
