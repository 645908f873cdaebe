using System.Text;
using System.Text.RegularExpressions;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>Kubernetes object names: the DNS label rule and the mapping from app-model names.</summary>
internal static partial class KubernetesObjectName
{
    public const int MaxLabelLength = 63;

    /// <summary>Whether <paramref name="value"/> is an RFC 1123 DNS label (what namespaces and Service names must be).</summary>
    public static bool IsDnsLabel(string value) => value.Length <= MaxLabelLength && DnsLabel().IsMatch(value);

    /// <summary>
    /// The object name for an app-model or Kong entity name: lower case, anything but letters, digits and '-' becomes
    /// '-', trimmed to a DNS label. Distinct names can collide; the validator reports collisions.
    /// </summary>
    public static string From(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-');
        }

        var result = builder.ToString().Trim('-');
        if (result.Length > MaxLabelLength)
        {
            result = result[..MaxLabelLength].TrimEnd('-');
        }

        return result.Length == 0 ? "unnamed" : result;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
