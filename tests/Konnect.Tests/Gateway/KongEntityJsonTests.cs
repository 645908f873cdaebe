using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Gateway;

namespace KonnectAspire.Konnect.Tests.Gateway;

public sealed class KongEntityJsonTests
{
    [Fact]
    public void Name_based_ids_follow_rfc_4122_version_5()
    {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), KongEntityJson.NameBasedUuid(dns, "python.org"));
    }

    [Fact]
    public void Stable_ids_are_the_same_on_every_call_and_differ_by_kind()
    {
        var first = KongEntityJson.StableId(GatewayEntityKind.Service, "orders");

        Assert.Equal(first, KongEntityJson.StableId(GatewayEntityKind.Service, "orders"));
        Assert.Equal(first, KongEntityJson.IdOf(new GatewayService { Name = "orders", Host = "other", Port = 1 }));
        Assert.NotEqual(first, KongEntityJson.StableId(GatewayEntityKind.Route, "orders"));
        Assert.Equal(5, first.Version);
    }

    [Fact]
    public void Plugin_ids_depend_on_name_and_scope_only()
    {
        var global = KongEntityJson.IdOf(new GatewayPlugin { Name = "cors" });

        Assert.Equal(global, KongEntityJson.IdOf(new GatewayPlugin { Name = "cors", Config = new JsonObject { ["max_age"] = 60 }, Enabled = false }));
        Assert.NotEqual(global, KongEntityJson.IdOf(new GatewayPlugin { Name = "cors", Service = "orders" }));
        Assert.NotEqual(
            KongEntityJson.IdOf(new GatewayPlugin { Name = "cors", Service = "orders" }),
            KongEntityJson.IdOf(new GatewayPlugin { Name = "cors", Route = "orders" }));
    }

    [Theory]
    [InlineData(null, null, "global")]
    [InlineData("orders", null, "service orders")]
    [InlineData(null, "orders", "route orders")]
    [InlineData("orders", "fast", "service orders, route fast")]
    public void Plugin_scope_reads_as_words(string? service, string? route, string expected)
        => Assert.Equal(expected, KongEntityJson.ScopeOf(new GatewayPlugin { Name = "cors", Service = service, Route = route }));

    [Fact]
    public void A_service_scoped_plugin_refers_to_the_service_id()
    {
        var body = KongEntityJson.ToKong(new GatewayPlugin { Name = "key-auth", Service = "orders", Tags = ["a"] });

        Assert.Equal(KongEntityJson.StableId(GatewayEntityKind.Service, "orders").ToString(), body["service"]!["id"]!.GetValue<string>());
        Assert.Null(body["route"]);
        Assert.Equal("{}", body["config"]!.ToJsonString());
        Assert.True(body["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public void The_body_copies_the_config_so_later_tag_changes_do_not_touch_the_model()
    {
        var config = new JsonObject { ["minute"] = 5 };
        var plugin = new GatewayPlugin { Name = "rate-limiting", Config = config };

        KongEntityJson.ToKong(plugin)["config"]!["minute"] = 6;

        Assert.Equal(5, config["minute"]!.GetValue<int>());
    }
}
