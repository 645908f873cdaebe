using KonnectAspire.Konnect.Api;

namespace KonnectAspire.Deployment.Konnect;

/// <summary>Where deployments take the Konnect token from: a file (the Provisioner's --token-file), or this variable.</summary>
public static class KonnectTokenInput
{
    /// <summary>The variable the token is read from when no file is named.</summary>
    public const string Variable = "KONNECT_TOKEN";

    /// <summary>The option the Provisioner reads the token file from.</summary>
    public const string FileOption = "--token-file";

    /// <summary>Reads the token file; <paramref name="option"/> is what messages call it (the CLI option or a configuration key).</summary>
    public static string ReadFile(string path, string workingDirectory, string option = FileOption)
    {
        var full = Path.GetFullPath(path, workingDirectory);

        // The path is not repeated while it is not known to be a file: it may be the token given in its place.
        if (!File.Exists(full))
        {
            throw DeploymentException.BadInput(
                $"{option} names no file (the argument is not repeated, as it may be the token itself). Point {option} at a file that holds only the token.");
        }

        try
        {
            return File.ReadAllText(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            throw DeploymentException.BadInput($"Cannot read the token file '{full}': {ex.Message} Point {option} at a readable file that holds only the token.", ex);
        }
    }

    /// <summary>
    /// The token from <paramref name="file"/> (named <paramref name="fileOption"/> in messages), else from
    /// <see cref="Variable"/>; <paramref name="missing"/> is the message when no file is named and the variable is
    /// empty. A file without a token, or a token that is not a Konnect token, is bad input with
    /// <see cref="KonnectAccessToken.Parse"/>'s message, and the token's text is never repeated.
    /// </summary>
    public static KonnectAccessToken Read(string? file, string fileOption, DeploymentEnvironment environment, string missing)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? token;
        string origin;
        if (file is not null)
        {
            var full = Path.GetFullPath(file, environment.WorkingDirectory);
            origin = fileOption == FileOption ? $"the token file '{full}'" : $"the token file '{full}' ({fileOption})";
            token = ReadFile(full, environment.WorkingDirectory, fileOption);
        }
        else
        {
            origin = Variable;
            token = environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrWhiteSpace(token))
            {
                throw DeploymentException.BadInput(missing);
            }
        }

        try
        {
            return KonnectAccessToken.Parse(token, origin);
        }
        catch (ArgumentException ex)
        {
            // The parameter suffix ArgumentException appends is for developers, not for the person at the prompt.
            throw DeploymentException.BadInput(ex.Message.Split(" (Parameter", 2)[0], ex);
        }
    }
}
