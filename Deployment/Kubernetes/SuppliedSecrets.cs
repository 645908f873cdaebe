using System.Text;
using k8s.Models;
using KonnectAspire.Deployment.Konnect;
using KonnectAspire.Konnect.Kubernetes;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// The Secrets given with --secret-from-env and --secret-from-file (the AI gateway's kong-ai-credentials, a workload's
/// &lt;resource&gt;-secrets): each an Opaque Secret in every namespace the manifests read it, with the keys given.
/// Checked against the manifests first, so a misspelt name or key is bad input rather than a Secret nobody reads.
/// </summary>
public static class SuppliedSecrets
{
    /// <summary>A Secret key holds one value (a token, a key, a certificate); anything larger is a wrong file.</summary>
    private const long MaxFileBytes = 1024 * 1024;

    private static readonly string[] MadeFromOtherOptions = [KonnectKubernetesNames.TokenSecret, KonnectKubernetesNames.ClusterCertificateSecret];

    /// <param name="keys">The keys given, in command-line order.</param>
    /// <param name="values">Their values, as <see cref="ReadAll"/> read them before any call to the cluster.</param>
    /// <param name="documents">The manifests with their namespaces filled in, which say where each Secret goes.</param>
    /// <param name="redactor">Learns every value, so no message shows one.</param>
    public static IReadOnlyList<ManifestDocument> Build(
        IReadOnlyList<SecretKeySource> keys,
        IReadOnlyDictionary<SecretKeySource, string> values,
        IReadOnlyList<ManifestDocument> documents,
        SecretRedactor redactor)
    {
        var references = ObjectReferences.Find(documents).Where(r => r.Kind == "Secret").ToList();
        var built = new List<ManifestDocument>();
        foreach (var secret in keys.GroupBy(k => k.Name, StringComparer.Ordinal))
        {
            var read = Check(secret.Key, secret.ToList(), references, documents);
            var data = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var key in secret)
            {
                redactor.Add(values[key]);
                data[key.Key] = Encoding.UTF8.GetBytes(values[key]);
            }

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

    /// <summary>
    /// Reads every value once, before any call to the cluster, so an unset variable or a missing file is reported
    /// first; <see cref="Build"/> uses these values once the manifests are checked against the cluster.
    /// </summary>
    public static IReadOnlyDictionary<SecretKeySource, string> ReadAll(IReadOnlyList<SecretKeySource> keys, IReadOnlyList<ManifestDocument> documents, DeploymentEnvironment context)
    {
        // Names and keys are checked against the manifests first: only a checked name or key is ever printed.
        var references = ObjectReferences.Find(documents).Where(r => r.Kind == "Secret").ToList();
        var values = new Dictionary<SecretKeySource, string>();
        foreach (var secret in keys.GroupBy(k => k.Name, StringComparer.Ordinal))
        {
            Check(secret.Key, secret.ToList(), references, documents);
            foreach (var key in secret)
            {
                values[key] = ReadValue(key, context);
            }
        }

        return values;
    }

    private static List<ObjectReference> Check(string name, List<SecretKeySource> keys, List<ObjectReference> references, IReadOnlyList<ManifestDocument> documents)
    {
        var first = keys[0];
        if (MadeFromOtherOptions.Contains(name, StringComparer.Ordinal))
        {
            throw DeploymentException.BadInput(
                $"{first.Option} {name}/…: deploy makes Secret {name} itself (the Konnect token from ${KonnectTokenInput.Variable} or --token-file, the data-plane certificate from --cluster-cert-dir). Drop {first.Option} for it.");
        }

        if (documents.FirstOrDefault(d => d.Kind == "Secret" && d.Name == name && !d.Generated) is { } published)
        {
            throw DeploymentException.BadInput($"{first.Option} {name}/…: Secret {name} is in the publish output ({published.Source}), which deploy applies as it is. Drop {first.Option} for it.");
        }

        var read = references.Where(r => r.Name == name).ToList();
        if (read.Count == 0)
        {
            var names = references.Select(r => r.Name).Distinct(StringComparer.Ordinal).Where(n => !MadeFromOtherOptions.Contains(n, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
            // The name is not repeated: a value typed in its place would otherwise be printed.
            throw DeploymentException.BadInput(
                $"{first.Option}: no manifest reads the Secret named before '/' (not repeated, as it may be a secret), so it would not be used. "
                + (names.Count == 0 ? "The manifests read no other Secret." : $"The manifests read: {string.Join(", ", names)}."));
        }

        // A reference without a key (envFrom) takes every key; otherwise only the keys read are any use.
        var readKeys = read.Select(r => r.Key).Distinct(StringComparer.Ordinal).ToList();
        if (!readKeys.Contains(null) && keys.FirstOrDefault(k => !readKeys.Contains(k.Key)) is { } unread)
        {
            throw DeploymentException.BadInput(
                $"{unread.Option} {name}/…: no manifest reads the key given (not repeated, as it may be a secret) of Secret {name}. The keys read are: {string.Join(", ", readKeys)}.");
        }

        if (keys.GroupBy(k => k.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw DeploymentException.BadInput($"Key {twice.Key} of Secret {name} is given twice ({string.Join(", ", twice.Select(k => k.Display))}). Give it once.");
        }

        return read;
    }

    private static string ReadValue(SecretKeySource key, DeploymentEnvironment context)
    {
        string value;
        if (key.FromFile)
        {
            var path = Path.GetFullPath(key.Source, context.WorkingDirectory);
            // The path is not repeated while it is not known to be one: it may be the value given in its place.
            if (!File.Exists(path))
            {
                throw DeploymentException.BadInput(
                    $"{key.Option} {key.Name}/{key.Key}=…: there is no file at the path given (not repeated, as it may be the secret itself). Name a file that holds the value.");
            }

            if (new FileInfo(path).Length > MaxFileBytes)
            {
                throw DeploymentException.BadInput($"{key.Display}: the file is larger than {MaxFileBytes / 1024} KiB; a Secret key holds one value.");
            }

            // Editors and `echo >` end a file with a line break that an API key must not carry.
            try
            {
                value = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw DeploymentException.BadInput($"{key.Display}: the file cannot be read ({e.GetType().Name}). Check its permissions.", e);
            }

            value = value.EndsWith("\r\n", StringComparison.Ordinal) ? value[..^2] : value.EndsWith('\n') ? value[..^1] : value;
        }
        else
        {
            value = context.GetEnvironmentVariable(key.Source) ?? "";
        }

        if (value.Length == 0)
        {
            throw DeploymentException.BadInput(key.FromFile
                ? $"{key.Display}: the file is empty. Put the value of key {key.Key} in it."
                : $"{key.Display}: ${key.Source} is not set or empty. Export it with the value of key {key.Key} first.");
        }

        return value;
    }
}
