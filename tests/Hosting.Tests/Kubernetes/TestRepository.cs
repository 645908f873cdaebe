namespace KonnectAspire.Hosting.Tests.Kubernetes;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class TestRepository
{
    public static string PathOf(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KonnectAspire.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine([directory?.FullName ?? throw new InvalidOperationException("KonnectAspire.sln not found above the test output"), .. parts]);
    }
}
