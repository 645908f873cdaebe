using System.Text;
using k8s.Models;
using KonnectAspire.Konnect.Kubernetes;
using KonnectAspire.Provisioner.Commands;
using KonnectAspire.Provisioner.Konnect;

namespace KonnectAspire.Provisioner.Kubernetes;

/// <summary>
/// The Secrets given with --secret-from-env and --secret-from-file (the AI gateway's kong-ai-credentials, a workload's
/// &lt;resource&gt;-secrets): each an Opaque Secret in every namespace the manifests read it, with the keys given.
/// Checked against the manifests first, so a misspelt name or key is bad input rather than a Secret nobody reads.
/// </summary>
internal static class SuppliedSecrets
{
    private static readonly string[] MadeFromOtherOptions = [KonnectKubernetesNames.TokenSecret, KonnectKubernetesNames.ClusterCertificateSecret];

    public static IReadOnlyList<ManifestDocument> Build(
        IReadOnlyList<SecretKeySource> keys,
        IReadOnlyList<ManifestDocument> documents,
        ProvisionerContext context,
        SecretRedactor redactor)
    {
        var references = ObjectReferences.Find(documents).Where(r => r.Kind == "Secret").ToList();
        var built = new List<ManifestDocument>();
        foreach (var secret in keys.GroupBy(k => k.Name, StringComparer.Ordinal))
        {
            var read = Check(secret.Key, secret.ToList(), references, documents);
            var data = secret.ToDictionary(k => k.Key, k => ReadValue(k, context, redactor), StringComparer.Ordinal);
            foreach (var @namespace in read.Select(r => r.Namespace).Distinct(StringComparer.Ordinal))
            {
                built.Add(KonnectClusterObjects.Generated(new V1Secret
                {
                    ApiVersion = "v1",
                    Kind = "Secret",
                    Metadata = KonnectClusterManifest.Metadata(secret.Key, @namespace),
                    Type = "Opaque",
                    Data = data,
                }));
            }
        }

        return built;
    }

    private static List<ObjectReference> Check(string name, List<SecretKeySource> keys, List<ObjectReference> references, IReadOnlyList<ManifestDocument> documents)
    {
        var first = keys[0];
        if (MadeFromOtherOptions.Contains(name, StringComparer.Ordinal))
        {
            throw CommandFailedException.BadInput(
                $"{first.Display}: deploy makes Secret {name} itself (the Konnect token from ${KonnectVerbCommand.TokenVariable} or --token-file, the data-plane certificate from --cluster-cert-dir). Drop {first.Option} for it.");
        }

        if (documents.FirstOrDefault(d => d.Kind == "Secret" && d.Name == name && !d.Generated) is { } published)
        {
            throw CommandFailedException.BadInput($"{first.Display}: Secret {name} is in the publish output ({published.Source}), which deploy applies as it is. Drop {first.Option} for it.");
        }

        var read = references.Where(r => r.Name == name).ToList();
        if (read.Count == 0)
        {
            var names = references.Select(r => r.Name).Distinct(StringComparer.Ordinal).Where(n => !MadeFromOtherOptions.Contains(n, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
            throw CommandFailedException.BadInput(
                $"{first.Display}: no manifest reads Secret {name}, so it would not be used. "
                + (names.Count == 0 ? "The manifests read no other Secret." : $"The manifests read: {string.Join(", ", names)}."));
        }

        if (keys.GroupBy(k => k.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw CommandFailedException.BadInput($"Key {twice.Key} of Secret {name} is given twice ({string.Join(", ", twice.Select(k => k.Display))}). Give it once.");
        }

        // A reference without a key (envFrom) takes every key; otherwise only the keys read are any use.
        var readKeys = read.Select(r => r.Key).Distinct(StringComparer.Ordinal).ToList();
        if (!readKeys.Contains(null) && keys.FirstOrDefault(k => !readKeys.Contains(k.Key)) is { } unread)
        {
            throw CommandFailedException.BadInput($"{unread.Display}: no manifest reads key {unread.Key} of Secret {name}. The keys read are: {string.Join(", ", readKeys)}.");
        }

        return read;
    }

    private static byte[] ReadValue(SecretKeySource key, ProvisionerContext context, SecretRedactor redactor)
    {
        string value;
        if (key.FromFile)
        {
            var path = Path.GetFullPath(key.Source, context.WorkingDirectory);
            if (!File.Exists(path))
            {
                throw CommandFailedException.BadInput($"{key.Display}: no such file.");
            }

            // Editors and `echo >` end a file with a line break that an API key must not carry.
            value = File.ReadAllText(path);
            value = value.EndsWith("\r\n", StringComparison.Ordinal) ? value[..^2] : value.EndsWith('\n') ? value[..^1] : value;
        }
        else
        {
            value = context.GetEnvironmentVariable(key.Source) ?? "";
        }

        if (value.Length == 0)
        {
            throw CommandFailedException.BadInput(key.FromFile
                ? $"{key.Display}: the file is empty. Put the value of key {key.Key} in it."
                : $"{key.Display}: ${key.Source} is not set or empty. Export it with the value of key {key.Key} first.");
        }

        redactor.Add(value);
        return Encoding.UTF8.GetBytes(value);
    }
}
