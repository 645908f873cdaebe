using Aspire.Hosting.Kong.Kubernetes;
using Aspire.Hosting.Testing;
using k8s.Models;

namespace KonnectAspire.Hosting.Tests.Kubernetes;

/// <summary>The publish output folder: written whole or not at all, owning only what it wrote.</summary>
[Collection(nameof(ProcessExitCodeCollection))]
public sealed class PublishOutputFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("eks-output-").FullName;

    private string Output => Path.Combine(_root, "eks");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Publishing_again_removes_the_files_it_no_longer_produces_and_keeps_the_users()
    {
        await ManifestWriter.WriteAsync(Output, [ConfigMap("workload-a.yaml", "a"), ManifestFile.Other("kong.yaml", "_format_version: \"3.0\"\n")], default);
        File.WriteAllText(Path.Combine(Output, "notes.txt"), "mine");
        Directory.CreateDirectory(Path.Combine(Output, "patches"));
        File.WriteAllText(Path.Combine(Output, "patches", "p.yaml"), "mine too");

        await ManifestWriter.WriteAsync(Output, [ConfigMap("workload-a.yaml", "a2")], default);

        Assert.Equal([ManifestWriter.OwnershipRecordName, "notes.txt", "workload-a.yaml"], Directory.GetFiles(Output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("name: a2", File.ReadAllText(Path.Combine(Output, "workload-a.yaml")), StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(Output, "notes.txt")));
        Assert.Equal("mine too", File.ReadAllText(Path.Combine(Output, "patches", "p.yaml")));
        Assert.Equal([Output], Directory.GetDirectories(_root));
    }

    [Fact]
    public async Task A_publish_that_fails_while_writing_leaves_the_previous_output_as_it_was_and_no_temporary_folder()
    {
        await ManifestWriter.WriteAsync(Output, [ConfigMap("workload-a.yaml", "a")], default);
        var before = Snapshot();

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(
            () => ManifestWriter.WriteAsync(Output, [ConfigMap("workload-a.yaml", "changed"), ManifestFile.Other(Path.Combine("missing-folder", "x.yaml"), "x")], default));

        Assert.Contains($"The publish output '{Output}' cannot be written", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
        Assert.Equal([Output], Directory.GetDirectories(_root));
    }

    [Fact]
    public async Task A_publish_killed_between_its_two_renames_is_completed_by_the_next_one()
    {
        await ManifestWriter.WriteAsync(Output, [ConfigMap("workload-a.yaml", "a")], default);
        File.WriteAllText(Path.Combine(Output, "notes.txt"), "mine");
        Directory.Move(Output, Path.Combine(_root, ".eks.previous-0123"));
        Directory.CreateDirectory(Path.Combine(_root, ".eks.publishing-4567"));

        await ManifestWriter.WriteAsync(Output, [ConfigMap("workload-b.yaml", "b")], default);

        Assert.Equal([ManifestWriter.OwnershipRecordName, "notes.txt", "workload-b.yaml"], Directory.GetFiles(Output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal([Output], Directory.GetDirectories(_root));
    }

    [Fact]
    public async Task An_output_path_that_is_a_file_is_refused_naming_it_and_the_fix()
    {
        File.WriteAllText(Output, "not a folder");

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => ManifestWriter.WriteAsync(Output, [ConfigMap("workload-a.yaml", "a")], default));

        Assert.Equal($"The publish output '{Output}' is a file; give --output-path a folder (it is created if missing).", error.Message);
        Assert.Equal("not a folder", File.ReadAllText(Output));
    }

    [Fact]
    public async Task Switching_the_flavour_removes_the_other_flavours_files_and_keeps_the_users()
    {
        await PublishAsync(EksDataPlaneFlavor.Plain);
        Assert.True(File.Exists(Path.Combine(Output, "kong.yaml")));
        File.WriteAllText(Path.Combine(Output, "README.txt"), "mine");

        await PublishAsync(EksDataPlaneFlavor.KongOperator);

        Assert.False(File.Exists(Path.Combine(Output, "kong.yaml")));
        Assert.True(File.Exists(Path.Combine(Output, "konnect-api-auth.yaml")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(Output, "README.txt")));
    }

    [Fact]
    public async Task A_failed_publish_step_sets_a_non_zero_process_exit_code()
    {
        var file = Path.Combine(_root, "a-file");
        File.WriteAllText(file, "x");
        using var builder = DistributedApplicationTestingBuilder.Create(["AppHost:Operation=publish", $"Pipeline:OutputPath={file}", "Pipeline:Step=publish"]);
        builder.AddEksEnvironment("eks");
        builder.AddContainer("cache", "redis", "7.4").WithEndpoint(targetPort: 6379, name: "tcp", scheme: "tcp");
        try
        {
            Environment.ExitCode = 0;
            await using (var app = builder.Build())
            {
                await app.RunAsync().WaitAsync(PublishOutputs.Timeout);
            }

            Assert.Equal(EksPublisher.FailureExitCode, Environment.ExitCode);
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }

    private async Task PublishAsync(EksDataPlaneFlavor flavor)
    {
        using var builder = DistributedApplicationTestingBuilder.Create(["AppHost:Operation=publish", $"Pipeline:OutputPath={_root}", "Pipeline:Step=publish"]);
        builder.AddEksEnvironment("eks").WithDataPlaneFlavor(flavor);
        builder.AddKongDataPlane("kong-dp", builder.AddKongControlPlane("kong"), instances: 1);
        await using var app = builder.Build();
        await app.RunAsync().WaitAsync(PublishOutputs.Timeout);
    }

    private static ManifestFile ConfigMap(string file, string name) =>
        ManifestFile.Objects(file, new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta { Name = name } });

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(Output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);
}
