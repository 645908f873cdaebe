using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KonnectAspire.Konnect.Kubernetes;
using KonnectAspire.TestSupport.Konnect;

namespace KonnectAspire.Provisioner.Tests.Commands.Konnect;

public sealed class KonnectUpTests : IAsyncLifetime, IDisposable
{
    private const string Name = "shop";
    private readonly ProvisionerRun _run = new ProvisionerRun().WithEnvironment("KONNECT_TOKEN", "spat_fake0konnect0token");
    private FakeKonnect _konnect = null!;

    private string[] Up => ["konnect", "up", "-c", Name, "--base-url", _konnect.BaseAddress.AbsoluteUri, "-n", "kong"];

    private string Folder => _run.OutputDirectory(Name);

    public async Task InitializeAsync() => _konnect = await FakeKonnect.StartAsync();

    public async Task DisposeAsync() => await _konnect.DisposeAsync();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task A_second_up_changes_nothing_and_says_so()
    {
        Assert.Equal(0, await _run.InvokeAsync(Up));
        var writesAfterFirst = _konnect.Writes;
        var filesAfterFirst = Directory.GetFiles(Folder).ToDictionary(f => f, File.ReadAllText);

        Assert.Equal(0, await _run.InvokeAsync(Up));

        Assert.Contains("Nothing to change", _run.Output, StringComparison.Ordinal);
        Assert.Equal(writesAfterFirst, _konnect.Writes);
        Assert.Equal(filesAfterFirst, Directory.GetFiles(Folder).ToDictionary(f => f, File.ReadAllText));
        var controlPlane = Assert.Single(_konnect.ControlPlanes);
        Assert.Single(_konnect.PinnedCertificates(Guid.Parse(controlPlane["id"]!.GetValue<string>())));
    }

