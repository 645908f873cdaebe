using System.Text;
using KonnectAspire.Konnect.Certificates;

namespace KonnectAspire.Provisioner.Konnect;

/// <summary>
/// The folder <c>konnect up</c> writes: the data-plane certificate and key, the Kubernetes manifest, the endpoints
/// and a record of what was provisioned. Every file is owner-only (0600, folder 0700) and written beside its target
/// and moved over it, so an interrupted run never leaves half a file, and unchanged content is not rewritten.
/// </summary>
internal sealed class KonnectOutputDirectory(string path)
{
    public const string CertificateFileName = "tls.crt";
    public const string KeyFileName = "tls.key";
    public const string ManifestFileName = "konnect-cluster.yaml";
    public const string EndpointsFileName = "konnect-endpoints.env";
    public const string StateFileName = "konnect.json";

    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public string Path { get; } = path;

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

    public string? ReadText(string file) => System.IO.File.Exists(file) ? System.IO.File.ReadAllText(file) : null;

    /// <summary>Writes <paramref name="contents"/> unless the file already holds exactly that; returns whether it wrote.</summary>
    public bool WriteIfChanged(string file, string contents)
    {
        CreateOwnerOnly();
        if (System.IO.File.Exists(file) && System.IO.File.ReadAllText(file) == contents)
        {
            if (!OperatingSystem.IsWindows())
            {
                System.IO.File.SetUnixFileMode(file, OwnerOnlyFile);
            }

            return false;
        }

        var temporary = $"{file}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(Utf8.GetBytes(contents));
            }

            System.IO.File.Move(temporary, file, overwrite: true);
            return true;
        }
        finally
        {
            System.IO.File.Delete(temporary);
        }
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

    private string File(string name) => System.IO.Path.Combine(Path, name);

    private void CreateOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Path);
            return;
        }

        Directory.CreateDirectory(Path, OwnerOnlyDirectory);
        System.IO.File.SetUnixFileMode(Path, OwnerOnlyDirectory);
    }
}
