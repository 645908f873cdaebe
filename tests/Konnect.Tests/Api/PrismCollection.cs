using KonnectAspire.TestSupport.Konnect;

namespace KonnectAspire.Konnect.Tests.Api;

/// <summary>One Prism for all contract tests; they run one after another so each can read its own part of the log.</summary>
[CollectionDefinition(Name)]
public sealed class PrismCollection : ICollectionFixture<PrismMockServer>
{
    public const string Name = "Prism (Konnect OpenAPI)";
}
