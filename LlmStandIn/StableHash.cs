using System.Text;

namespace KonnectAspire.LlmStandIn;

/// <summary>
/// 64-bit FNV-1a over UTF-8: the same text gives the same number in every process and on every machine, which
/// string.GetHashCode does not (it is randomized per process).
/// </summary>
internal static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Fnv1a64(string text)
    {
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= Prime;
        }

        return hash;
    }
}
