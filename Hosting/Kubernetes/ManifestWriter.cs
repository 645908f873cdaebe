using System.Text.Json;
using System.Text.Json.Nodes;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>
/// Writes the publish output whole or not at all: every file is rendered in memory, written into a temporary sibling
/// folder and the folder swapped in, so an interrupted or failed publish leaves the previous output as it was. The
/// output records the files it owns (<see cref="OwnershipRecordName"/>): the next publish removes those it no longer
/// produces (another flavour's kong.yaml, a removed workload) and carries over everything else a user put there.
/// </summary>
internal static class ManifestWriter
{
    /// <summary>The file, inside the output, that lists what publishing wrote there.</summary>
    public const string OwnershipRecordName = ".konnectaspire-output.json";

    private const string StagingMarker = ".publishing-";
    private const string PreviousMarker = ".previous-";

    public static IReadOnlyList<(string Name, string Content)> Render(IEnumerable<ManifestFile> files) =>
        [.. files.Select(f => (f.Name, f.Render()))];

    public static async Task<IReadOnlyList<string>> WriteAsync(string directory, IEnumerable<ManifestFile> files, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var rendered = Render(files);
        var target = Path.GetFullPath(directory);
        var parent = Path.GetDirectoryName(target) ?? throw Refused(target, "is a root folder; publish into a folder below it");
        var name = Path.GetFileName(target);
        if (File.Exists(target))
            throw Refused(target, "is a file; give --output-path a folder (it is created if missing)");
        if (File.Exists(parent))
            throw Refused(parent, "is a file; give --output-path a folder (it is created if missing)");

        var staging = Path.Combine(parent, $".{name}{StagingMarker}{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            Recover(parent, name, target);
            Directory.CreateDirectory(staging);
            foreach (var (file, content) in rendered)
            {
                await File.WriteAllTextAsync(Path.Combine(staging, file), content, cancellationToken).ConfigureAwait(false);
            }

            var produced = rendered.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
            if (Directory.Exists(target))
                CarryOverUserEntries(target, staging, produced);
            await File.WriteAllTextAsync(Path.Combine(staging, OwnershipRecordName), Record(produced), cancellationToken).ConfigureAwait(false);
            Swap(parent, name, target, staging);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(staging);
            throw Refused(target, $"cannot be written ({ex.Message}); check that the folder is writable, or pass another --output-path", ex);
        }
        catch
        {
            TryDelete(staging);
            throw;
        }

        return [.. rendered.Select(r => Path.Combine(target, r.Name))];
    }

    // The previous output stays whole until the new one is complete; it is moved aside only for the two renames.
    private static void Swap(string parent, string name, string target, string staging)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }

        var previous = Path.Combine(parent, $".{name}{PreviousMarker}{Guid.NewGuid():N}");
        Directory.Move(target, previous);
        try
        {
            Directory.Move(staging, target);
        }
        catch
        {
            Directory.Move(previous, target);
            throw;
        }

        TryDelete(previous);
    }

    // A publish killed between the two renames left the previous output beside the target: put it back. Staging
    // folders of killed publishes are left-overs of this tool and go.
    private static void Recover(string parent, string name, string target)
    {
        foreach (var leftover in Directory.GetDirectories(parent, $".{name}{StagingMarker}*"))
        {
            TryDelete(leftover);
        }

        var previous = Directory.GetDirectories(parent, $".{name}{PreviousMarker}*");
        if (!Directory.Exists(target) && previous.Length > 0)
            Directory.Move(previous.OrderByDescending(Directory.GetLastWriteTimeUtc).First(), target);
        foreach (var stale in Directory.GetDirectories(parent, $".{name}{PreviousMarker}*"))
        {
            TryDelete(stale);
        }
    }

    // Files an earlier publish wrote are not carried over (what is still produced was just written again); anything
    // else in the folder is the user's and is copied into the new output as it is.
    private static void CarryOverUserEntries(string target, string staging, HashSet<string> produced)
    {
        var owned = ReadRecord(target);
        foreach (var entry in new DirectoryInfo(target).EnumerateFileSystemInfos())
        {
            if (entry.Name == OwnershipRecordName || owned.Contains(entry.Name) || produced.Contains(entry.Name))
                continue;
            Copy(entry, Path.Combine(staging, entry.Name));
        }
    }

    private static void Copy(FileSystemInfo entry, string destination)
    {
        if (entry is FileInfo file)
        {
            file.CopyTo(destination);
            return;
        }

        Directory.CreateDirectory(destination);
        foreach (var child in ((DirectoryInfo)entry).EnumerateFileSystemInfos())
        {
            Copy(child, Path.Combine(destination, child.Name));
        }
    }

    private static HashSet<string> ReadRecord(string target)
    {
        var path = Path.Combine(target, OwnershipRecordName);
        if (!File.Exists(path) || new FileInfo(path).Length > 1024 * 1024)
            return [];
        try
        {
            return JsonNode.Parse(File.ReadAllText(path))?["files"] is JsonArray list
                ? list.Select(n => n?.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : null)
                    .OfType<string>()
                    .Where(n => n.Length > 0 && n == Path.GetFileName(n))
                    .ToHashSet(StringComparer.Ordinal)
                : [];
        }
        catch (JsonException)
        {
            // A damaged record owns nothing: the user's files are kept rather than guessed at.
            return [];
        }
    }

    private static string Record(IEnumerable<string> produced) => new JsonObject
    {
        ["comment"] = "Written by KonnectAspire publishing: the files listed are replaced or removed by the next publish; anything else here is kept.",
        ["files"] = new JsonArray([.. produced.Order(StringComparer.Ordinal).Select(n => JsonValue.Create(n))]),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A left-over temporary folder is removed by the next publish (Recover).
        }
    }

    private static DistributedApplicationException Refused(string path, string problem, Exception? inner = null) =>
        inner is null ? new($"The publish output '{path}' {problem}.") : new($"The publish output '{path}' {problem}.", inner);
}
