using System.Security.Cryptography;
using System.Text;

namespace KonnectAspire.Provisioner.Tests.Readme;

/// <summary>
/// A copy of the files git would give a clone (tracked, plus new files not ignored) for the README's commands to run in,
/// kept between runs under the temp folder, one per repository: each run brings it to the working tree (changed files
/// copied, anything else deleted) but keeps the build output in <c>bin/</c> and <c>obj/</c>, so a second run builds
/// incrementally, as a developer's clone does. The first run for a repository path (CI on a fresh machine) builds from
/// nothing.
/// </summary>
internal sealed class RepositoryCopy : IDisposable
{
    private static readonly string[] BuildFolders = ["bin", "obj"];

    // Beside each copy, the path of the repository it copies.
    private const string RootFileSuffix = ".root";

    private readonly FileStream _lock;

    private RepositoryCopy(string folder, FileStream heldLock)
    {
        Folder = folder;
        _lock = heldLock;
    }

    /// <summary>The copy's root.</summary>
    public string Folder { get; }

    public static async Task<RepositoryCopy> SyncAsync(string root)
    {
        root = Path.GetFullPath(root);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(root)))[..16];
        var parent = Path.Combine(Path.GetTempPath(), "konnectaspire-readme");
        var folder = Path.Combine(parent, key);
        Directory.CreateDirectory(folder);
        RemoveCopiesOfGoneRepositories(parent, except: folder);

        // Two test runs of one repository at once would build in the same copy; the second waits for the first.
        var heldLock = await LockAsync(folder + ".lock");
        try
        {
            await File.WriteAllTextAsync(folder + RootFileSuffix, root);
            var (exitCode, listing) = await ReadmeCommandTests.RunAsync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], root, TimeSpan.FromMinutes(1));
            Assert.True(exitCode == 0, $"git ls-files failed in {root}: {listing}");
            var files = listing.Split('\0', StringSplitOptions.RemoveEmptyEntries)
                .Where(file => File.Exists(Path.Combine(root, file)))
                .Select(file => file.Replace('/', Path.DirectorySeparatorChar))
                .ToHashSet(StringComparer.Ordinal);

            foreach (var stale in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(path => !files.Contains(Path.GetRelativePath(folder, path)) && !IsBuildOutput(Path.GetRelativePath(folder, path)))
                .ToList())
            {
                File.Delete(stale);
            }

            // A folder left empty would still tell a command (dotnet tool's store, say) that something is installed.
            // Deepest first, so a folder whose subfolders were all empty is empty by the time it is looked at.
            foreach (var directory in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).OrderByDescending(path => path.Length).ToList())
            {
                if (!Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    Directory.Delete(directory);
                }
            }

            foreach (var file in files)
            {
                CopyIfChanged(Path.Combine(root, file), Path.Combine(folder, file));
            }

            return new RepositoryCopy(folder, heldLock);
        }
        catch
        {
            await heldLock.DisposeAsync();
            throw;
        }
    }

    public void Dispose() => _lock.Dispose();

    // A copy is some 150 MB; one whose repository is gone (a clone that was deleted) is never synced again, so it goes.
    private static void RemoveCopiesOfGoneRepositories(string parent, string except)
    {
        foreach (var rootFile in Directory.EnumerateFiles(parent, "*" + RootFileSuffix))
        {
            var copy = rootFile[..^RootFileSuffix.Length];
            if (copy == except || Directory.Exists(File.ReadAllText(rootFile).Trim()))
            {
                continue;
            }

            try
            {
                // Held by a run of that repository right now: leave it.
                using (new FileStream(copy + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
                {
                    if (Directory.Exists(copy))
                    {
                        Directory.Delete(copy, recursive: true);
                    }

                    File.Delete(rootFile);
                }

                File.Delete(copy + ".lock");
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static bool IsBuildOutput(string relative)
        => relative.Split(Path.DirectorySeparatorChar).SkipLast(1).Any(segment => BuildFolders.Contains(segment, StringComparer.Ordinal));

    // An unchanged file keeps its time stamp in the copy, so MSBuild sees nothing to rebuild.
    private static void CopyIfChanged(string source, string target)
    {
        if (File.Exists(target) && new FileInfo(target).Length == new FileInfo(source).Length && File.ReadAllBytes(target).AsSpan().SequenceEqual(File.ReadAllBytes(source)))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
    }

    private static async Task<FileStream> LockAsync(string path)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (!deadline.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), deadline.Token);
            }
        }
    }
}
