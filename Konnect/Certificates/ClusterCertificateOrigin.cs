namespace KonnectAspire.Konnect.Certificates;

/// <summary>Where a stored cluster certificate came from on this call.</summary>
public enum ClusterCertificateOrigin
{
    /// <summary>None was stored (or the stored files were unreadable), so a new one was made.</summary>
    Generated,

    /// <summary>The stored one is valid and was reused.</summary>
    Reused,

    /// <summary>The stored one expired or was about to, so a new one replaced it.</summary>
    Renewed,
}
