namespace KonnectAspire.Konnect.Gateway;

/// <summary>One field of a gateway entity's JSON contract.</summary>
/// <param name="Name">Kong's name of the field, e.g. <c>strip_path</c>.</param>
/// <param name="Type">The CLR type of the record property: string, int, bool, a list of strings, or a JSON object.</param>
/// <param name="IsRequired">Whether every entity must set it.</param>
/// <param name="Reference">The kind of entity the field names, or null when it is a value.</param>
internal sealed record GatewayEntityField(string Name, Type Type, bool IsRequired, GatewayEntityKind? Reference);
