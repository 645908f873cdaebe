using System.Collections.Immutable;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Kong;

/// <summary>Sets the dashboard properties this integration shows on its resources.</summary>
internal static class KongSnapshotProperties
{
    /// <summary>Replaces (or adds) the property <paramref name="name"/>.</summary>
    public static ImmutableArray<ResourcePropertySnapshot> Set(ImmutableArray<ResourcePropertySnapshot> properties, string name, object value)
        => properties.RemoveAll(property => property.Name == name).Add(new ResourcePropertySnapshot(name, value));
}
