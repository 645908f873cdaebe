namespace Aspire.Hosting.Kong;

/// <summary>The standalone Aspire dashboard image published to EKS as the default trace receiver, pinned to this Aspire release.</summary>
internal static class AspireDashboardContainerImageTags
{
    /// <summary>mcr.microsoft.com</summary>
    public const string Registry = "mcr.microsoft.com";

    /// <summary>dotnet/aspire-dashboard</summary>
    public const string Image = "dotnet/aspire-dashboard";

    /// <summary>13.6.5, the Aspire version of the AppHost.</summary>
    public const string Tag = "13.6.5";
}
