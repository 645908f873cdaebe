using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KonnectAspire.Deployment.Konnect;
using KonnectAspire.Konnect.Certificates;
using KonnectAspire.Konnect.Kubernetes;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// The Secrets and ConfigMap the published manifests refer to but cannot carry (they hold credentials): the Konnect
/// token Secret for the Kong Operator flavour, the data-plane certificate Secret and the endpoints ConfigMap for the
/// plain flavour. Found by reference in the manifests, so either flavour (or both) works without being told which.
/// </summary>
public static class KonnectClusterObjects
{
    public static IReadOnlyList<RequiredObject> FindRequired(IReadOnlyList<ManifestDocument> documents)
    {
        var required = ObjectReferences.Find(documents)
            .Select(r => (r.Kind, r.Name) switch
            {
                ("Secret", KonnectKubernetesNames.TokenSecret) => new RequiredObject(RequiredObjectKind.KonnectToken, r.Namespace),
                ("Secret", KonnectKubernetesNames.ClusterCertificateSecret) => new RequiredObject(RequiredObjectKind.ClusterCertificate, r.Namespace),
                ("ConfigMap", KonnectKubernetesNames.EndpointsConfigMap) => new RequiredObject(RequiredObjectKind.Endpoints, r.Namespace),
                _ => null,
            })
            .OfType<RequiredObject>();

        // What the publish output already carries is applied as it is.
        var present = documents.Select(d => (d.Kind, d.Namespace, d.Name)).ToHashSet();
        return required.Distinct().Where(r => !present.Contains((r.ObjectKind, r.Namespace, r.Name))).ToList();
    }

    /// <summary>The object with its data; every failure is bad input naming the fix, and nothing secret is in a message.</summary>
    public static ManifestDocument Build(RequiredObject required, KonnectSecretSources sources, DeploymentEnvironment context, SecretRedactor redactor) =>
        required.Kind switch
        {
            RequiredObjectKind.KonnectToken => TokenSecret(required, ReadToken(sources, context), redactor),
            RequiredObjectKind.ClusterCertificate => CertificateSecret(required, KonnectUpOutput(required, sources, context), context, redactor),
            _ => EndpointsConfigMap(required, KonnectUpOutput(required, sources, context)),
        };

