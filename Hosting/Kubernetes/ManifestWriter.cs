namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>Writes the publish output: renders every file in memory first, so a failure leaves no half-written directory.</summary>
internal static class ManifestWriter
{
    public static IReadOnlyList<(string Name, string Content)> Render(IEnumerable<ManifestFile> files) =>
        [.. files.Select(f => (f.Name, f.Render()))];

    public static async Task<IReadOnlyList<string>> WriteAsync(string directory, IEnumerable<ManifestFile> files, CancellationToken cancellationToken)
    {
        var rendered = Render(files);
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var (name, content) in rendered)
        {
            var path = Path.Combine(directory, name);
            await File.WriteAllTextAsync(path, content, cancellationToken).ConfigureAwait(false);
            paths.Add(path);
        }

        return paths;
    }
}
