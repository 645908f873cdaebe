namespace KonnectAspire.AppHost.Tests;

/// <summary>Command-line configuration for the AppHost under test.</summary>
internal static class AppHostArguments
{
    /// <summary>A Konnect token with the right shape; never sent anywhere by the model tests.</summary>
    public const string Token = "kpat_apphosttest0123456789";

    /// <summary>Blanks the Konnect token, so one in the developer's user secrets does not switch the tests to Konnect mode.</summary>
    public const string LocalMode = "Parameters:konnect-token=";

    /// <summary>Gives the AppHost a Konnect token, as <c>dotnet user-secrets set Parameters:konnect-token …</c> does.</summary>
    public const string KonnectMode = $"Parameters:konnect-token={Token}";
}
