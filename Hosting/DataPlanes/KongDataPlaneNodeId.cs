using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Aspire.Hosting.Kong.DataPlanes;

/// <summary>
/// A local data plane's Kong node id (kong.conf <c>node_id</c>, a UUID): the instance number in its first group, then a
/// hash of the machine, the AppHost folder and the group (two people on one Konnect control plane with the same checkout
/// path still get different ids). Kong reports it as <c>service.instance.id</c> on every span, so the
/// dashboard names <c>kong-dp-1</c>'s spans <c>kong-dp-00000001…</c> instead of a random id, and it stays the same from
/// run to run, so the control plane (or Konnect) sees the same data plane come back instead of a new one each start.
/// </summary>
internal static class KongDataPlaneNodeId
{
    public static string For(string appHostDirectory, string groupName, int index)
    {
        ArgumentException.ThrowIfNullOrEmpty(appHostDirectory);
        ArgumentException.ThrowIfNullOrEmpty(groupName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(index);
        var hex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Environment.MachineName}|{appHostDirectory}|{groupName}")));
        return $"{index.ToString("x8", CultureInfo.InvariantCulture)}-{hex[..4]}-{hex[4..8]}-{hex[8..12]}-{hex[12..24]}";
    }
}
