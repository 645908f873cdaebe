using k8s;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>One file of the publish output: Kubernetes documents (listed in kustomization.yaml) or another text file.</summary>
internal sealed record ManifestFile
{
    private ManifestFile(string name, IReadOnlyList<object> documents, string? text)
    {
        Name = name;
        Documents = documents;
        Text = text;
    }

    public string Name { get; }

    public IReadOnlyList<object> Documents { get; }

    public string? Text { get; }

    /// <summary>Whether the file holds Kubernetes objects that <c>kubectl apply -k</c> applies.</summary>
    public bool IsKubernetes => Text is null;

    public static ManifestFile Objects(string name, params IReadOnlyList<object> documents) => new(name, documents, null);

    public static ManifestFile Other(string name, string text) => new(name, [], text);

    /// <summary>The file's content; Kubernetes objects go through KubernetesYaml, never through string building.</summary>
    public string Render()
    {
        var content = Text ?? KubernetesYaml.SerializeAll(Documents);
        return content.EndsWith('\n') ? content : content + "\n";
    }
}
