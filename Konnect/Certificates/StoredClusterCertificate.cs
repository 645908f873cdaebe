namespace KonnectAspire.Konnect.Certificates;

/// <summary>A cluster certificate kept by a <see cref="ClusterCertificateStore"/>.</summary>
/// <param name="Certificate">The certificate and key.</param>
/// <param name="Directory">The owner-only folder holding <c>cluster.crt</c> and <c>cluster.key</c>.</param>
/// <param name="Origin">Whether it was reused, renewed or generated on this call.</param>
public sealed record StoredClusterCertificate(ClusterCertificate Certificate, string Directory, ClusterCertificateOrigin Origin);
