using KonnectAspire.TestSupport.Konnect;

namespace KonnectAspire.Provisioner.Tests.Commands.Konnect;

/// <summary>One Prism for this project's contract tests (xunit wants a collection defined in the assembly that uses it).</summary>
[CollectionDefinition(Name)]
public sealed class PrismCollection : ICollectionFixture<PrismMockServer>
{
    public const string Name = "Prism (Konnect OpenAPI)";
}
