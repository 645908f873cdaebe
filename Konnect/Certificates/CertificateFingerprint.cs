using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KonnectAspire.Konnect.Certificates;

/// <summary>The SHA-256 digest (upper-case hex) by which Kong and Konnect tell certificates apart.</summary>
internal static class CertificateFingerprint
{
    /// <summary>The digest of a certificate.</summary>
    public static string Sha256(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>The digest of the first certificate in <paramref name="pem"/>, or null when it holds none.</summary>
    public static string? TrySha256(string pem)
    {
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            return Sha256(certificate);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            return null;
        }
    }
}
