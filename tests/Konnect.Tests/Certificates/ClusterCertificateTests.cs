using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KonnectAspire.Konnect.Certificates;

namespace KonnectAspire.Konnect.Tests.Certificates;

public class ClusterCertificateTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 30, 15, TimeSpan.Zero);

    [Fact]
    public void Generated_certificate_uses_an_EC_P384_key()
    {
        var generated = ClusterCertificate.Generate(Now);

        using var certificate = X509Certificate2.CreateFromPem(generated.CertificatePem);
        using var key = certificate.GetECDsaPublicKey();
        Assert.NotNull(key);
        Assert.Equal(384, key.KeySize);
        Assert.Equal(ECCurve.NamedCurves.nistP384.Oid.Value, key.ExportParameters(false).Curve.Oid.Value);
    }

    [Fact]
    public void Generated_certificate_is_self_signed_for_kong_clustering()
    {
        var generated = ClusterCertificate.Generate(Now);

        using var certificate = X509Certificate2.CreateFromPem(generated.CertificatePem);
        Assert.Equal("CN=kong_clustering", certificate.Subject);
        Assert.Equal("CN=kong_clustering", certificate.Issuer);
        using var chain = new X509Chain();
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = Now.AddDays(1).UtcDateTime;
        Assert.True(chain.Build(certificate));
        Assert.Single(chain.ChainElements);
    }

    [Fact]
    public void Generated_certificate_is_valid_for_1095_days_from_now()
    {
        var generated = ClusterCertificate.Generate(Now);

        Assert.Equal(Now, generated.NotBefore);
        Assert.Equal(Now.AddDays(1095), generated.NotAfter);
        using var certificate = X509Certificate2.CreateFromPem(generated.CertificatePem);
        Assert.Equal(Now.UtcDateTime, certificate.NotBefore.ToUniversalTime());
        Assert.Equal(Now.AddDays(1095).UtcDateTime, certificate.NotAfter.ToUniversalTime());
    }

    [Fact]
    public void Generated_certificate_adds_no_extensions_as_gen_cert()
    {
        var generated = ClusterCertificate.Generate(Now);

        using var certificate = X509Certificate2.CreateFromPem(generated.CertificatePem);
        Assert.Empty(certificate.Extensions);
    }

    [Fact]
    public void Generated_key_is_PKCS8_PEM_matching_the_certificate()
    {
        var generated = ClusterCertificate.Generate(Now);

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", generated.PrivateKeyPem, StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", generated.CertificatePem, StringComparison.Ordinal);
        using var key = ECDsa.Create();
        key.ImportFromPem(generated.PrivateKeyPem);
        Assert.Equal(384, key.KeySize);
        using var pair = X509Certificate2.CreateFromPem(generated.CertificatePem, generated.PrivateKeyPem);
        Assert.True(pair.HasPrivateKey);
    }

    [Fact]
    public void Each_generation_makes_a_new_key()
    {
        var first = ClusterCertificate.Generate(Now);
        var second = ClusterCertificate.Generate(Now);

        Assert.NotEqual(first.PrivateKeyPem, second.PrivateKeyPem);
        Assert.NotEqual(first.Sha256Fingerprint, second.Sha256Fingerprint);
    }

    [Fact]
    public void ToString_describes_the_certificate_without_the_key()
    {
        var generated = ClusterCertificate.Generate(Now);

        var text = generated.ToString();

        Assert.Contains("CN=kong_clustering", text, StringComparison.Ordinal);
        Assert.Contains("2029-02-28", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
        Assert.DoesNotContain(PemBody(generated.PrivateKeyPem), text, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPem_reads_back_a_generated_pair()
    {
        var generated = ClusterCertificate.Generate(Now);

        var read = ClusterCertificate.FromPem(generated.CertificatePem, generated.PrivateKeyPem);

        Assert.Equal(generated.Sha256Fingerprint, read.Sha256Fingerprint);
        Assert.Equal(generated.NotAfter, read.NotAfter);
    }

    [Fact]
    public void FromPem_refuses_a_key_of_another_certificate()
    {
        var one = ClusterCertificate.Generate(Now);
        var other = ClusterCertificate.Generate(Now);

        var error = Assert.Throws<FormatException>(() => ClusterCertificate.FromPem(one.CertificatePem, other.PrivateKeyPem));

        Assert.DoesNotContain(PemBody(other.PrivateKeyPem), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPem_refuses_a_certificate_for_another_subject()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var request = new CertificateRequest("CN=somebody", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(Now, Now.AddDays(10));

        var error = Assert.Throws<FormatException>(
            () => ClusterCertificate.FromPem(certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem()));

        Assert.Contains("CN=somebody", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPem_refuses_a_key_that_is_not_PKCS8()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var request = new CertificateRequest(ClusterCertificate.SubjectName, key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(Now, Now.AddDays(10));

        var error = Assert.Throws<FormatException>(
            () => ClusterCertificate.FromPem(certificate.ExportCertificatePem(), key.ExportECPrivateKeyPem()));

        Assert.Contains("PKCS#8", error.Message, StringComparison.Ordinal);
    }

    private static string PemBody(string pem) => pem.Split('\n')[1];
}
