using KonnectAspire.Konnect.Certificates;
using KonnectAspire.Deployment.Konnect;

namespace KonnectAspire.Provisioner.Tests.Commands.Cluster;

/// <summary>The files `provisioner konnect up` leaves for deploy: the data-plane certificate and key, and the Konnect endpoints.</summary>
internal sealed record ClusterCertificateFiles(string Directory, string Certificate, string Key)
{
    public static ClusterCertificateFiles Write(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        var certificate = ClusterCertificate.Generate(DateTimeOffset.UtcNow);
        var files = new KonnectOutputDirectory(directory);
        File.WriteAllText(files.CertificatePath, certificate.CertificatePem);
        File.WriteAllText(files.KeyPath, certificate.PrivateKeyPem);
        File.WriteAllLines(files.EndpointsPath,
        [
            "KONG_CLUSTER_CONTROL_PLANE=abc123.us.cp.konghq.com:443",
            "KONG_CLUSTER_SERVER_NAME=abc123.us.cp.konghq.com",
            "KONG_CLUSTER_TELEMETRY_ENDPOINT=abc123.us.tp0.konghq.com:443",
            "KONG_CLUSTER_TELEMETRY_SERVER_NAME=abc123.us.tp0.konghq.com",
        ]);
        return new ClusterCertificateFiles(directory, certificate.CertificatePem, certificate.PrivateKeyPem);
    }
}
