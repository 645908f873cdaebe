namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A decK file (<c>kong.yaml</c>, <c>_format_version: "3.0"</c>) recorded on a control plane; its services, routes and
/// plugins are merged into the gateway config when it is built.
/// </summary>
/// <param name="path">The full path of the file.</param>
public sealed class KongDeclarativeConfigAnnotation(string path) : IResourceAnnotation
{
    /// <summary>The full path of the file.</summary>
    public string Path { get; } = path;
}
