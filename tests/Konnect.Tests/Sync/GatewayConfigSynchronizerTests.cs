using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Admin;
using KonnectAspire.Konnect.Gateway;
using KonnectAspire.Konnect.Sync;
using KonnectAspire.Konnect.Tests.Admin;

namespace KonnectAspire.Konnect.Tests.Sync;

public sealed class GatewayConfigSynchronizerTests : FakeKongAdminApiTest
{
    private const string Owner = GatewayConfigSynchronizer.DefaultOwnerTag;

    [Fact]
    public async Task First_sync_puts_services_then_routes_then_plugins_with_the_owner_tag()
    {
        var result = await Sync(Orders());

        Assert.Equal(["service orders", "route orders", "plugin rate-limiting (global)", "plugin cors (route orders)"], result.Created);
        Assert.Empty(result.Updated);
        Assert.Empty(result.Deleted);

        var serviceId = KongEntityJson.StableId(GatewayEntityKind.Service, "orders");
        var routeId = KongEntityJson.StableId(GatewayEntityKind.Route, "orders");
        Assert.Equal(
            [
                $"PUT /services/{serviceId}",
                $"PUT /routes/{routeId}",
                $"PUT /plugins/{KongEntityJson.IdOf(new GatewayPlugin { Name = "rate-limiting" })}",
                $"PUT /plugins/{KongEntityJson.IdOf(new GatewayPlugin { Name = "cors", Route = "orders" })}",
            ],
            Kong.Changes);

        var puts = Kong.Requests.Where(request => request.Method == "PUT").Select(request => request.Json).ToList();
        AssertJson(
            $$"""{"id":"{{serviceId}}","name":"orders","protocol":"http","host":"orders.internal","port":8080,"path":null,"tags":["team-a","konnectaspire"]}""",
            puts[0]);
        AssertJson(
            $$"""
            {"id":"{{routeId}}","name":"orders","service":{"id":"{{serviceId}}"},"paths":["/orders"],"methods":null,"hosts":null,
             "protocols":["http","https"],"strip_path":true,"preserve_host":false,"tags":["konnectaspire"]}
            """,
            puts[1]);
        AssertJson(
            $$"""
            {"id":"{{KongEntityJson.IdOf(new GatewayPlugin { Name = "rate-limiting" })}}","name":"rate-limiting",
             "config":{"minute":5,"policy":"local"},"enabled":true,"service":null,"route":null,"tags":["konnectaspire"]}
            """,
            puts[2]);
        Assert.Equal(routeId.ToString(), puts[3]["route"]?["id"]?.GetValue<string>());
        Assert.Null(puts[3]["service"]);
    }

    [Fact]
    public async Task Second_sync_with_the_same_model_sends_no_put_or_delete()
    {
        await Sync(Orders());
        Kong.ClearRequests();

        var result = await Sync(Orders());

        Assert.False(result.HasChanges);
        Assert.Equal(4, result.Unchanged.Count);
        Assert.Empty(Kong.Changes);
        Assert.All(Kong.Requests, request => Assert.Equal("GET", request.Method));
    }

