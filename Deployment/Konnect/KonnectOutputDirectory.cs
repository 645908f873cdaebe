using System.Globalization;
using System.Text;
using KonnectAspire.Konnect.Api;
using KonnectAspire.Konnect.Certificates;

namespace KonnectAspire.Deployment.Konnect;

/// <summary>
/// The folder <c>konnect up</c> writes: the data-plane certificate and key, the Kubernetes manifest, the endpoints
/// and a record of what was provisioned. Every file is owner-only (0600, folder 0700) and written beside its target
/// and moved over it, so an interrupted run never leaves half a file, and unchanged content is not rewritten.
/// </summary>
public sealed class KonnectOutputDirectory(string path)
{
    public const string CertificateFileName = "tls.crt";
    public const string KeyFileName = "tls.key";
    public const string ManifestFileName = "konnect-cluster.yaml";
    public const string EndpointsFileName = "konnect-endpoints.env";
    public const string StateFileName = "konnect.json";

    public string Path { get; } = path;

    /// <summary>
    /// Where <c>konnect up</c> writes by default, one folder per control plane; deploy looks there too. It is under the
    /// user's data folder, so a private key never lands in a work tree by accident.
    /// </summary>
    public static string DefaultRoot(string dataDirectory) => System.IO.Path.Combine(dataDirectory, "konnect");

    /// <summary>The default folder of <paramref name="controlPlaneName"/>: under <see cref="DefaultRoot"/>, its name made safe for a path.</summary>
    public static string DefaultPath(string dataDirectory, string controlPlaneName) => System.IO.Path.Combine(
        DefaultRoot(dataDirectory),
        string.Concat(controlPlaneName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')));

    public string CertificatePath => File(CertificateFileName);

    public string KeyPath => File(KeyFileName);

    public string ManifestPath => File(ManifestFileName);

    public string EndpointsPath => File(EndpointsFileName);

    public string StatePath => File(StateFileName);

    public IEnumerable<string> AllFiles => [CertificatePath, KeyPath, ManifestPath, EndpointsPath, StatePath];

    /// <summary>The certificate and key written earlier, or null when missing, unreadable, mismatched or expiring within <paramref name="renewBefore"/>.</summary>
    public ClusterCertificate? ReadCertificate(DateTimeOffset now, TimeSpan renewBefore)
    {
        if (!System.IO.File.Exists(CertificatePath) || !System.IO.File.Exists(KeyPath))
        {
            return null;
        }

        try
        {
            var certificate = ClusterCertificate.FromPem(System.IO.File.ReadAllText(CertificatePath), System.IO.File.ReadAllText(KeyPath));
            return certificate.ExpiresWithin(now, renewBefore) ? null : certificate;
        }
        catch (FormatException)
        {
            // Half-written, mismatched or foreign files are replaced by a new pair rather than pinned.
            return null;
        }
    }

    /// <summary>The text of <see cref="EndpointsFileName"/>: one <c>NAME=value</c> line per <c>KONG_CLUSTER_*</c> setting.</summary>
    public static string EndpointsText(KonnectDataPlaneEndpoints endpoints)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in endpoints.ToEnvironment())
        {
            text.Append(CultureInfo.InvariantCulture, $"{key}={value}\n");
        }

        return text.ToString();
    }

    /// <summary>The endpoints in <see cref="EndpointsFileName"/>, or null when it lacks either of them as host:port.</summary>
    public KonnectDataPlaneEndpoints? ReadEndpoints()
    {
        // Read as a shell would source it, so a hand-edited file (comments, quotes) still works.
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in System.IO.File.ReadAllLines(EndpointsPath).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[line[..equals].Trim()] = line[(equals + 1)..].Trim().Trim('"');
            }
        }

        var controlPlane = HostAndPort(values.GetValueOrDefault("KONG_CLUSTER_CONTROL_PLANE"));
        var telemetry = HostAndPort(values.GetValueOrDefault("KONG_CLUSTER_TELEMETRY_ENDPOINT"));
        return controlPlane is null || telemetry is null
            ? null
            : new KonnectDataPlaneEndpoints(controlPlane.Value.Host, controlPlane.Value.Port, telemetry.Value.Host, telemetry.Value.Port);
    }

    /// <summary>Writes <paramref name="contents"/> unless the file already holds exactly that; returns whether it wrote.</summary>
    public bool WriteIfChanged(string file, string contents)
    {
        OwnerOnlyFiles.CreateDirectory(Path);
        if (System.IO.File.Exists(file) && System.IO.File.ReadAllText(file) == contents)
        {
            OwnerOnlyFiles.RestrictToOwner(file);
            return false;
        }

        OwnerOnlyFiles.Write(file, contents);
        return true;
    }

    /// <summary>Deletes the files this tool writes (and the folder when nothing else is in it); returns the files deleted.</summary>
    public IReadOnlyList<string> Delete()
    {
        var deleted = AllFiles.Where(System.IO.File.Exists).ToList();
        deleted.ForEach(System.IO.File.Delete);
        if (Directory.Exists(Path) && !Directory.EnumerateFileSystemEntries(Path).Any())
        {
            Directory.Delete(Path);
        }

        return deleted;
    }

    private static (string Host, int Port)? HostAndPort(string? value)
    {
        var colon = value?.LastIndexOf(':') ?? -1;
        return colon > 0 && int.TryParse(value![(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? (value[..colon], port)
            : null;
    }

    private string File(string name) => System.IO.Path.Combine(Path, name);
}
