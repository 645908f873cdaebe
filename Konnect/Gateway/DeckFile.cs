namespace KonnectAspire.Konnect.Gateway;

/// <summary>Reads and writes decK declarative configuration (<c>kong.yaml</c>, <c>_format_version: "3.0"</c>).</summary>
public static class DeckFile
{
    /// <summary>Parses a decK file into the gateway model; throws <see cref="FormatException"/> naming the problem and the fix.</summary>
    public static GatewayConfiguration Parse(string yaml) => throw new NotImplementedException(yaml.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Writes the gateway model as a decK file.</summary>
    public static string Write(GatewayConfiguration configuration) => throw new NotImplementedException(configuration.ToString());
}
