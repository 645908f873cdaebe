using KonnectAspire.TestSupport.Kong;
namespace KonnectAspire.Konnect.Tests.Admin;

/// <summary>Base for tests that talk to a fresh <see cref="FakeKongAdminApi"/> per test.</summary>
public abstract class FakeKongAdminApiTest : IAsyncLifetime
{
    internal FakeKongAdminApi Kong { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Kong = await FakeKongAdminApi.StartAsync();
        Http = Kong.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Kong.DisposeAsync();
    }
}