    [Fact]
    public async Task By_default_up_writes_the_private_key_in_the_user_data_folder_not_the_current_folder()
    {
        Assert.Equal(0, await _run.InvokeAsync(Up));

        Assert.True(File.Exists(Path.Combine(_run.KonnectRoot, Name, "tls.key")), _run.Transcript);
        Assert.Empty(Directory.EnumerateFiles(_run.WorkingDirectory, "tls.key", SearchOption.AllDirectories));
        Assert.Contains(Path.Combine(_run.KonnectRoot, Name), _run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_pins_the_certificate_it_writes_and_writes_a_tls_secret_and_the_endpoints()
    {
        Assert.Equal(0, await _run.InvokeAsync(Up));

        var controlPlane = Assert.Single(_konnect.ControlPlanes);
        var certificate = await File.ReadAllTextAsync(Path.Combine(Folder, "tls.crt"));
        Assert.Equal(certificate, Assert.Single(_konnect.PinnedCertificates(Guid.Parse(controlPlane["id"]!.GetValue<string>()))));
        var objects = KubernetesYaml.LoadAllFromString(await File.ReadAllTextAsync(Path.Combine(Folder, "konnect-cluster.yaml")));
        var secret = Assert.Single(objects.OfType<V1Secret>());
        Assert.Equal(KonnectKubernetesNames.ClusterCertificateSecret, secret.Metadata.Name);
        Assert.Equal("kong", secret.Metadata.NamespaceProperty);
        Assert.Equal("kubernetes.io/tls", secret.Type);
        Assert.Equal(certificate, System.Text.Encoding.UTF8.GetString(secret.Data["tls.crt"]));
        Assert.Contains("BEGIN PRIVATE KEY", System.Text.Encoding.UTF8.GetString(secret.Data["tls.key"]), StringComparison.Ordinal);
        var endpoints = Assert.Single(objects.OfType<V1ConfigMap>());
        Assert.Equal(KonnectKubernetesNames.EndpointsConfigMap, endpoints.Metadata.Name);
        var host = new Uri(controlPlane["config"]!["control_plane_endpoint"]!.GetValue<string>()).Host;
        Assert.Equal($"{host}:443", endpoints.Data["KONG_CLUSTER_CONTROL_PLANE"]);
        Assert.Equal(host, endpoints.Data["KONG_CLUSTER_SERVER_NAME"]);
        Assert.EndsWith(".tp0.konghq.com:443", endpoints.Data["KONG_CLUSTER_TELEMETRY_ENDPOINT"], StringComparison.Ordinal);
        Assert.DoesNotContain("fake0konnect0token", _run.Output + _run.Error + string.Concat(Directory.GetFiles(Folder).Select(File.ReadAllText)), StringComparison.Ordinal);
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public async Task Every_file_up_writes_is_owner_only()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        Assert.Equal(0, await _run.InvokeAsync(Up));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Folder));
        Assert.All(Directory.GetFiles(Folder), f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
    }

    [Fact]
    public async Task A_run_stopped_before_pinning_is_completed_by_the_next_with_the_same_certificate()
    {
        Assert.Equal(0, await _run.InvokeAsync(Up));
        var controlPlane = Guid.Parse(Assert.Single(_konnect.ControlPlanes)["id"]!.GetValue<string>());
        var certificate = await File.ReadAllTextAsync(Path.Combine(Folder, "tls.crt"));
        _konnect.Unpin(controlPlane);
        File.Delete(Path.Combine(Folder, "konnect-cluster.yaml"));

        Assert.Equal(0, await _run.InvokeAsync(Up));

        Assert.Equal(certificate, await File.ReadAllTextAsync(Path.Combine(Folder, "tls.crt")));
        Assert.Equal(certificate, Assert.Single(_konnect.PinnedCertificates(controlPlane)));
        Assert.True(File.Exists(Path.Combine(Folder, "konnect-cluster.yaml")));
        Assert.Contains("pinned certificate", _run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("generated", _run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_stopped_while_writing_the_key_gets_a_new_pair_pinned()
    {
        Assert.Equal(0, await _run.InvokeAsync(Up));
        var controlPlane = Guid.Parse(Assert.Single(_konnect.ControlPlanes)["id"]!.GetValue<string>());
        var before = await File.ReadAllTextAsync(Path.Combine(Folder, "tls.crt"));
        await File.WriteAllTextAsync(Path.Combine(Folder, "tls.key"), "-----BEGIN PRIVATE KEY-----\nMIG2Ag");

        Assert.Equal(0, await _run.InvokeAsync(Up));

        var after = await File.ReadAllTextAsync(Path.Combine(Folder, "tls.crt"));
        Assert.NotEqual(before, after);
        Assert.Contains(after, _konnect.PinnedCertificates(controlPlane));
        Assert.Contains("generated a data-plane certificate", _run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_reports_the_control_plane_and_whether_the_local_certificate_is_pinned()
    {
        Assert.Equal(0, await _run.InvokeAsync(Up));

        Assert.Equal(0, await _run.InvokeAsync("konnect", "status", "-c", Name, "--base-url", _konnect.BaseAddress.AbsoluteUri));

        Assert.Contains("cloud.konghq.com/us/gateway-manager/", _run.Output, StringComparison.Ordinal);
        Assert.Contains(", pinned", _run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_of_a_missing_control_plane_exits_4()
    {
        Assert.Equal(4, await _run.InvokeAsync("konnect", "status", "-c", Name, "--base-url", _konnect.BaseAddress.AbsoluteUri));

        Assert.Contains("konnect up", _run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Down_with_yes_deletes_the_control_plane_and_the_local_files()
    {
        Assert.Equal(0, await _run.InvokeAsync(Up));

        Assert.Equal(0, await _run.InvokeAsync("konnect", "down", "--yes", "-c", Name, "--base-url", _konnect.BaseAddress.AbsoluteUri));

        Assert.Empty(_konnect.ControlPlanes);
        Assert.False(Directory.Exists(Folder));
    }

    [Fact]
    public async Task Down_without_yes_and_without_a_terminal_refuses_and_deletes_nothing()
    {
        Assert.Equal(0, await _run.InvokeAsync(Up));

        Assert.Equal(2, await _run.InvokeAsync("konnect", "down", "-c", Name, "--base-url", _konnect.BaseAddress.AbsoluteUri));

        Assert.Contains("--yes", _run.Error, StringComparison.Ordinal);
        Assert.Single(_konnect.ControlPlanes);
        Assert.True(File.Exists(Path.Combine(Folder, "tls.key")));
    }

    [Fact]
    public async Task Up_reuses_a_control_plane_created_elsewhere()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_konnect.BaseAddress, "control-planes"))
        {
            Content = new StringContent(new JsonObject { ["name"] = Name }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        (await http.SendAsync(request)).EnsureSuccessStatusCode();

        Assert.Equal(0, await _run.InvokeAsync(Up));

        Assert.Single(_konnect.ControlPlanes);
        Assert.DoesNotContain("created control plane", _run.Output, StringComparison.Ordinal);
    }
}
