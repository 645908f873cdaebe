using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KonnectAspire.Konnect.Kubernetes;

namespace KonnectAspire.Provisioner.Kubernetes;

/// <summary>
/// The Secrets and ConfigMap the published manifests refer to but cannot carry (they hold credentials): the Konnect
/// token Secret for the Kong Operator flavour, the data-plane certificate Secret and the endpoints ConfigMap for the
/// plain flavour. Found by reference in the manifests, so either flavour (or both) works without being told which.
/// </summary>
internal static class KonnectClusterObjects
{
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";

    private static readonly string[] EndpointKeys =
    [
        "KONG_CLUSTER_CONTROL_PLANE",
        "KONG_CLUSTER_SERVER_NAME",
        "KONG_CLUSTER_TELEMETRY_ENDPOINT",
        "KONG_CLUSTER_TELEMETRY_SERVER_NAME",
    ];

    public static IReadOnlyList<RequiredObject> FindRequired(IReadOnlyList<ManifestDocument> documents)
    {
        var required = new List<RequiredObject>();
        foreach (var document in documents.Where(d => d.Namespace is not null))
        {
            var @namespace = document.Namespace!;
            if (document.Kind == "KonnectAPIAuthConfiguration"
                && document.Body["spec"]?["type"]?.GetValue<string>() == "secretRef"
                && document.Body["spec"]?["secretRef"]?["name"]?.GetValue<string>() == KonnectKubernetesNames.TokenSecret)
            {
                required.Add(new RequiredObject(RequiredObjectKind.KonnectToken, document.Body["spec"]?["secretRef"]?["namespace"]?.GetValue<string>() ?? @namespace));
            }

            if (References(document.Body, KonnectKubernetesNames.ClusterCertificateSecret, "secret", "secretRef", "secretKeyRef"))
            {
                required.Add(new RequiredObject(RequiredObjectKind.ClusterCertificate, @namespace));
            }

            if (References(document.Body, KonnectKubernetesNames.EndpointsConfigMap, "configMap", "configMapRef", "configMapKeyRef"))
            {
                required.Add(new RequiredObject(RequiredObjectKind.Endpoints, @namespace));
            }
        }

        // What the publish output already carries is applied as it is.
        var present = documents.Select(d => (d.Kind, d.Namespace, d.Name)).ToHashSet();
        return required.Distinct().Where(r => !present.Contains((r.ObjectKind, r.Namespace, r.Name))).ToList();
    }

    /// <summary>The object with its data; every failure is bad input naming the fix, and nothing secret is in a message.</summary>
    public static ManifestDocument Build(RequiredObject required, KonnectSecretSources sources, KubernetesCommandContext context, SecretRedactor redactor) =>
        required.Kind switch
        {
            RequiredObjectKind.KonnectToken => TokenSecret(required, ReadToken(sources, context), redactor),
            RequiredObjectKind.ClusterCertificate => CertificateSecret(required, RequireDirectory(required, sources), redactor),
            _ => EndpointsConfigMap(required, RequireDirectory(required, sources)),
        };

    /// <summary>The object's identity only, for destroy and for diffs without the secret sources at hand.</summary>
    public static ManifestDocument Identity(RequiredObject required) =>
        Document(required, new V1ObjectMeta { Name = required.Name, NamespaceProperty = required.Namespace }, required.ObjectKind == "Secret"
            ? new V1Secret { ApiVersion = "v1", Kind = "Secret" }
            : new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap" });

    private static ManifestDocument TokenSecret(RequiredObject required, string token, SecretRedactor redactor)
    {
        redactor.Add(token);
        var metadata = Metadata(required);
        metadata.Labels[KonnectKubernetesNames.CredentialLabel] = KonnectKubernetesNames.CredentialLabelValue;
        return Document(required, metadata, new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Type = "Opaque",
            Data = new Dictionary<string, byte[]> { [KonnectKubernetesNames.TokenKey] = Encoding.UTF8.GetBytes(token) },
        });
    }

