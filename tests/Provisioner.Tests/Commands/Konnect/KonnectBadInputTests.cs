using KonnectAspire.TestSupport;

namespace KonnectAspire.Provisioner.Tests.Commands.Konnect;

public sealed class KonnectBadInputTests : IDisposable
{
    // Nothing listens here: a test that got past input checking would fail to connect instead of passing.
    private const string Unreachable = "http://127.0.0.1:9/";

    private readonly ProvisionerRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task No_token_is_a_clear_error_before_anything_is_written()
    {
        Assert.Equal(2, await _run.InvokeAsync("konnect", "up", "--base-url", Unreachable));

        Assert.Contains("KONNECT_TOKEN", _run.Error, StringComparison.Ordinal);
        Assert.Contains("--token-file", _run.Error, StringComparison.Ordinal);
        Assert.Contains("Generate token", _run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_run.WorkingDirectory));
    }

    [Fact]
    public async Task A_token_with_the_wrong_prefix_is_refused_without_being_echoed()
    {
        _run.WithEnvironment("KONNECT_TOKEN", "Bearer kpat_leaky0secret");

        Assert.Equal(2, await _run.InvokeAsync("konnect", "up", "--base-url", Unreachable));

        Assert.Contains("does not start with kpat_", _run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("leaky0secret", _run.Output + _run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_run.WorkingDirectory));
    }

    [Fact]
    public async Task An_unreadable_token_file_is_a_clear_error_before_anything_is_written()
    {
        var folderNotFile = Directory.CreateDirectory(Path.Combine(_run.WorkingDirectory, "token")).FullName;

        Assert.Equal(2, await _run.InvokeAsync("konnect", "up", "--token-file", Path.Combine(_run.WorkingDirectory, "missing"), "--base-url", Unreachable));
        Assert.Contains("--token-file names no file", _run.Error, StringComparison.Ordinal);
        Assert.Equal(2, await _run.InvokeAsync("konnect", "up", "--token-file", folderNotFile, "--base-url", Unreachable));

        Assert.Contains("--token-file names no file", _run.Error, StringComparison.Ordinal);
        Assert.Equal([folderNotFile], Directory.EnumerateFileSystemEntries(_run.WorkingDirectory));
    }

    [Fact]
    public async Task A_token_file_wins_over_the_environment_and_its_trailing_newline_is_ignored()
    {
        var file = Path.Combine(_run.WorkingDirectory, "token");
        await File.WriteAllTextAsync(file, "ghp_not_konnect\n");
        _run.WithEnvironment("KONNECT_TOKEN", "kpat_fine");

        Assert.Equal(2, await _run.InvokeAsync("konnect", "status", "--token-file", file, "--base-url", Unreachable));

        Assert.Contains($"the token file '{file}'", _run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_is_never_taken_as_an_argument()
    {
        Assert.NotEqual(0, await _run.InvokeAsync("konnect", "up", "--token", "kpat_on0the0command0line", "--base-url", Unreachable));

        Assert.Empty(Directory.EnumerateFileSystemEntries(_run.WorkingDirectory));
    }

    [Theory]
    [InlineData("--region", "mars", "us, eu, au, me, in, sg")]
    [InlineData("--base-url", "ftp://example", "--base-url must be an absolute http(s) URL")]
    [InlineData("--control-plane", "x", "2 to 256 characters")]
    public async Task Bad_options_name_the_fix(string option, string value, string expected)
    {
        _run.WithEnvironment("KONNECT_TOKEN", "kpat_fine");

        Assert.Equal(2, await _run.InvokeAsync("konnect", "up", option, value));

        Assert.Contains(expected, _run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_run.WorkingDirectory));
    }

    [Fact]
    public async Task Sync_of_a_path_that_does_not_exist_says_what_to_give()
    {
        _run.WithEnvironment("KONNECT_TOKEN", "kpat_fine");

        Assert.Equal(2, await _run.InvokeAsync("konnect", "sync", "nowhere", "--base-url", Unreachable));

        Assert.Contains("give a decK kong.yaml or the publish output folder", _run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_of_a_folder_without_kong_yaml_says_to_publish_first()
    {
        _run.WithEnvironment("KONNECT_TOKEN", "kpat_fine");
        Directory.CreateDirectory(Path.Combine(_run.WorkingDirectory, "aspire-output"));

        Assert.Equal(2, await _run.InvokeAsync("konnect", "sync", "aspire-output", "--base-url", Unreachable));

        Assert.Contains("No kong.yaml under", _run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_of_a_plugin_Kong_Enterprise_does_not_bundle_names_the_nearest_before_calling_Konnect()
    {
        _run.WithEnvironment("KONNECT_TOKEN", "kpat_fine");
        var deck = Path.Combine(_run.WorkingDirectory, "kong.yaml");
        await File.WriteAllTextAsync(deck, "_format_version: \"3.0\"\nplugins:\n  - name: rate-limiting-advnced\n    config: {}\n");

        Assert.Equal(2, await _run.InvokeAsync("konnect", "sync", deck, "--base-url", Unreachable));

        Assert.Contains("Plugin 'rate-limiting-advnced' is not a plugin Kong Enterprise (Konnect) bundles; did you mean 'rate-limiting-advanced'", _run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_of_an_alias_bomb_is_refused_naming_the_file()
    {
        _run.WithEnvironment("KONNECT_TOKEN", "kpat_fine");
        var deck = Path.Combine(_run.WorkingDirectory, "kong.yaml");
        await File.WriteAllTextAsync(deck, "_format_version: \"3.0\"\n" + YamlBombs.AliasBomb.Replace("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\n", "_info:\n  ", StringComparison.Ordinal));

        Assert.Equal(2, await _run.InvokeAsync("konnect", "sync", deck, "--base-url", Unreachable));

        Assert.Contains("aliases expand to more than", _run.Error, StringComparison.Ordinal);
        Assert.Contains(deck, _run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_of_a_Kong_Operator_publish_output_says_the_operator_syncs_it()
    {
        _run.WithEnvironment("KONNECT_TOKEN", "kpat_fine");
        var output = Directory.CreateDirectory(Path.Combine(_run.WorkingDirectory, "eks")).FullName;
        await File.WriteAllTextAsync(Path.Combine(output, "kustomization.yaml"), "resources: []\n");

        Assert.Equal(2, await _run.InvokeAsync("konnect", "sync", output, "--base-url", Unreachable));

        Assert.Contains("is a Kong Operator publish output", _run.Error, StringComparison.Ordinal);
        Assert.Contains("EksDataPlaneFlavor.Plain", _run.Error, StringComparison.Ordinal);
    }
}
