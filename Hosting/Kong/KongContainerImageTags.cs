using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Kong;

/// <summary>The one place where the images this integration runs are pinned.</summary>
internal static class KongContainerImageTags
{
    /// <summary>docker.io</summary>
    public const string Registry = "docker.io";

    /// <summary>The open-source Kong image; the 3.9 line is the last open-source release.</summary>
    public const string Image = "library/kong";

    /// <summary>3.9.3</summary>
    public const string Tag = "3.9.3";

    /// <summary>The Kong Gateway (Enterprise) image that Konnect data planes run.</summary>
    public const string GatewayImage = "kong/kong-gateway";

    /// <summary>3.10.0.1</summary>
    public const string GatewayTag = "3.10.0.1";

    /// <summary>The image and tag of the Kong that data planes of <paramref name="edition"/> run.</summary>
    public static (string Image, string Tag) For(KongEdition edition) => edition == KongEdition.Enterprise
        ? (GatewayImage, GatewayTag)
        : (Image, Tag);
}
