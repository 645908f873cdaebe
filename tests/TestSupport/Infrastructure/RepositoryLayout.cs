namespace KonnectAspire.TestSupport.Infrastructure;

/// <summary>Paths in this repository, found from the test output folder.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string SampleServiceProject => Path.Combine(Root, "SampleService", "SampleService.csproj");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KonnectAspire.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"KonnectAspire.sln not found above {AppContext.BaseDirectory}; run the tests from a clone of the repository.");
    }
}
