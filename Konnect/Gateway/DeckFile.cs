using KonnectAspire.Konnect.Yaml;

namespace KonnectAspire.Konnect.Gateway;

/// <summary>Reads and writes decK declarative configuration (<c>kong.yaml</c>, <c>_format_version: "3.0"</c>).</summary>
/// <remarks>
/// Supported: <c>services</c> (with <c>url</c> shorthand, nested <c>routes</c> and <c>plugins</c>), top-level
/// <c>routes</c> and <c>plugins</c> referring to a service or route by name, <c>_info.select_tags</c>,
/// <c>_transform</c> and <c>_konnect</c> (the target is the caller's choice). Anything else (consumers, upstreams,
/// certificates, unknown fields) is refused with an error naming it, so nothing is dropped silently.
/// <code>
/// var configuration = DeckFile.Parse(File.ReadAllText("kong.yaml"));
/// File.WriteAllText("kong.yaml", DeckFile.Write(configuration));
/// </code>
/// </remarks>
public static class DeckFile
{
    /// <summary>Parses a decK file into the gateway model; throws <see cref="FormatException"/> naming the problem and the fix.</summary>
    /// <param name="yaml">The text of a decK 3.0 file.</param>
    /// <returns>The services, routes and plugins the file declares (not yet validated: see <see cref="GatewayConfigurationValidator"/>).</returns>
    /// <exception cref="FormatException">Invalid YAML (with line and column), a format version other than 3.0, or content this project does not sync.</exception>
    public static GatewayConfiguration Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return DeckFileReader.Read(yaml);
    }

    /// <summary>Reads the text of a decK file, refusing one larger than 8 MiB before reading it.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Its text, for <see cref="Parse"/>.</returns>
    /// <exception cref="FormatException">The file is larger than the limit.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return BoundedYaml.ReadFile(path, "The decK file");
    }

    /// <summary>Writes the gateway model as a decK file.</summary>
    /// <param name="configuration">The model to write.</param>
    /// <returns>decK 3.0 YAML that <see cref="Parse"/> reads back to an equal model.</returns>
    public static string Write(GatewayConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return DeckFileWriter.Write(configuration);
    }
}
