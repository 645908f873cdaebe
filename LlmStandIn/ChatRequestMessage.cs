namespace KonnectAspire.LlmStandIn;

/// <summary>One message of a chat request: its role, its text (the text parts joined) and the optional author name.</summary>
internal sealed record ChatRequestMessage(string Role, string Text, string? Name);
