using System.Text.Json;
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

    [Fact]
    public void Every_property_of_a_record_reaches_the_kong_body_and_the_declared_form_under_its_kong_name()
    {
        var service = new GatewayService { Name = "orders", Host = "orders.internal", Path = "/api", Tags = ["a"] };
        var route = new GatewayRoute { Name = "orders", Service = "orders", Paths = ["/o"], Methods = ["GET"], Hosts = ["h"], Tags = ["a"] };
        var plugin = new GatewayPlugin { Name = "cors", Service = "orders", Route = "orders", Config = new JsonObject { ["max_age"] = 1 }, Tags = ["a"] };

        Assert.Equal(["id", .. KongNames<GatewayService>()], KongEntityJson.ToKong(service).Select(pair => pair.Key));
        Assert.Equal(["id", .. KongNames<GatewayRoute>()], KongEntityJson.ToKong(route).Select(pair => pair.Key));
        Assert.Equal(["id", .. KongNames<GatewayPlugin>()], KongEntityJson.ToKong(plugin).Select(pair => pair.Key));
        Assert.Equal(KongNames<GatewayService>(), KongEntityJson.ToDeclared(service).Select(pair => pair.Key));
        Assert.Equal(KongNames<GatewayRoute>(), KongEntityJson.ToDeclared(route).Select(pair => pair.Key));
        Assert.Equal(KongNames<GatewayPlugin>(), KongEntityJson.ToDeclared(plugin).Select(pair => pair.Key));
    }

    [Fact]
    public void The_declared_form_names_references_and_leaves_out_what_is_unset()
    {
        var route = new GatewayRoute { Name = "orders", Service = "orders", PreserveHost = false };
        var plugin = new GatewayPlugin { Name = "cors", Route = "orders", Enabled = false };

        Assert.Equal("""{"name":"orders","service":"orders","protocols":["http","https"],"strip_path":true,"preserve_host":false}""", KongEntityJson.ToDeclared(route).ToJsonString());
        Assert.Equal("""{"name":"orders","protocols":["http","https"],"strip_path":true,"preserve_host":false}""", KongEntityJson.ToDeclared(route, includeReferences: false).ToJsonString());
        Assert.Equal("""{"name":"cors","route":"orders","enabled":false}""", KongEntityJson.ToDeclared(plugin).ToJsonString());
        Assert.Null(KongEntityJson.ToKong(route)["paths"]);
        Assert.Equal(KongEntityJson.StableId(GatewayEntityKind.Route, "orders").ToString(), KongEntityJson.ToKong(plugin)["route"]!["id"]!.GetValue<string>());
    }

    // Kong's names are the record's property names in snake_case, so a property added to a record shows up here too.
    private static string[] KongNames<T>()
        => [.. typeof(T).GetProperties().Where(property => property.CanWrite).Select(property => JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name))];
}
