namespace KonnectAspire.Konnect.Api;

/// <summary>What a request does and what it is about, for retry notices and error messages.</summary>
/// <param name="Operation">e.g. "create control plane".</param>
/// <param name="Subject">The control plane name or id the call is about.</param>
internal readonly record struct KonnectCall(string Operation, string Subject);
