using Aspire.Hosting.ApplicationModel;
using KonnectAspire.Konnect.Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.Kong.ControlPlanes;

/// <summary>The cluster certificate of a local control plane, read from the store on first use and shared with its data planes.</summary>
internal sealed class KongClusterCertificateAnnotation(ClusterCertificateStore store, string owner) : IResourceAnnotation
{
    private readonly Lazy<StoredClusterCertificate> _stored = new(() => store.GetOrCreate(owner));
    private int _reported;

    /// <summary>
    /// The certificate of <paramref name="owner"/> in the folder configured under
    /// <see cref="KongControlPlaneBuilderExtensions.ClusterCertificateDirectoryKey"/>, or the default one in the user profile.
    /// </summary>
    public static KongClusterCertificateAnnotation FromConfiguration(IConfiguration configuration, string owner)
        => new(new ClusterCertificateStore(configuration[KongControlPlaneBuilderExtensions.ClusterCertificateDirectoryKey] ?? ClusterCertificateStore.DefaultRootDirectory), owner);

    public ClusterCertificate Get(ILogger logger)
    {
        var stored = _stored.Value;
        if (Interlocked.Exchange(ref _reported, 1) == 0)
        {
            // ClusterCertificate.ToString() carries subject, validity and fingerprint, never the key.
            logger.LogInformation(
                "Cluster certificate {Origin}: {Certificate}, kept owner-only in {Directory}",
                stored.Origin.ToString().ToLowerInvariant(),
                stored.Certificate,
                stored.Directory);
        }

        return stored.Certificate;
    }
}
