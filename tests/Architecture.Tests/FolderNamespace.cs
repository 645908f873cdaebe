using System.Text.RegularExpressions;

namespace KonnectAspire.Architecture.Tests;

/// <summary>
/// The README's rule that a room's folders are its namespaces: the namespace a source file must declare, from the
/// folder it is in, and the one exception Aspire's convention makes for an integration's public surface.
/// </summary>
internal static partial class FolderNamespace
{
    /// <summary>Each product project's folder and the namespace of its root folder.</summary>
    public static readonly IReadOnlyDictionary<string, string> Roots = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Konnect"] = "KonnectAspire.Konnect",
        ["Deployment"] = "KonnectAspire.Deployment",
        ["Provisioner"] = "KonnectAspire.Provisioner",
        ["SampleService"] = "KonnectAspire.SampleService",
        ["LlmStandIn"] = "KonnectAspire.LlmStandIn",
        ["Hosting"] = "Aspire.Hosting.Kong",
        // As in Aspire's service-defaults template, so that a service's Program.cs needs no using.
        ["ServiceDefaults"] = "Microsoft.Extensions.Hosting",
    };

    // Hosting's shared room is the root namespace itself, and its resources are Aspire's ApplicationModel.
    private static readonly Dictionary<string, string> HostingFolders = new(StringComparer.Ordinal)
    {
        ["Kong"] = "Aspire.Hosting.Kong",
        ["ApplicationModel"] = "Aspire.Hosting.ApplicationModel",
    };

    // Aspire's convention: an integration's builder extensions and resources are public in these, whatever folder.
    private static readonly string[] PublicSurface = ["Aspire.Hosting", "Aspire.Hosting.ApplicationModel"];

    /// <summary>
    /// What is wrong with the file at <paramref name="relativePath"/> (from the repository root, '/' separated) holding
    /// <paramref name="source"/>, or null when it declares the namespace of its folder.
    /// </summary>
    public static string? Mismatch(string relativePath, string source)
    {
        var segments = relativePath.Split('/');
        var folders = segments[1..^1];
        var declared = NamespaceDeclaration().Match(source) is { Success: true } match ? match.Groups[1].Value : null;
        if (declared is null)
        {
            // Top-level statements (a Program.cs) have no namespace; a type in the global namespace is a mistake.
            return TypeDeclaration().IsMatch(source) ? $"{relativePath} declares a type in the global namespace" : null;
        }

        var expected = Expected(segments[0], folders);
        if (declared == expected)
        {
            return null;
        }

        if (segments[0] == "Hosting" && PublicSurface.Contains(declared) && PublicTypeDeclaration().IsMatch(source))
        {
            return null;
        }

        return $"{relativePath} declares namespace {declared}; its folder's is {expected}";
    }

    private static string Expected(string project, string[] folders)
    {
        if (project == "Hosting" && folders.Length > 0 && HostingFolders.TryGetValue(folders[0], out var special))
        {
            return string.Join('.', [special, .. folders[1..]]);
        }

        return string.Join('.', [Roots[project], .. folders]);
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^\s*(?:(?:public|internal|static|sealed|abstract|partial|readonly|file)\s+)*(?:class|record|interface|enum|struct)\s+\w", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^\s*public\s+(?:(?:static|sealed|abstract|partial|readonly)\s+)*(?:class|record|interface|enum|struct)\s+\w", RegexOptions.Multiline)]
    private static partial Regex PublicTypeDeclaration();
}
