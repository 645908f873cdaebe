using System.Security.Cryptography;
using System.Text;

namespace KonnectAspire.Konnect.Certificates;

/// <summary>
/// Keeps one <see cref="ClusterCertificate"/> per owner (an AppHost and its control plane) outside any repository,
/// in owner-only files (folders 0700, files 0600 on Unix), reuses it across restarts and renews it when it is
/// within <see cref="RenewalWindow"/> of expiring.
/// </summary>
/// <param name="rootDirectory">The folder under which each owner gets its own folder.</param>
/// <param name="timeProvider">The clock; the system clock when null.</param>
public sealed class ClusterCertificateStore(string rootDirectory, TimeProvider? timeProvider = null)
{
    /// <summary>The certificate file in an owner's folder.</summary>
    public const string CertificateFileName = "cluster.crt";

    /// <summary>The private key file in an owner's folder.</summary>
    public const string KeyFileName = "cluster.key";


    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>
    /// The default root: <c>KonnectAspire/cluster-certificates</c> in the user's local application data
    /// (<c>~/.local/share</c> on Linux, <c>~/Library/Application Support</c> on macOS, <c>%LOCALAPPDATA%</c> on Windows).
    /// </summary>
    public static string DefaultRootDirectory { get; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "KonnectAspire",
        "cluster-certificates");

    /// <summary>The folder under which each owner gets its own folder.</summary>
    public string RootDirectory { get; } = Path.GetFullPath(rootDirectory);

    /// <summary>How long before expiry a stored certificate is replaced; 30 days unless set.</summary>
    public TimeSpan RenewalWindow { get; init; } = TimeSpan.FromDays(30);

    /// <summary>How many days a new certificate is valid; 1095, as <c>kong hybrid gen_cert</c>, unless set.</summary>
    public int ValidityDays { get; init; } = ClusterCertificate.DefaultValidityDays;

    /// <summary>The folder of one owner: a hash of <paramref name="owner"/>, so paths and names never leak into the folder name.</summary>
    /// <param name="owner">Who the certificate belongs to, e.g. the AppHost path and the control plane name.</param>
    /// <returns>The full path of the owner's folder.</returns>
    public string GetDirectory(string owner)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(owner)));
        return Path.Combine(RootDirectory, hash[..24]);
    }

    /// <summary>Returns the stored certificate of <paramref name="owner"/>, making or renewing it when needed.</summary>
    /// <param name="owner">Who the certificate belongs to, e.g. the AppHost path and the control plane name.</param>
    /// <returns>The certificate, its folder and whether it was reused, renewed or generated.</returns>
    public StoredClusterCertificate GetOrCreate(string owner)
    {
        var directory = GetDirectory(owner);
        OwnerOnlyFiles.CreateDirectory(RootDirectory);
        OwnerOnlyFiles.CreateDirectory(directory);

        var certificatePath = Path.Combine(directory, CertificateFileName);
        var keyPath = Path.Combine(directory, KeyFileName);
        var now = _time.GetUtcNow();

        var stored = TryRead(certificatePath, keyPath);
        if (stored is not null && !stored.ExpiresWithin(now, RenewalWindow))
        {
            OwnerOnlyFiles.RestrictToOwner(certificatePath);
            OwnerOnlyFiles.RestrictToOwner(keyPath);
            return new StoredClusterCertificate(stored, directory, ClusterCertificateOrigin.Reused);
        }

        var created = ClusterCertificate.Generate(now, ValidityDays);
        OwnerOnlyFiles.Write(keyPath, created.PrivateKeyPem);
        OwnerOnlyFiles.Write(certificatePath, created.CertificatePem);
        var origin = stored is null ? ClusterCertificateOrigin.Generated : ClusterCertificateOrigin.Renewed;
        return new StoredClusterCertificate(created, directory, origin);
    }

    private static ClusterCertificate? TryRead(string certificatePath, string keyPath)
    {
        if (!File.Exists(certificatePath) || !File.Exists(keyPath))
        {
            return null;
        }

        try
        {
            return ClusterCertificate.FromPem(File.ReadAllText(certificatePath), File.ReadAllText(keyPath));
        }
        catch (FormatException)
        {
            // A half-written or foreign pair is replaced rather than handed to Kong, which would refuse to start.
            return null;
        }
    }
}
