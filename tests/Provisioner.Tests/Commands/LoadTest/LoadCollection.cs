namespace KonnectAspire.Provisioner.Tests.Commands.LoadTest;

/// <summary>Load runs go alone, after the other tests, so that the rest of this test run does not compete with them for the CPU.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadCollection
{
    public const string Name = "Load";
}
