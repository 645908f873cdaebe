using System.Text.RegularExpressions;
using k8s;
using k8s.Models;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>
/// Checks every object about to be published against the API server's name rules (a Service name is a DNS-1035 label,
/// a namespace a DNS-1123 label, other names DNS-1123 subdomains; label keys and values, annotation keys), so a name
/// derived from a long resource name fails the publish with the object named instead of failing the deploy.
/// </summary>
internal static partial class ManifestNameCheck
{
    private const int MaxLabel = KubernetesObjectName.MaxLabelLength;
    private const int MaxSubdomain = 253;
    private const string Fix = "Shorten or rename the resource it comes from in the AppHost.";

    public static IReadOnlyList<string> Problems(IEnumerable<ManifestFile> files)
    {
        var problems = new List<string>();
        foreach (var file in files)
        {
            foreach (var document in file.Documents.OfType<IKubernetesObject<V1ObjectMeta>>())
            {
                Check(document, file.Name, problems);
            }
        }

        return problems;
    }

    private static void Check(IKubernetesObject<V1ObjectMeta> document, string file, List<string> problems)
    {
        var name = document.Metadata?.Name ?? "";
        var what = $"{document.Kind} '{name}' ({file})";

        // The Kong Operator creates the proxy Service a DataPlane names.
        if (document is CustomResources.DataPlane { Spec.Network.Services.Ingress.Name: { } proxy })
            CheckServiceName(proxy, $"Service '{proxy}' (the proxy Service of DataPlane '{name}', {file})", problems);
        switch (document.Kind)
        {
            case "Service":
                CheckServiceName(name, what, problems);
                break;
            case "Namespace" when !KubernetesObjectName.IsDnsLabel(name):
                problems.Add($"{what}: a namespace name must be a DNS label (at most {MaxLabel} lower-case letters, digits and '-'). Pick another namespace with WithNamespace.");
                break;
            case not ("Service" or "Namespace") when !IsDnsSubdomain(name):
                problems.Add($"{what}: the name must be a DNS subdomain (at most {MaxSubdomain} lower-case letters, digits, '-' and '.'). {Fix}");
                break;
        }

        foreach (var (key, value) in document.Metadata?.Labels ?? new Dictionary<string, string>())
        {
            if (!IsQualifiedName(key))
                problems.Add($"{what}: label key '{key}' is not a qualified name (an optional DNS-subdomain prefix and '/', then at most {MaxLabel} letters, digits, '-', '_' or '.').");
            if (value.Length > MaxLabel || (value.Length > 0 && !LabelValue().IsMatch(value)))
                problems.Add($"{what}: the value of label '{key}' ('{Shorten(value)}') is not a label value (at most {MaxLabel} letters, digits, '-', '_' or '.', starting and ending with a letter or digit). {Fix}");
        }

        foreach (var key in document.Metadata?.Annotations?.Keys ?? [])
        {
            if (!IsQualifiedName(key))
                problems.Add($"{what}: annotation key '{Shorten(key)}' is not a qualified name (an optional DNS-subdomain prefix and '/', then at most {MaxLabel} letters, digits, '-', '_' or '.').");
        }
    }

    private static void CheckServiceName(string name, string what, List<string> problems)
    {
        if (!(name.Length <= MaxLabel && Dns1035Label().IsMatch(name)))
            problems.Add($"{what}: a Service name must be a DNS-1035 label (at most {MaxLabel} lower-case letters, digits and '-', starting with a letter); it has {name.Length} characters. {Fix}");
    }

    private static bool IsDnsSubdomain(string value) =>
        value.Length is > 0 and <= MaxSubdomain && value.Split('.').All(KubernetesObjectName.IsDnsLabel);

    private static bool IsQualifiedName(string key)
    {
        var slash = key.LastIndexOf('/');
        var (prefix, name) = slash < 0 ? (null, key) : (key[..slash], key[(slash + 1)..]);
        return (prefix is null || IsDnsSubdomain(prefix)) && name.Length is > 0 and <= MaxLabel && LabelValue().IsMatch(name);
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "...";

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035Label();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
