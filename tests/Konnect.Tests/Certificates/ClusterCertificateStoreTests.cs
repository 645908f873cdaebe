using System.Runtime.Versioning;
using KonnectAspire.Konnect.Certificates;
using KonnectAspire.TestSupport.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace KonnectAspire.Konnect.Tests.Certificates;

public sealed class ClusterCertificateStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TemporaryFolder _root = new("konnectaspire-cert-tests");
    private readonly FakeTimeProvider _clock = new(Now);

    public void Dispose() => _root.Dispose();

    [Fact]
    public void First_call_generates_and_stores_a_pair()
    {
        var store = new ClusterCertificateStore(_root.Path, _clock);

        var stored = store.GetOrCreate("/src/app/AppHost|kong");

        Assert.Equal(ClusterCertificateOrigin.Generated, stored.Origin);
        Assert.Equal(stored.Certificate.CertificatePem, File.ReadAllText(Path.Combine(stored.Directory, "cluster.crt")));
        Assert.Equal(stored.Certificate.PrivateKeyPem, File.ReadAllText(Path.Combine(stored.Directory, "cluster.key")));
        Assert.StartsWith(_root.Path, stored.Directory, StringComparison.Ordinal);
    }

    [Fact]
    public void Later_calls_reuse_the_stored_pair()
    {
        var first = new ClusterCertificateStore(_root.Path, _clock).GetOrCreate("/src/app/AppHost|kong");
        _clock.SetUtcNow(Now.AddDays(400));

        var second = new ClusterCertificateStore(_root.Path, _clock).GetOrCreate("/src/app/AppHost|kong");

        Assert.Equal(ClusterCertificateOrigin.Reused, second.Origin);
        Assert.Equal(first.Certificate.Sha256Fingerprint, second.Certificate.Sha256Fingerprint);
        Assert.Equal(first.Certificate.PrivateKeyPem, second.Certificate.PrivateKeyPem);
    }

    [Fact]
    public void Each_owner_gets_its_own_pair_and_folder()
    {
        var store = new ClusterCertificateStore(_root.Path, _clock);

        var one = store.GetOrCreate("/src/one/AppHost|kong");
        var two = store.GetOrCreate("/src/two/AppHost|kong");

        Assert.NotEqual(one.Directory, two.Directory);
        Assert.NotEqual(one.Certificate.Sha256Fingerprint, two.Certificate.Sha256Fingerprint);
        Assert.DoesNotContain("src", Path.GetFileName(one.Directory), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pair_within_the_renewal_window_is_replaced()
    {
        var store = new ClusterCertificateStore(_root.Path, _clock);
        var first = store.GetOrCreate("owner");
        _clock.SetUtcNow(first.Certificate.NotAfter.AddDays(-29));

        var renewed = store.GetOrCreate("owner");

        Assert.Equal(ClusterCertificateOrigin.Renewed, renewed.Origin);
        Assert.NotEqual(first.Certificate.Sha256Fingerprint, renewed.Certificate.Sha256Fingerprint);
        Assert.Equal(_clock.GetUtcNow().AddDays(1095), renewed.Certificate.NotAfter);
        Assert.Equal(renewed.Certificate.CertificatePem, File.ReadAllText(Path.Combine(renewed.Directory, "cluster.crt")));
    }

    [Fact]
    public void A_pair_just_outside_the_renewal_window_is_kept()
    {
        var store = new ClusterCertificateStore(_root.Path, _clock);
        var first = store.GetOrCreate("owner");
        _clock.SetUtcNow(first.Certificate.NotAfter.AddDays(-31));

        Assert.Equal(ClusterCertificateOrigin.Reused, store.GetOrCreate("owner").Origin);
    }

    [Fact]
    public void An_expired_pair_is_replaced()
    {
        var store = new ClusterCertificateStore(_root.Path, _clock);
        store.GetOrCreate("owner");
        _clock.SetUtcNow(Now.AddYears(5));

        Assert.Equal(ClusterCertificateOrigin.Renewed, store.GetOrCreate("owner").Origin);
    }

    [Fact]
    public void An_unreadable_pair_is_replaced()
    {
        var store = new ClusterCertificateStore(_root.Path, _clock);
        var first = store.GetOrCreate("owner");
        File.WriteAllText(Path.Combine(first.Directory, "cluster.key"), "not a key");

        var second = store.GetOrCreate("owner");

        Assert.Equal(ClusterCertificateOrigin.Generated, second.Origin);
        Assert.Equal(second.Certificate.PrivateKeyPem, File.ReadAllText(Path.Combine(second.Directory, "cluster.key")));
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void Folders_and_files_are_owner_only()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes do not apply on Windows; the profile folder is already private there.");
        var store = new ClusterCertificateStore(_root.Path, _clock);

        var stored = store.GetOrCreate("owner");

        const UnixFileMode Directory700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        const UnixFileMode File600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(Directory700, File.GetUnixFileMode(_root.Path));
        Assert.Equal(Directory700, File.GetUnixFileMode(stored.Directory));
        Assert.Equal(File600, File.GetUnixFileMode(Path.Combine(stored.Directory, "cluster.key")));
        Assert.Equal(File600, File.GetUnixFileMode(Path.Combine(stored.Directory, "cluster.crt")));
        Assert.Equal(["cluster.crt", "cluster.key"], Directory.GetFiles(stored.Directory).Select(Path.GetFileName).Order());
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void Loosened_permissions_are_tightened_on_reuse()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes do not apply on Windows.");
        var store = new ClusterCertificateStore(_root.Path, _clock);
        var stored = store.GetOrCreate("owner");
        var keyPath = Path.Combine(stored.Directory, "cluster.key");
        File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(stored.Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute);

        store.GetOrCreate("owner");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(stored.Directory));
    }

    [Fact]
    public void Default_root_is_in_the_user_profile_not_the_working_directory()
    {
        var root = ClusterCertificateStore.DefaultRootDirectory;

        Assert.True(Path.IsPathRooted(root));
        Assert.EndsWith(Path.Combine("KonnectAspire", "cluster-certificates"), root, StringComparison.Ordinal);
        Assert.False(root.StartsWith(Directory.GetCurrentDirectory(), StringComparison.Ordinal));
    }
}
