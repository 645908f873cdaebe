namespace KonnectAspire.Konnect.Gateway;

/// <summary>Checks a gateway model the way Kong would, so that mistakes surface before anything is sent.</summary>
public static class GatewayConfigurationValidator
{
    /// <summary>Every problem found, each a sentence naming the entity and the fix; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(GatewayConfiguration configuration) => throw new NotImplementedException(configuration.ToString());

    /// <summary>Why Kong would reject <paramref name="path"/> as a route path, or null when it is valid.</summary>
    public static string? ValidateRoutePath(string path) => throw new NotImplementedException(path);
}