    private static ManifestDocument CertificateSecret(RequiredObject required, string directory, SecretRedactor redactor)
    {
        var certificateFile = FirstExisting(directory, "tls.crt", "cluster.crt");
        var keyFile = FirstExisting(directory, "tls.key", "cluster.key");
        if (certificateFile is null || keyFile is null)
        {
            throw CommandFailedException.BadInput(
                $"{directory} has no data-plane certificate: expected tls.crt and tls.key (written by `provisioner konnect up`). Run it, or pass the folder it wrote with --cluster-cert-dir.");
        }

        var certificate = File.ReadAllText(certificateFile);
        var key = File.ReadAllText(keyFile);
        redactor.Add(key);
        try
        {
            using var pair = X509Certificate2.CreateFromPem(certificate, key);
            if (pair.NotAfter < DateTime.Now)
            {
                throw CommandFailedException.BadInput(
                    $"The data-plane certificate {certificateFile} expired on {pair.NotAfter:yyyy-MM-dd}. Run `provisioner konnect up` to pin a new one.");
            }
        }
        catch (CryptographicException)
        {
            throw CommandFailedException.BadInput(
                $"{certificateFile} and {keyFile} are not a PEM certificate and its private key. Run `provisioner konnect up` again to write a matching pair.");
        }

        return Document(required, Metadata(required), new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Type = "kubernetes.io/tls",
            Data = new Dictionary<string, byte[]>
            {
                ["tls.crt"] = Encoding.UTF8.GetBytes(certificate),
                ["tls.key"] = Encoding.UTF8.GetBytes(key),
            },
        });
    }

    private static ManifestDocument EndpointsConfigMap(RequiredObject required, string directory)
    {
        var file = Path.Combine(directory, "endpoints.env");
        if (!File.Exists(file))
        {
            throw CommandFailedException.BadInput(
                $"{directory} has no endpoints.env (the Konnect control-plane and telemetry endpoints, written by `provisioner konnect up`). Run it, or pass the folder it wrote with --cluster-cert-dir.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw CommandFailedException.BadInput($"{file}: '{line}' is not a KEY=value line.");
            }

            values[line[..equals].Trim()] = line[(equals + 1)..].Trim().Trim('"');
        }

        var missing = EndpointKeys.Where(k => !values.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw CommandFailedException.BadInput($"{file} lacks {string.Join(", ", missing)}. Run `provisioner konnect up` again to rewrite it.");
        }

        return Document(required, Metadata(required), new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Data = EndpointKeys.ToDictionary(k => k, k => values[k]),
        });
    }

    private static string ReadToken(KonnectSecretSources sources, KubernetesCommandContext context)
    {
        string? token;
        string origin;
        if (sources.TokenFile is not null)
        {
            origin = $"--token-file {sources.TokenFile}";
            if (!File.Exists(sources.TokenFile))
            {
                throw CommandFailedException.BadInput($"{origin}: no such file.");
            }

            token = File.ReadAllText(sources.TokenFile).Trim();
        }
        else
        {
            origin = $"${KonnectSecretSources.TokenVariable}";
            token = context.GetEnvironmentVariable(KonnectSecretSources.TokenVariable)?.Trim();
        }

        if (string.IsNullOrEmpty(token))
        {
            throw CommandFailedException.BadInput(
                $"The manifests use the Kong Operator, which reads the Konnect token from Secret {KonnectKubernetesNames.TokenSecret}; no token was given. Set {KonnectSecretSources.TokenVariable} or pass --token-file <file> (a personal access token kpat_… or system account token spat_…, from Konnect > Personal access tokens).");
        }

        if (!(token.StartsWith("kpat_", StringComparison.Ordinal) || token.StartsWith("spat_", StringComparison.Ordinal)) || token.Any(char.IsWhiteSpace))
        {
            throw CommandFailedException.BadInput(
                $"The token from {origin} is not a Konnect personal access token (kpat_…) or system account token (spat_…). Create one in Konnect and pass it again.");
        }

        return token;
    }

    private static string RequireDirectory(RequiredObject required, KonnectSecretSources sources)
    {
        if (sources.ClusterCertificateDirectory is null)
        {
            throw CommandFailedException.BadInput(
                $"The manifests use {required.ObjectKind} {required.Namespace}/{required.Name} for the plain data planes; pass --cluster-cert-dir <folder> with the tls.crt, tls.key and endpoints.env that `provisioner konnect up` wrote.");
        }

        return Directory.Exists(sources.ClusterCertificateDirectory)
            ? sources.ClusterCertificateDirectory
            : throw CommandFailedException.BadInput($"--cluster-cert-dir {sources.ClusterCertificateDirectory}: no such folder. Run `provisioner konnect up` to write it.");
    }

    private static string? FirstExisting(string directory, params string[] names) =>
        names.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);

    private static V1ObjectMeta Metadata(RequiredObject required) => new()
    {
        Name = required.Name,
        NamespaceProperty = required.Namespace,
        Labels = new Dictionary<string, string> { [ManagedByLabel] = KonnectKubernetesNames.FieldManager },
    };

    private static ManifestDocument Document(RequiredObject required, V1ObjectMeta metadata, IKubernetesObject<V1ObjectMeta> item)
    {
        item.Metadata = metadata;
        var body = JsonNode.Parse(KubernetesJson.Serialize(item))!.AsObject();
        return new ManifestDocument("v1", required.ObjectKind, required.Name, required.Namespace, body, "created by the provisioner") { Generated = true };
    }

    private static bool References(JsonNode? node, string name, params string[] referenceProperties)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (referenceProperties.Contains(key, StringComparer.Ordinal) && value is JsonObject reference
                        && (Is(reference["name"], name) || Is(reference["secretName"], name)))
                    {
                        return true;
                    }

                    if (References(value, name, referenceProperties))
                    {
                        return true;
                    }
                }

                return false;
            case JsonArray array:
                return array.Any(item => References(item, name, referenceProperties));
            default:
                return false;
        }
    }

    private static bool Is(JsonNode? node, string expected) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text == expected;
}
