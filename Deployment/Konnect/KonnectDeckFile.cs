using KonnectAspire.Konnect.Gateway;

namespace KonnectAspire.Deployment.Konnect;

/// <summary>A decK file meant for a Konnect control plane, read and checked before anything is sent.</summary>
public static class KonnectDeckFile
{
    /// <summary>The name publishing gives the plain flavour's gateway config.</summary>
    public const string FileName = "kong.yaml";

    /// <summary>
    /// Reads <paramref name="path"/> (bounded, decK 3.0) and checks it with Kong 3.9's rules and the plugins Kong
    /// Enterprise bundles, since Konnect data planes run Kong Enterprise; every problem is bad input naming the file.
    /// </summary>
    public static GatewayConfiguration Read(string path)
    {
        GatewayConfiguration configuration;
        try
        {
            configuration = DeckFile.Parse(DeckFile.ReadFile(path));
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            throw DeploymentException.BadInput($"Cannot use '{path}': {ex.Message}", ex);
        }

        var problems = GatewayConfigurationValidator.Validate(configuration)
            .Concat(GatewayConfigurationValidator.FindUnbundledPlugins(configuration, enterprise: true, "Kong Enterprise (Konnect)"))
            .ToList();
        return problems.Count == 0
            ? configuration
            : throw DeploymentException.BadInput($"'{path}' is not a gateway config Kong accepts:\n  - {string.Join("\n  - ", problems)}");
    }
}
