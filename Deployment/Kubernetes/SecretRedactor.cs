namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// Remembers the secret values a run handles (token, key, their base64 forms) and blanks them out of any text shown
/// to the user, such as an API server's error message that quotes a rejected field.
/// </summary>
public sealed class SecretRedactor
{
    private readonly List<string> _values = [];

    public void Add(string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        _values.Add(value);
        _values.Add(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value)));
    }

    public string Redact(string text) =>
        _values.Aggregate(text, (current, value) => current.Replace(value, "***", StringComparison.Ordinal));
}
