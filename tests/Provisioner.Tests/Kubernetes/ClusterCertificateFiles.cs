using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KonnectAspire.Provisioner.Tests.Kubernetes;

/// <summary>The files `provisioner konnect up` leaves for deploy: a data-plane certificate and key, and the Konnect endpoints.</summary>
internal sealed record ClusterCertificateFiles(string Directory, string Certificate, string Key)
{
    public static ClusterCertificateFiles Write(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var request = new CertificateRequest("CN=kong_clustering", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1095));
        var files = new ClusterCertificateFiles(directory, certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(directory, "tls.crt"), files.Certificate);
        File.WriteAllText(Path.Combine(directory, "tls.key"), files.Key);
        File.WriteAllLines(Path.Combine(directory, "endpoints.env"),
        [
            "KONG_CLUSTER_CONTROL_PLANE=abc123.us.cp.konghq.com:443",
            "KONG_CLUSTER_SERVER_NAME=abc123.us.cp.konghq.com",
            "KONG_CLUSTER_TELEMETRY_ENDPOINT=abc123.us.tp0.konghq.com:443",
            "KONG_CLUSTER_TELEMETRY_SERVER_NAME=abc123.us.tp0.konghq.com",
        ]);
        return files;
    }
}
