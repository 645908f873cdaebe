namespace KonnectAspire.Deployment.Konnect;

/// <summary>Where the Provisioner takes the Konnect token from: a file named by --token-file, or this variable.</summary>
public static class KonnectTokenInput
{
    public const string Variable = "KONNECT_TOKEN";

    public static string ReadFile(string path, string workingDirectory)
    {
        var full = Path.GetFullPath(path, workingDirectory);

        // The path is not repeated while it is not known to be a file: it may be the token given in its place.
        if (!File.Exists(full))
        {
            throw DeploymentException.BadInput(
                "--token-file names no file (the argument is not repeated, as it may be the token itself). Point --token-file at a file that holds only the token.");
        }

        try
        {
            return File.ReadAllText(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            throw DeploymentException.BadInput($"Cannot read the token file '{full}': {ex.Message} Point --token-file at a readable file that holds only the token.", ex);
        }
    }
}
