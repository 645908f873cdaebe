using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KonnectAspire.Provisioner.Konnect;

/// <summary>
/// A data-plane client certificate for pinning in Konnect, made as Konnect's docs and <c>kong hybrid gen_cert</c> make
/// it: EC P-384 key, self-signed, <c>CN=kong_clustering</c>, 1095 days, key as PKCS#8 PEM.
/// </summary>
internal sealed class DataPlaneCertificate
{
    public const string SubjectName = "CN=kong_clustering";
    public const int ValidityDays = 1095;

    private DataPlaneCertificate(string certificatePem, string privateKeyPem, X509Certificate2 certificate)
    {
        CertificatePem = certificatePem;
        PrivateKeyPem = privateKeyPem;
        NotAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        Sha256Fingerprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    public string CertificatePem { get; }

    public string PrivateKeyPem { get; }

    public DateTimeOffset NotAfter { get; }

    public string Sha256Fingerprint { get; }

    public static DataPlaneCertificate Generate(DateTimeOffset now)
    {
        var notBefore = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var request = new CertificateRequest(SubjectName, key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(notBefore, notBefore.AddDays(ValidityDays));
        return new DataPlaneCertificate(certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem(), certificate);
    }

    /// <summary>The pair in these PEMs, or null when they are missing, half-written or do not belong together.</summary>
    public static DataPlaneCertificate? TryFromPem(string certificatePem, string privateKeyPem)
    {
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(certificatePem, privateKeyPem);
            return certificate.Subject == SubjectName ? new DataPlaneCertificate(certificatePem, privateKeyPem, certificate) : null;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    public bool ExpiresWithin(DateTimeOffset now, TimeSpan window) => NotAfter - window <= now;
}
