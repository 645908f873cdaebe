namespace Aspire.Hosting.Kong;

/// <summary>Where Aspire reads a (non connection string) parameter's value from in configuration.</summary>
internal static class ParameterConfigurationKey
{
    /// <summary><c>Parameters:&lt;name&gt;</c> (env <c>Parameters__&lt;name&gt;</c>).</summary>
    public static string For(string parameterName) => $"Parameters:{parameterName}";
}
