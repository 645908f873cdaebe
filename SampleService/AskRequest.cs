namespace KonnectAspire.SampleService;

/// <summary>The body of POST /ask.</summary>
internal sealed record AskRequest(string? Question);
