using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Api;
using KonnectAspire.Konnect.Gateway;
using KonnectAspire.Konnect.Sync;
using KonnectAspire.TestSupport.Konnect;

namespace KonnectAspire.Konnect.Tests.Api;

[Collection(PrismCollection.Name)]
public sealed class KonnectClientContractTests(PrismMockServer prism)
{
    private KonnectClient Client() => new(new KonnectClientOptions
    {
        Token = KonnectAccessToken.Parse("kpat_contract0test0token"),
        BaseAddress = prism.BaseAddress,
        MaxRetryAttempts = 0,
    });

    [Fact]
    public async Task Find_create_get_and_delete_a_control_plane_keep_to_the_spec()
    {
        var mark = prism.Mark();
        using var client = Client();

        var found = await client.FindControlPlaneByNameAsync("konnectaspire-contract");
        var (example, createdExample) = await client.FindOrCreateControlPlaneAsync(new KonnectControlPlaneRequest { Name = "Test Control Plane" });
        var created = await client.CreateControlPlaneAsync(new KonnectControlPlaneRequest
        {
            Name = "konnectaspire-contract",
            Description = "contract test",
            Labels = new Dictionary<string, string> { ["managed-by"] = "konnectaspire" },
        });
        var fetched = await client.GetControlPlaneAsync(created.Id);
        var deleted = await client.DeleteControlPlaneAsync(created.Id);

        Assert.Null(found);
        Assert.False(createdExample);
        Assert.Equal("Test Control Plane", example.Name);
        Assert.NotEqual(Guid.Empty, created.Id);
        Assert.Equal(created.Id, fetched.Id);
        Assert.NotNull(KonnectDataPlaneEndpoints.From(fetched).ControlPlaneHost);
        Assert.True(deleted);
        Assert.Empty(await prism.ViolationsSinceAsync(mark));
    }

    [Fact]
    public async Task Pin_list_and_unpin_a_data_plane_certificate_keep_to_the_spec()
    {
        var mark = prism.Mark();
        using var client = Client();
        var controlPlane = Guid.NewGuid();

        var certificate = SelfSignedCertificatePem();
        var pinned = await client.PinDataPlaneCertificateAsync(controlPlane, certificate, "konnectaspire");
        var listed = await client.ListDataPlaneCertificatesAsync(controlPlane);
        var pinnedAgain = await client.EnsureDataPlaneCertificatePinnedAsync(controlPlane, certificate, "konnectaspire");
        var unpinned = await client.DeleteDataPlaneCertificateAsync(controlPlane, pinned.Id);

        Assert.False(string.IsNullOrEmpty(pinned.Id));
        Assert.NotEmpty(listed);
        Assert.True(pinnedAgain, "the mock's example certificate is not ours, so it is pinned again");
        Assert.True(unpinned);
        Assert.Empty(await prism.ViolationsSinceAsync(mark));
    }

    [Fact]
    public async Task The_core_entity_store_upserts_lists_and_deletes_services_routes_and_plugins_within_the_spec()
    {
        var mark = prism.Mark();
        using var client = Client();
        IGatewayEntityStore store = client.EntityStore(Guid.NewGuid());
        var service = Guid.NewGuid();
        var route = Guid.NewGuid();
        var plugin = Guid.NewGuid();

        await store.PutAsync(GatewayEntityKind.Service, service, new JsonObject
        {
            ["id"] = service.ToString(),
            ["name"] = "orders",
            ["protocol"] = "http",
            ["host"] = "orders.default.svc",
            ["port"] = 8080,
            ["tags"] = new JsonArray("konnectaspire"),
        }, CancellationToken.None);
        await store.PutAsync(GatewayEntityKind.Route, route, new JsonObject
        {
            ["id"] = route.ToString(),
            ["name"] = "orders",
            ["paths"] = new JsonArray("/orders"),
            ["protocols"] = new JsonArray("http", "https"),
            ["strip_path"] = true,
            ["service"] = new JsonObject { ["id"] = service.ToString() },
            ["tags"] = new JsonArray("konnectaspire"),
        }, CancellationToken.None);
        await store.PutAsync(GatewayEntityKind.Plugin, plugin, new JsonObject
        {
            ["id"] = plugin.ToString(),
            ["name"] = "rate-limiting",
            ["route"] = new JsonObject { ["id"] = route.ToString() },
            ["config"] = new JsonObject { ["minute"] = 60, ["policy"] = "local" },
            ["enabled"] = true,
            ["tags"] = new JsonArray("konnectaspire"),
        }, CancellationToken.None);
        foreach (var kind in Enum.GetValues<GatewayEntityKind>())
        {
            var owned = await store.ListTaggedAsync(kind, "konnectaspire", CancellationToken.None);
            Assert.All(owned, e => Assert.Contains("konnectaspire", e["tags"]!.AsArray().Select(t => t!.GetValue<string>())));
        }

        await store.DeleteAsync(GatewayEntityKind.Plugin, plugin, CancellationToken.None);
        await store.DeleteAsync(GatewayEntityKind.Route, route, CancellationToken.None);
        await store.DeleteAsync(GatewayEntityKind.Service, service, CancellationToken.None);

        Assert.Empty(await prism.ViolationsSinceAsync(mark));
    }

    [Fact]
    public async Task A_request_that_breaks_the_spec_is_refused_and_reported()
    {
        var mark = prism.Mark();
        using var client = Client();

        var error = await Assert.ThrowsAsync<KonnectApiException>(() => client.CreateControlPlaneAsync(new KonnectControlPlaneRequest
        {
            Name = "konnectaspire-contract",
            Labels = new Dictionary<string, string> { ["team"] = "-not a valid label value-" },
        }));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.NotEmpty(await prism.ViolationsSinceAsync(mark));
    }

    private static string SelfSignedCertificatePem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var request = new CertificateRequest("CN=kong_clustering", key, HashAlgorithmName.SHA384);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30));
        return certificate.ExportCertificatePem();
    }
}