    /// <summary>The object's identity only, for destroy and for diffs without the secret sources at hand.</summary>
    public static ManifestDocument Identity(RequiredObject required) => Generated(required.ObjectKind == "Secret"
        ? new V1Secret { ApiVersion = "v1", Kind = "Secret", Metadata = Metadata(required) }
        : new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = Metadata(required) });

    private static ManifestDocument TokenSecret(RequiredObject required, string token, SecretRedactor redactor)
    {
        redactor.Add(token);
        var metadata = Metadata(required);
        metadata.Labels[KonnectKubernetesNames.CredentialLabel] = KonnectKubernetesNames.CredentialLabelValue;
        return Generated(new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = metadata,
            Type = "Opaque",
            Data = new Dictionary<string, byte[]> { [KonnectKubernetesNames.TokenKey] = Encoding.UTF8.GetBytes(token) },
        });
    }

    // The same Secret and ConfigMap `konnect up` writes into konnect-cluster.yaml, made from the files beside it.
    private static ManifestDocument CertificateSecret(RequiredObject required, KonnectOutputDirectory files, DeploymentEnvironment context, SecretRedactor redactor)
    {
        if (!File.Exists(files.CertificatePath) || !File.Exists(files.KeyPath))
        {
            throw DeploymentException.BadInput(
                $"{files.Path} has no data-plane certificate: expected {KonnectOutputDirectory.CertificateFileName} and {KonnectOutputDirectory.KeyFileName}. Run `provisioner konnect up`, or pass the folder it wrote with --cluster-cert-dir.");
        }

        var key = File.ReadAllText(files.KeyPath);
        redactor.Add(key);
        ClusterCertificate certificate;
        try
        {
            certificate = ClusterCertificate.FromPem(File.ReadAllText(files.CertificatePath), key);
        }
        catch (FormatException e)
        {
            throw DeploymentException.BadInput($"{files.CertificatePath} and {files.KeyPath} cannot be used: {e.Message} Run `provisioner konnect up` again to write a new pair.");
        }

        if (certificate.ExpiresWithin(context.Time.GetUtcNow(), TimeSpan.Zero))
        {
            throw DeploymentException.BadInput($"The data-plane certificate {files.CertificatePath} expired on {certificate.NotAfter:yyyy-MM-dd}. Run `provisioner konnect up` to pin a new one.");
        }

        return Generated(KonnectClusterManifest.Secret(certificate, required.Namespace));
    }

    private static ManifestDocument EndpointsConfigMap(RequiredObject required, KonnectOutputDirectory files)
    {
        if (!File.Exists(files.EndpointsPath))
        {
            throw DeploymentException.BadInput(
                $"{files.Path} has no {KonnectOutputDirectory.EndpointsFileName} (the Konnect control-plane and telemetry endpoints). Run `provisioner konnect up`, or pass the folder it wrote with --cluster-cert-dir.");
        }

        var endpoints = files.ReadEndpoints() ?? throw DeploymentException.BadInput(
            $"{files.EndpointsPath} lacks KONG_CLUSTER_CONTROL_PLANE or KONG_CLUSTER_TELEMETRY_ENDPOINT as host:port. Run `provisioner konnect up` again to rewrite it.");
        return Generated(KonnectClusterManifest.Endpoints(endpoints, required.Namespace));
    }

    public static string ReadToken(KonnectSecretSources sources, DeploymentEnvironment context)
    {
        if (sources.Token is { } read)
        {
            return read;
        }

        // The konnect verbs' check, so a token they accept is one deploy accepts too.
        return KonnectTokenInput.Read(
            sources.TokenFile,
            sources.TokenFileOption,
            context,
            $"The manifests use the Kong Operator, which reads the Konnect token from Secret {KonnectKubernetesNames.TokenSecret}; no token was given. Set {KonnectTokenInput.Variable} or pass {sources.TokenFileOption} <file> (a personal access token kpat_… or system account token spat_…, from Konnect > Personal access tokens).").Reveal();
    }

    // --cluster-cert-dir, or the one folder `konnect up` wrote under the data folder's konnect/ (its default --output).
    private static KonnectOutputDirectory KonnectUpOutput(RequiredObject required, KonnectSecretSources sources, DeploymentEnvironment context)
    {
        if (sources.ClusterCertificateDirectory is not null)
        {
            return Directory.Exists(sources.ClusterCertificateDirectory)
                ? new KonnectOutputDirectory(sources.ClusterCertificateDirectory)
                : throw DeploymentException.BadInput($"--cluster-cert-dir {sources.ClusterCertificateDirectory}: no such folder. Run `provisioner konnect up` to write it.");
        }

        var root = KonnectOutputDirectory.DefaultRoot(context.DataDirectory);
        var written = Directory.Exists(root)
            ? Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, KonnectOutputDirectory.CertificateFileName))).ToList()
            : [];
        return written.Count == 1
            ? new KonnectOutputDirectory(written[0])
            : throw DeploymentException.BadInput(
                $"The manifests use {required.ObjectKind} {required.Namespace}/{required.Name} for the plain data planes; pass --cluster-cert-dir <folder> with the files `provisioner konnect up` wrote"
                + (written.Count == 0 ? $" (none found under {root}, its default --output)." : $" ({root} holds several: {string.Join(", ", written.Select(Path.GetFileName))})."));
    }

    /// <summary>A core (v1) object the provisioner made, as a document of the plan.</summary>
    public static ManifestDocument Generated(IKubernetesObject<V1ObjectMeta> item)
    {
        var body = JsonNode.Parse(KubernetesJson.Serialize(item))!.AsObject();
        return new ManifestDocument("v1", item.Kind, item.Metadata.Name, item.Metadata.NamespaceProperty, body, "created by the provisioner") { Generated = true };
    }

    private static V1ObjectMeta Metadata(RequiredObject required) => KonnectClusterManifest.Metadata(required.Name, required.Namespace);
}
