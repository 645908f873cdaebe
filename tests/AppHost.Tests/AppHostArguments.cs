namespace KonnectAspire.AppHost.Tests;

/// <summary>Command-line configuration for the AppHost under test.</summary>
internal static class AppHostArguments
{
    /// <summary>A Konnect token with the right shape; never sent anywhere by the model tests.</summary>
    public const string Token = "kpat_apphosttest0123456789";

    /// <summary>The local control plane, whatever the developer's user secrets say.</summary>
    public const string LocalMode = "ControlPlane=local";

    /// <summary>Konnect mode with a token, as <c>dotnet user-secrets set ControlPlane konnect</c> and <c>… Parameters:konnect-token …</c> do.</summary>
    public static readonly string[] KonnectMode = ["ControlPlane=konnect", $"Parameters:konnect-token={Token}"];
}
