namespace KonnectAspire.TestSupport.Infrastructure;

/// <summary>A folder of its own under the temp folder for one test, removed with everything in it when disposed.</summary>
public sealed class TemporaryFolder : IDisposable
{
    /// <param name="group">The temp subfolder that groups a project's test folders, e.g. <c>konnectaspire-apphost-tests</c>.</param>
    public TemporaryFolder(string group)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), group, Guid.NewGuid().ToString("N"));
    }

    /// <summary>The folder's full path; what runs under the test creates it when it needs it.</summary>
    public string Path { get; }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
