namespace KonnectAspire.Konnect.Gateway;

/// <summary>
/// Marks a property that names another gateway entity: written as the name in a decK file, as <c>{"id": ...}</c>
/// (the stable id of that name) in an Admin API or Konnect body, and left to the Kong Operator's own references.
/// </summary>
/// <param name="kind">The kind of entity the name refers to.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class GatewayReferenceAttribute(GatewayEntityKind kind) : Attribute
{
    /// <summary>The kind of entity the name refers to.</summary>
    public GatewayEntityKind Kind { get; } = kind;
}
