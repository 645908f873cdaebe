namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>A kind as the cluster serves it, found through discovery: where its objects live and whether they are namespaced.</summary>
public sealed record ApiResource(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string CollectionPath(string? @namespace)
    {
        var root = Group.Length == 0 ? $"api/{Version}" : $"apis/{Group}/{Version}";
        return Namespaced
            ? $"{root}/namespaces/{Uri.EscapeDataString(@namespace ?? throw new ArgumentNullException(nameof(@namespace), $"{Kind} is namespaced."))}/{Plural}"
            : $"{root}/{Plural}";
    }

    public string ObjectPath(string? @namespace, string name) => $"{CollectionPath(@namespace)}/{Uri.EscapeDataString(name)}";
}
