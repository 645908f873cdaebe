using KonnectAspire.Deployment.Kubernetes;
using KonnectAspire.TestSupport;
using KonnectAspire.TestSupport.Infrastructure;
using KonnectAspire.TestSupport.Kubernetes;

namespace KonnectAspire.Deployment.Tests.Kubernetes;

public sealed class KubeconfigResolverTests : IDisposable
{
    private readonly TemporaryFolder _directory = new("provisioner-tests");
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public KubeconfigResolverTests()
    {
        Directory.CreateDirectory(_directory.Path);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void KUBECONFIG_files_are_merged_and_the_first_current_context_wins_with_its_namespace()
    {
        _environment["KUBECONFIG"] = $"{Kubeconfig("eks", "https://eks.example:443", "kong")}{Path.PathSeparator}{Kubeconfig("kind", "https://127.0.0.1:6443", "dev")}";

        var cluster = KubeconfigResolver.Resolve(Settings(), Context());

        Assert.Equal("https://eks.example", cluster.Configuration.Host.TrimEnd('/').Replace(":443", "", StringComparison.Ordinal));
        Assert.Equal("kong", cluster.DefaultNamespace);
        Assert.StartsWith("context eks from ", cluster.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Context_option_picks_a_context_from_any_of_the_files_and_namespace_option_beats_its_namespace()
    {
        _environment["KUBECONFIG"] = $"{Kubeconfig("eks", "https://eks.example:443", "kong")}{Path.PathSeparator}{Kubeconfig("kind", "https://127.0.0.1:6443", "dev")}";

        var cluster = KubeconfigResolver.Resolve(Settings(context: "kind", @namespace: "gateway"), Context());

        Assert.Equal("https://127.0.0.1:6443", cluster.Configuration.Host.TrimEnd('/'));
        Assert.Equal("gateway", cluster.DefaultNamespace);
    }

    [Fact]
    public void Without_KUBECONFIG_the_file_in_the_home_folder_is_used()
    {
        var kube = Path.Combine(_directory.Path, ".kube");
        Directory.CreateDirectory(kube);
        File.Copy(Kubeconfig("home", "https://home.example:6443", "default"), Path.Combine(kube, "config"));

        var cluster = KubeconfigResolver.Resolve(Settings(), Context());

        Assert.Equal("https://home.example:6443", cluster.Configuration.Host.TrimEnd('/'));
    }

    [Fact]
    public void An_unknown_context_is_bad_input_listing_the_contexts_there_are()
    {
        _environment["KUBECONFIG"] = Kubeconfig("eks", "https://eks.example:443", "kong");

        var error = Assert.Throws<DeploymentException>(() => KubeconfigResolver.Resolve(Settings(context: "prod"), Context()));

        Assert.Equal(DeploymentFailure.BadInput, error.Failure);
        Assert.Contains("Context 'prod' is not in the kubeconfig", error.Message, StringComparison.Ordinal);
        Assert.Contains("it has: eks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_kubeconfig_anywhere_is_a_failed_precondition_with_the_eks_command()
    {
        var error = Assert.Throws<DeploymentException>(() => KubeconfigResolver.Resolve(Settings(), Context()));

        Assert.Equal(DeploymentFailure.Precondition, error.Failure);
        Assert.Contains("aws eks update-kubeconfig", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apiVersion: v1\nclusters: [\n", "is not valid YAML (line")]
    [InlineData(YamlBombs.AliasBomb, "aliases expand to more than")]
    public void A_malformed_kubeconfig_is_bad_input_naming_the_file_and_the_yaml_error(string text, string message)
    {
        var file = Path.Combine(_directory.Path, "broken-config");
        File.WriteAllText(file, text);
        _environment["KUBECONFIG"] = file;

        var error = Assert.Throws<DeploymentException>(() => KubeconfigResolver.Resolve(Settings(), Context()));

        Assert.Equal(DeploymentFailure.BadInput, error.Failure);
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static KubernetesConnectionSettings Settings(string? context = null, string? @namespace = null) =>
        new(null, context, @namespace, TimeSpan.FromMinutes(1));

    private DeploymentEnvironment Context() =>
        new() { GetEnvironmentVariable = name => _environment.GetValueOrDefault(name), HomeDirectory = _directory.Path };

    private string Kubeconfig(string name, string server, string @namespace) => KubeconfigFile.Write(_directory.Path, name, server, @namespace, "t");
}
