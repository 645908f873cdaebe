using System.Runtime.CompilerServices;

namespace KonnectAspire.Hosting.Tests.Kubernetes;

/// <summary>
/// Compares output with the checked-in files under Kubernetes/Golden/&lt;case&gt;/. Set KONNECTASPIRE_ACCEPT_GOLDEN=1 to
/// rewrite them from the current output instead (then review the diff and commit it).
/// </summary>
internal static class GoldenFiles
{
    public const string AcceptVariable = "KONNECTASPIRE_ACCEPT_GOLDEN";

    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    public static void Verify(string caseName, IReadOnlyList<(string Name, string Content)> files, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden", caseName);
        if (Accepting)
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            Directory.CreateDirectory(directory);
            foreach (var (name, content) in files)
            {
                File.WriteAllText(Path.Combine(directory, name), content);
            }

            return;
        }

        Assert.True(Directory.Exists(directory), $"No golden files in {directory}; run the tests once with {AcceptVariable}=1 and review them.");
        var expectedNames = Directory.GetFiles(directory).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedNames, files.Select(f => f.Name).Order(StringComparer.Ordinal).ToList());
        foreach (var (name, content) in files)
        {
            var expected = File.ReadAllText(Path.Combine(directory, name));
            Assert.True(expected == content, $"{caseName}/{name} differs from the golden file. If the change is intended, re-run with {AcceptVariable}=1 and review the diff.\n--- expected\n{expected}\n--- actual\n{content}");
        }
    }
}
