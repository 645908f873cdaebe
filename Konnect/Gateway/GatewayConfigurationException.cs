namespace KonnectAspire.Konnect.Gateway;

/// <summary>
/// A gateway model Kong would reject, found before anything was sent. <see cref="Problems"/> lists every problem,
/// each a sentence naming the entity and the fix.
/// </summary>
public sealed class GatewayConfigurationException : Exception
{
    /// <summary>Creates the exception from the problems <see cref="GatewayConfigurationValidator.Validate"/> found.</summary>
    /// <param name="problems">At least one problem.</param>
    public GatewayConfigurationException(IReadOnlyList<string> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found in the model.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Count == 1
            ? $"The gateway configuration is invalid: {problems[0]}"
            : $"The gateway configuration has {problems.Count} problems:{Environment.NewLine}- " +
              string.Join(Environment.NewLine + "- ", problems);
    }
}
