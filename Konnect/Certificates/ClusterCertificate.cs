using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KonnectAspire.Konnect.Certificates;

/// <summary>
/// The certificate and key a Kong control plane and its data planes share in hybrid mode (<c>cluster_mtls = shared</c>),
/// made exactly as <c>kong hybrid gen_cert</c> makes it: an EC P-384 key, a self-signed certificate with subject and
/// issuer <c>CN=kong_clustering</c>, valid for 1095 days, the key as PKCS#8 PEM.
/// </summary>
/// <remarks><see cref="ToString"/> never includes the private key.</remarks>
public sealed class ClusterCertificate
{
    /// <summary>The subject (and issuer) Kong expects in shared mode: <c>CN=kong_clustering</c>.</summary>
    public const string SubjectName = "CN=kong_clustering";

    /// <summary>How long <c>kong hybrid gen_cert</c> makes the certificate valid: 3 × 365 days.</summary>
    public const int DefaultValidityDays = 1095;

    private ClusterCertificate(string certificatePem, string privateKeyPem, X509Certificate2 certificate)
    {
        CertificatePem = certificatePem;
        PrivateKeyPem = privateKeyPem;
        NotBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        NotAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        Sha256Fingerprint = CertificateFingerprint.Sha256(certificate);
    }

    /// <summary>The certificate as PEM (<c>-----BEGIN CERTIFICATE-----</c>), the value of <c>cluster_cert</c>.</summary>
    public string CertificatePem { get; }

    /// <summary>The private key as PKCS#8 PEM (<c>-----BEGIN PRIVATE KEY-----</c>), the value of <c>cluster_cert_key</c>.</summary>
    public string PrivateKeyPem { get; }

    /// <summary>When the certificate becomes valid (UTC).</summary>
    public DateTimeOffset NotBefore { get; }

    /// <summary>When the certificate expires (UTC).</summary>
    public DateTimeOffset NotAfter { get; }

    /// <summary>The SHA-256 digest of the certificate in hex; in shared mode the control plane accepts a data plane whose certificate has this digest.</summary>
    public string Sha256Fingerprint { get; }

    /// <summary>Makes a new key and certificate as <c>kong hybrid gen_cert</c> does.</summary>
    /// <param name="now">The start of validity; the certificate is valid from it for <paramref name="validityDays"/> days.</param>
    /// <param name="validityDays">How many days the certificate is valid.</param>
    /// <returns>The new certificate and key.</returns>
    public static ClusterCertificate Generate(DateTimeOffset now, int validityDays = DefaultValidityDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(validityDays, 1);

        // X.509 times have whole seconds; truncating keeps NotBefore equal to what is written.
        var notBefore = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var request = new CertificateRequest(SubjectName, key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(notBefore, notBefore.AddDays(validityDays));
        return new ClusterCertificate(certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem(), certificate);
    }

    /// <summary>Reads a certificate and key written as PEM and checks that they are a Kong cluster pair.</summary>
    /// <param name="certificatePem">The certificate PEM.</param>
    /// <param name="privateKeyPem">The PKCS#8 private key PEM.</param>
    /// <returns>The pair.</returns>
    /// <exception cref="FormatException">The PEM does not hold an EC P-384 certificate for <c>CN=kong_clustering</c> with its PKCS#8 key.</exception>
    public static ClusterCertificate FromPem(string certificatePem, string privateKeyPem)
    {
        ArgumentNullException.ThrowIfNull(certificatePem);
        ArgumentNullException.ThrowIfNull(privateKeyPem);
        if (!privateKeyPem.Contains("-----BEGIN PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new FormatException("The cluster key is not a PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----).");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(certificatePem, privateKeyPem);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            // These messages describe the mismatch; they never contain key material.
            throw new FormatException($"The cluster certificate and key are not a matching PEM pair: {ex.Message}", ex);
        }

        using (certificate)
        {
            if (certificate.Subject != SubjectName || certificate.Issuer != SubjectName)
            {
                throw new FormatException($"The cluster certificate is for '{certificate.Subject}', not '{SubjectName}'.");
            }

            using var publicKey = certificate.GetECDsaPublicKey()
                ?? throw new FormatException("The cluster certificate does not hold an EC key.");
            if (publicKey.KeySize != 384)
            {
                throw new FormatException($"The cluster certificate has a {publicKey.KeySize}-bit EC key, not P-384.");
            }

            return new ClusterCertificate(certificatePem, privateKeyPem, certificate);
        }
    }

    /// <summary>Whether the certificate has expired or expires within <paramref name="window"/> of <paramref name="now"/>.</summary>
    /// <param name="now">The time to compare with.</param>
    /// <param name="window">How long before expiry counts as expiring.</param>
    /// <returns>True when it should be renewed.</returns>
    public bool ExpiresWithin(DateTimeOffset now, TimeSpan window) => NotAfter - window <= now;

    /// <summary>The subject, validity and fingerprint; never the key.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{SubjectName}, valid {NotBefore:yyyy-MM-dd} to {NotAfter:yyyy-MM-dd}, SHA-256 {Sha256Fingerprint[..16]}…");
}
