using System.Text.Json;
using KonnectAspire.Deployment.Kubernetes;
using KonnectAspire.TestSupport;
using KonnectAspire.TestSupport.Infrastructure;

namespace KonnectAspire.Deployment.Tests.Kubernetes;

public sealed class PublishedManifestsTests : IDisposable
{
    private readonly TemporaryFolder _directory = new("provisioner-tests");

    public PublishedManifestsTests()
    {
        Directory.CreateDirectory(_directory.Path);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Every_document_of_every_listed_file_is_read_in_the_order_listed()
    {
        var manifests = PublishedManifests.Load(Path.Combine(AppContext.BaseDirectory, "Kubernetes", "PublishOutputs", "operator"));

        Assert.Equal(
            ["KongPluginBinding", "KongRoute", "KongService", "KongPlugin", "DataPlane", "KonnectExtension", "KonnectGatewayControlPlane", "KonnectAPIAuthConfiguration", "Namespace"],
            manifests.Documents.Select(d => d.Kind));
        Assert.All(manifests.Documents.Where(d => d.Kind != "Namespace"), d => Assert.Equal("kong", d.Namespace));
    }

    [Fact]
    public void Plain_scalars_become_numbers_and_booleans_while_quoted_ones_stay_strings()
    {
        Write("kustomization.yaml", "resources: [svc.yaml]");
        Write("svc.yaml", """
            apiVersion: v1
            kind: Service
            metadata:
              name: proxy
              annotations:
                service.beta.kubernetes.io/aws-load-balancer-healthcheck-port: "8100"
                flag: "true"
            spec:
              ports:
                - port: 80
              publishNotReadyAddresses: true
              ratio: 0.5
              nothing: ~
            """);

        var body = PublishedManifests.Load(_directory.Path).Documents.Single().Body;

        Assert.Equal(JsonValueKind.String, body["metadata"]!["annotations"]!["service.beta.kubernetes.io/aws-load-balancer-healthcheck-port"]!.GetValueKind());
        Assert.Equal(JsonValueKind.String, body["metadata"]!["annotations"]!["flag"]!.GetValueKind());
        Assert.Equal(80, body["spec"]!["ports"]![0]!["port"]!.GetValue<long>());
        Assert.True(body["spec"]!["publishNotReadyAddresses"]!.GetValue<bool>());
        Assert.Equal("0.5", body["spec"]!["ratio"]!.ToJsonString());
        Assert.Null(body["spec"]!["nothing"]);
    }

    [Fact]
    public void The_kustomization_namespace_replaces_the_documents_own_and_is_kept_for_the_others()
    {
        Write("kustomization.yaml", "namespace: gateway\nresources: [a.yaml]");
        Write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: kong}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");

        var manifests = PublishedManifests.Load(_directory.Path);

        Assert.Equal("gateway", manifests.Namespace);
        Assert.Equal("gateway", manifests.Documents[0].Namespace);
        Assert.Equal("gateway", manifests.Documents[0].Body["metadata"]!["namespace"]!.GetValue<string>());
        Assert.Null(manifests.Documents[1].Namespace);
    }

    [Fact]
    public void A_resource_folder_with_its_own_kustomization_is_read_too()
    {
        Write("kustomization.yaml", "resources: [base]");
        Directory.CreateDirectory(Path.Combine(_directory.Path, "base"));
        Write("base/kustomization.yaml", "resources: [cm.yaml]");
        Write("base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");

        Assert.Equal("a", PublishedManifests.Load(_directory.Path).Documents.Single().Name);
    }

    [Theory]
    [InlineData("resources: [missing.yaml]", "lists 'missing.yaml', which does not exist")]
    [InlineData("resources: [a.yaml]\npatches: [{path: p.yaml}]", "uses kustomize features the provisioner does not apply (patches)")]
    [InlineData("resources: [https://example.com/x.yaml]", "remote resource 'https://example.com/x.yaml' is not supported")]
    [InlineData("resources: [../outside.yaml]", "lists '../outside.yaml', which is outside the publish output")]
    [InlineData("resources: [/etc/hostname]", "lists '/etc/hostname', which is outside the publish output")]
    [InlineData("resources: [a.yaml, 5]", "every entry of resources must be a file or folder name; one is number")]
    [InlineData("resources: a.yaml", "resources must be a list of files and folders")]
    [InlineData("namespace: {a: b}\nresources: [a.yaml]", "namespace must be a name (text)")]
    public void A_kustomization_the_provisioner_cannot_honour_is_bad_input_naming_the_fix(string kustomization, string message)
    {
        Write("kustomization.yaml", kustomization);
        Write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");

        var error = Assert.Throws<DeploymentException>(() => PublishedManifests.Load(_directory.Path));

        Assert.Equal(DeploymentFailure.BadInput, error.Failure);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_without_a_name_is_bad_input_naming_its_file_and_position()
    {
        Write("kustomization.yaml", "resources: [a.yaml]");
        Write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Secret\nmetadata: {}\n");

        var error = Assert.Throws<DeploymentException>(() => PublishedManifests.Load(_directory.Path));

        Assert.Equal("a.yaml document 2 (Secret) has no metadata.name.", error.Message);
    }

    [Fact]
    public void The_same_object_twice_is_bad_input()
    {
        Write("kustomization.yaml", "resources: [a.yaml, b.yaml]");
        Write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: kong}\n");
        Write("b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: kong}\n");

        var error = Assert.Throws<DeploymentException>(() => PublishedManifests.Load(_directory.Path));

        Assert.Contains("ConfigMap kong/a is defined twice (a.yaml document 1, b.yaml document 1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_bomb_is_refused_before_it_is_expanded_naming_the_file_and_position()
    {
        Write("kustomization.yaml", "resources: [a.yaml]");
        Write("a.yaml", YamlBombs.AliasBomb);

        var error = Assert.Throws<DeploymentException>(() => PublishedManifests.Load(_directory.Path));

        Assert.Equal(DeploymentFailure.BadInput, error.Failure);
        Assert.Contains("a.yaml is not valid YAML (line", error.Message, StringComparison.Ordinal);
        Assert.Contains("aliases expand to more than 10000 nodes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_larger_than_the_limit_is_refused_before_it_is_read()
    {
        Write("kustomization.yaml", "resources: [a.yaml]");
        using (var file = File.Create(Path.Combine(_directory.Path, "a.yaml")))
        {
            file.SetLength((8 * 1024 * 1024) + 1);
        }

        var error = Assert.Throws<DeploymentException>(() => PublishedManifests.Load(_directory.Path));

        Assert.Contains("the limit is 8 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_few_aliases_as_people_write_them_are_read()
    {
        Write("kustomization.yaml", "resources: [a.yaml]");
        Write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, labels: &labels {app: a}}\ndata: {labels: *labels}\n");

        var document = PublishedManifests.Load(_directory.Path).Documents.Single();

        Assert.Equal("a", document.Body["data"]!["labels"]!["app"]!.GetValue<string>());
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_directory.Path, name), text);
}