    [Fact]
    public async Task A_changed_field_is_put_again_and_nothing_else()
    {
        await Sync(Orders());
        Kong.ClearRequests();
        var changed = Orders();
        changed.Services[0] = changed.Services[0] with { Port = 9090 };

        var result = await Sync(changed);

        Assert.Equal(["service orders"], result.Updated);
        Assert.Equal([$"PUT /services/{KongEntityJson.StableId(GatewayEntityKind.Service, "orders")}"], Kong.Changes);
        Assert.Equal(9090, Kong.All("services").Single()["port"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_changed_plugin_config_value_is_put_again()
    {
        await Sync(Orders());
        var changed = Orders();
        changed.Plugins[0] = changed.Plugins[0] with { Config = new JsonObject { ["minute"] = 10, ["policy"] = "local" } };

        var result = await Sync(changed);

        Assert.Equal(["plugin rate-limiting (global)"], result.Updated);
    }

    [Fact]
    public async Task Stale_tagged_entities_are_deleted_plugins_first_then_routes_then_services()
    {
        var withBilling = Orders();
        withBilling.Services.Add(new GatewayService { Name = "billing", Host = "billing.internal" });
        withBilling.Routes.Add(new GatewayRoute { Name = "billing", Service = "billing", Paths = ["/billing"] });
        withBilling.Plugins.Add(new GatewayPlugin { Name = "key-auth", Route = "billing" });
        await Sync(withBilling);
        Kong.ClearRequests();

        var result = await Sync(Orders());

        Assert.Equal(["plugin key-auth (route billing)", "route billing", "service billing"], result.Deleted);
        Assert.Equal(
            [
                $"DELETE /plugins/{KongEntityJson.IdOf(new GatewayPlugin { Name = "key-auth", Route = "billing" })}",
                $"DELETE /routes/{KongEntityJson.StableId(GatewayEntityKind.Route, "billing")}",
                $"DELETE /services/{KongEntityJson.StableId(GatewayEntityKind.Service, "billing")}",
            ],
            Kong.Changes);
        Assert.Equal(["orders"], Kong.All("services").Select(service => service["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Entities_without_the_owner_tag_are_never_touched()
    {
        var handMadeId = Guid.NewGuid();
        var otherOwnerId = Guid.NewGuid();
        Kong.Seed("services", new JsonObject { ["id"] = handMadeId.ToString(), ["name"] = "legacy", ["host"] = "legacy.internal", ["tags"] = null });
        Kong.Seed("services", new JsonObject { ["id"] = otherOwnerId.ToString(), ["name"] = "theirs", ["host"] = "theirs.internal", ["tags"] = new JsonArray("someone-else") });
        Kong.Seed("routes", new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "legacy", ["paths"] = new JsonArray("/legacy"), ["service"] = new JsonObject { ["id"] = handMadeId.ToString() } });

        await Sync(Orders());
        await Sync(new GatewayConfiguration());

        Assert.DoesNotContain(Kong.Changes, change => change.Contains(handMadeId.ToString(), StringComparison.Ordinal) || change.Contains(otherOwnerId.ToString(), StringComparison.Ordinal));
        Assert.Equal(["legacy", "theirs"], Kong.All("services").Select(service => service["name"]!.GetValue<string>()));
        Assert.Equal(["legacy"], Kong.All("routes").Select(route => route["name"]!.GetValue<string>()));
        Assert.Empty(Kong.All("plugins"));
    }

    [Fact]
    public async Task An_invalid_model_throws_before_any_request()
    {
        var invalid = Orders();
        invalid.Routes[0] = invalid.Routes[0] with { Paths = ["orders"] };

        var error = await Assert.ThrowsAsync<GatewayConfigurationException>(() => Sync(invalid));

        Assert.Contains("Route 'orders'", error.Message, StringComparison.Ordinal);
        Assert.Contains("use '/orders'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Kong.Requests);
    }

    [Fact]
    public async Task A_kong_refusal_names_the_entity_and_quotes_kong()
    {
        var model = Orders();
        model.Plugins.Add(new GatewayPlugin { Name = "not-installed" });

        var error = await Assert.ThrowsAsync<KongAdminApiException>(() => Sync(model));

        Assert.Equal(
            "Kong rejected plugin 'not-installed' (400): schema violation (name: plugin 'not-installed' not enabled; add it to the 'plugins' configuration property)",
            error.Message);
    }

    [Fact]
    public async Task A_name_taken_by_a_hand_made_entity_is_reported_as_a_conflict()
    {
        Kong.Seed("services", new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "orders", ["host"] = "elsewhere", ["tags"] = null });

        var error = await Assert.ThrowsAsync<KongAdminApiException>(() => Sync(Orders()));

        Assert.StartsWith("Kong rejected service 'orders' (409): UNIQUE violation", error.Message, StringComparison.Ordinal);
        Assert.Contains("rename one of them", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a,b")]
    [InlineData("a/b")]
    public void An_invalid_owner_tag_is_refused(string tag)
        => Assert.ThrowsAny<ArgumentException>(() => new GatewayConfigSynchronizer(new KongEntityApiStore(new KongAdminApi(Http)), tag));

    private Task<GatewaySyncResult> Sync(GatewayConfiguration model)
        => new GatewayConfigSynchronizer(new KongEntityApiStore(new KongAdminApi(Http)), Owner).SyncAsync(model);

    private static GatewayConfiguration Orders() => new()
    {
        Services = [new GatewayService { Name = "orders", Host = "orders.internal", Port = 8080, Tags = ["team-a"] }],
        Routes = [new GatewayRoute { Name = "orders", Service = "orders", Paths = ["/orders"] }],
        Plugins =
        [
            new GatewayPlugin { Name = "rate-limiting", Config = new JsonObject { ["minute"] = 5, ["policy"] = "local" } },
            new GatewayPlugin { Name = "cors", Route = "orders" },
        ],
    };

    private static void AssertJson(string expected, JsonObject actual)
        => Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected {expected}{Environment.NewLine}but got {actual.ToJsonString()}");
}
