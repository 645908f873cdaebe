using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace KonnectAspire.AppHost.Tests;

/// <summary>
/// The AppHost's publish process killed at moments spread over its run: the output folder always holds a whole
/// publish (the earlier one or the new one), or, killed between the two renames of the swap, the earlier one set aside
/// for the next publish to restore; the next publish leaves exactly one whole output and no temporary folder.
/// </summary>
public sealed class PublishKillTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(2);

    private readonly string _root = Directory.CreateTempSubdirectory("konnectaspire-publish-kill-").FullName;

    private string Eks => Path.Combine(_root, "eks");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_publish_killed_at_any_moment_leaves_a_whole_output_and_the_next_one_cleans_up()
    {
        Assert.Equal(0, await PublishAsync(killAfter: null));
        var clock = Stopwatch.StartNew();   // the second, warm publish sets the pace of the kills
        Assert.Equal(0, await PublishAsync(killAfter: null));
        var duration = clock.Elapsed;
        var whole = Snapshot(Eks);
        Assert.NotEmpty(whole);

        // Most of a publish is start-up; the writing happens in its last tenth, so the kills crowd there.
        foreach (var share in new[] { 0.5, 0.75, 0.85, 0.9, 0.93, 0.96, 0.98, 1.0 })
        {
            var delay = (int)(duration.TotalMilliseconds * share);
            var exit = await PublishAsync(TimeSpan.FromMilliseconds(delay));
            var previous = Directory.GetDirectories(_root, ".eks.previous-*");
            var survivor = Directory.Exists(Eks) ? Eks : Assert.Single(previous);
            Assert.Equal(whole, Snapshot(survivor));
            output.WriteLine($"{(exit is null ? $"killed after {delay} ms" : $"finished before {delay} ms")}: {(survivor == Eks ? "eks/ whole" : "eks/ set aside whole")}, {Directory.GetDirectories(_root, ".eks.*").Length} temporary folder(s)");
        }

        Assert.Equal(0, await PublishAsync(killAfter: null));
        Assert.Equal(whole, Snapshot(Eks));
        Assert.Empty(Directory.GetDirectories(_root, ".eks.*"));
    }

    // Every file the ownership record lists, with its text; the record itself must be whole JSON.
    private static Dictionary<string, string> Snapshot(string folder)
    {
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ".konnectaspire-output.json")))!;
        var files = record["files"]!.AsArray().Select(file => (string)file!).ToList();
        Assert.NotEmpty(files);
        return files.ToDictionary(file => file, file => File.ReadAllText(Path.Combine(folder, file)));
    }

    private async Task<int?> PublishAsync(TimeSpan? killAfter)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "KonnectAspire.AppHost.dll"), "--operation", "publish", "--step", "publish", "--output-path", _root },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(killAfter ?? PublishTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.True(killAfter is not null, $"publish did not finish within {PublishTimeout}: {await stdout} {await stderr}");
            return null;
        }

        if (process.ExitCode != 0)
        {
            output.WriteLine($"{await stdout}\n{await stderr}");
        }

        return process.ExitCode;
    }
}
