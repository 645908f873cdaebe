using System.Text;

namespace KonnectAspire.Konnect.Certificates;

/// <summary>
/// Folders and files only their owner may read (0700 and 0600 on Unix), for private keys and the files beside them.
/// On Windows the user profile's own access rules apply.
/// </summary>
public static class OwnerOnlyFiles
{
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Creates <paramref name="path"/> if needed and makes it owner-only, also when it already existed.</summary>
    /// <param name="path">The folder.</param>
    public static void CreateDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, DirectoryMode);
        File.SetUnixFileMode(path, DirectoryMode);
    }

    /// <summary>Makes an existing file owner-only.</summary>
    /// <param name="path">The file.</param>
    public static void RestrictToOwner(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, FileMode);
        }
    }

    /// <summary>
    /// Writes <paramref name="contents"/> as UTF-8 (no byte order mark) to an owner-only file beside
    /// <paramref name="path"/> and moves it over <paramref name="path"/>, so a reader never sees half a key.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="contents">What it should hold.</param>
    public static void Write(string path, string contents)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(contents);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(Utf8.GetBytes(contents));
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
