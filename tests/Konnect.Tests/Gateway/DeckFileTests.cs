using System.Text.Json;
using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Gateway;

namespace KonnectAspire.Konnect.Tests.Gateway;

public sealed class DeckFileTests
{
    private const string Nested = """
        _format_version: "3.0"
        services:
          - name: orders
            url: https://orders.internal:8443/api
            tags: [team-a]
            routes:
              - name: orders
                paths: [/orders]
                methods: [GET, POST]
                strip_path: false
                plugins:
                  - name: cors
                    config:
                      origins: ["*"]
                      max_age: 3600
            plugins:
              - name: key-auth
                enabled: false
        routes:
          - name: billing
            service: { name: billing }
            paths: [/billing]
        plugins:
          - name: rate-limiting
            config: { minute: 5, policy: local, header_name: "5" }
          - name: acl
            route: billing
        """;

    [Fact]
    public void An_alias_bomb_in_a_plugin_config_is_refused_before_it_is_expanded()
    {
        var levels = string.Concat(Enumerable.Range(1, 8).Select(i => $"      l{i}: &l{i} [{string.Join(",", Enumerable.Repeat($"*l{i - 1}", 9))}]\n"));
        var yaml = "_format_version: \"3.0\"\nplugins:\n  - name: pre-function\n    config:\n      l0: &l0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n" + levels;

        var error = Assert.Throws<FormatException>(() => DeckFile.Parse(yaml));

        Assert.StartsWith("kong.yaml is not valid YAML at line ", error.Message, StringComparison.Ordinal);
        Assert.Contains("aliases expand to more than 10000 nodes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_with_its_position()
    {
        var yaml = "_format_version: \"3.0\"\nplugins:\n  - name: pre-function\n    config:\n      deep: " + new string('[', 200) + new string(']', 200) + "\n";

        var error = Assert.Throws<FormatException>(() => DeckFile.Parse(yaml));

        Assert.Contains("nest more than 64 deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_to_no_anchor_and_a_reused_anchor_are_told_apart()
    {
        var reused = "_format_version: \"3.0\"\nservices:\n  - &svc {name: a, url: http://a:80}\nroutes:\n  - {name: r, service: {name: a}, paths: [/a], tags: &t [x]}\n  - {name: s, service: {name: a}, paths: [/s], tags: *t}\n";
        var dangling = "_format_version: \"3.0\"\nroutes:\n  - {name: r, tags: *nowhere}\n";

        Assert.Equal(["x"], DeckFile.Parse(reused).Routes[1].Tags);
        Assert.Contains("refers to no anchor", Assert.Throws<FormatException>(() => DeckFile.Parse(dangling)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decK_file_larger_than_the_limit_is_refused_before_it_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kong-{Guid.NewGuid():N}.yaml");
        using (var file = File.Create(path))
        {
            file.SetLength((8 * 1024 * 1024) + 1);
        }

        try
        {
            Assert.Contains("the limit is 8 MiB", Assert.Throws<FormatException>(() => DeckFile.ReadFile(path)).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_reads_nested_routes_and_plugins_and_the_url_shorthand()
    {
        var model = DeckFile.Parse(Nested);

        var service = Assert.Single(model.Services);
        Assert.Equal(("orders", "https", "orders.internal", 8443, "/api"), (service.Name, service.Protocol, service.Host, service.Port, service.Path));
        Assert.Equal(["team-a"], service.Tags);

        Assert.Equal(["orders", "billing"], model.Routes.Select(route => route.Name));
        var orders = model.Routes[0];
        Assert.Equal("orders", orders.Service);
        Assert.Equal(["/orders"], orders.Paths);
        Assert.Equal(["GET", "POST"], orders.Methods);
        Assert.Equal(["http", "https"], orders.Protocols);
        Assert.False(orders.StripPath);
        Assert.Equal("billing", model.Routes[1].Service);

        Assert.Equal(
            ["cors (route orders)", "key-auth (service orders)", "rate-limiting (global)", "acl (route billing)"],
            model.Plugins.Select(plugin => $"{plugin.Name} ({KongEntityJson.ScopeOf(plugin)})"));
        Assert.False(model.Plugins[1].Enabled);
        Assert.Equal("""{"minute":5,"policy":"local","header_name":"5"}""", model.Plugins[2].Config.ToJsonString());
        Assert.Equal("""{"origins":["*"],"max_age":3600}""", model.Plugins[0].Config.ToJsonString());
    }

    [Theory]
    [InlineData("http://orders", "http", 80, null)]
    [InlineData("https://orders", "https", 443, null)]
    [InlineData("http://orders:5000/", "http", 5000, "/")]
    [InlineData("grpc://orders:9000", "grpc", 9000, null)]
    public void The_url_shorthand_fills_protocol_port_and_path_as_kong_does(string url, string protocol, int port, string? path)
    {
        var service = DeckFile.Parse($"_format_version: \"3.0\"\nservices:\n  - name: orders\n    url: {url}\n").Services.Single();

        Assert.Equal((protocol, "orders", port, path), (service.Protocol, service.Host, service.Port, service.Path));
    }

    [Fact]
    public void Write_then_parse_gives_back_an_equal_model()
    {
        var model = new GatewayConfiguration
        {
            Services =
            [
                new GatewayService { Name = "orders", Protocol = "https", Host = "orders.internal", Port = 8443, Path = "/api", Tags = ["team-a"] },
                new GatewayService { Name = "billing", Host = "billing.internal" },
            ],
            Routes =
            [
                new GatewayRoute { Name = "orders", Service = "orders", Paths = ["/orders", "~/orders/\\d+$"], Methods = ["GET"], Hosts = ["*.example.com"], StripPath = false, PreserveHost = true },
                new GatewayRoute { Name = "billing", Service = "billing", Paths = ["/billing"], Protocols = ["https"], Tags = ["true", "3.0"] },
            ],
            Plugins =
            [
                new GatewayPlugin { Name = "rate-limiting", Config = new JsonObject { ["minute"] = 5, ["limit_by"] = "ip", ["header_name"] = "5", ["hide_client_headers"] = false, ["redis"] = new JsonObject { ["host"] = null, ["port"] = 6379 } } },
                new GatewayPlugin { Name = "key-auth", Service = "orders", Enabled = false, Config = new JsonObject { ["key_names"] = new JsonArray("apikey", "x-api-key") } },
                new GatewayPlugin { Name = "cors", Route = "billing", Config = new JsonObject { ["origins"] = new JsonArray("*"), ["max_age"] = 1.5m } },
                new GatewayPlugin { Name = "acl", Service = "orders", Route = "billing", Tags = ["null", "~"] },
            ],
        };

        var written = DeckFile.Write(model);
        var readBack = DeckFile.Parse(written);

        Assert.Equal(Canonical(model), Canonical(readBack));
        Assert.Equal(written, DeckFile.Write(readBack));
        Assert.StartsWith("_format_version: \"3.0\"\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_nests_routes_under_their_service_and_keeps_references_to_unknown_entities_at_the_top()
    {
        var written = DeckFile.Write(new GatewayConfiguration
        {
            Services = [new GatewayService { Name = "orders", Host = "orders.internal" }],
            Routes =
            [
                new GatewayRoute { Name = "orders", Service = "orders", Paths = ["/orders"] },
                new GatewayRoute { Name = "elsewhere", Service = "managed-by-hand", Paths = ["/elsewhere"] },
            ],
        });

        Assert.Contains("services:\n- name: orders\n", written, StringComparison.Ordinal);
        Assert.Contains("  routes:\n  - name: orders\n", written, StringComparison.Ordinal);
        Assert.Contains("routes:\n- name: elsewhere\n  service: managed-by-hand\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_yaml_reports_line_and_column()
    {
        var error = Assert.Throws<FormatException>(() => DeckFile.Parse("_format_version: \"3.0\"\nservices:\n  - name: orders\n   host: x\n"));

        Assert.Contains("not valid YAML at line 4, column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_flow_list_reports_where_parsing_stopped()
    {
        var error = Assert.Throws<FormatException>(() => DeckFile.Parse("_format_version: \"3.0\"\nroutes:\n  - name: a\n    paths: [/a, /b\n"));

        Assert.Contains("not valid YAML at line", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("_format_version: \"1.1\"", "'1.1'")]
    [InlineData("_format_version: 2.1", "'2.1'")]
    public void Another_format_version_is_refused_naming_it(string versionLine, string named)
    {
        var error = Assert.Throws<FormatException>(() => DeckFile.Parse(versionLine + "\nservices: []\n"));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains("use decK format 3.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_format_version_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => DeckFile.Parse("services: []\n"));

        Assert.Contains("_format_version: \"3.0\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_top_level_keys_are_named_so_nothing_is_dropped_silently()
    {
        var error = Assert.Throws<FormatException>(() => DeckFile.Parse("""
            _format_version: "3.0"
            consumers:
              - username: alice
            upstreams:
              - name: orders-upstream
            services: []
            """));

        Assert.Contains("consumers (line 2)", error.Message, StringComparison.Ordinal);
        Assert.Contains("upstreams (line 4)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_entity_fields_are_named()
    {
        var error = Assert.Throws<FormatException>(() => DeckFile.Parse("""
            _format_version: "3.0"
            services:
              - name: orders
                host: orders.internal
                retries: 3
                connect_timeout: 1000
            """));

        Assert.Contains("service 'orders' has fields this project does not support: retries, connect_timeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("services:\n  - name: a\n    url: http://a\n    port: 81\n", "use either url or protocol/host/port/path")]
    [InlineData("routes:\n  - name: a\n    paths: [/a]\n", "add service: <service name>")]
    [InlineData("routes:\n  - paths: [/a]\n    service: a\n", "has no 'name'")]
    [InlineData("services:\n  - name: a\n    host: a\n    routes:\n      - name: r\n        service: b\n", "remove its 'service' field")]
    [InlineData("plugins:\n  - name: cors\n    consumer: alice\n", "consumer")]
    [InlineData("routes:\n  - name: a\n    service: { id: 6f1c8e52-4a0b-4d8e-9a57-3c2b9d0e7f41 }\n", "addresses entities by name")]
    [InlineData("services:\n  - name: a\n    host: a\n    port: eighty\n", "port must be a whole number")]
    [InlineData("routes:\n  - name: a\n    service: a\n    strip_path: yes\n", "strip_path must be true or false")]
    [InlineData("services: {name: a}\n", "'services' must be a list")]
    [InlineData("services:\n  - name: a\n    host: a\n    plugins:\n      - name: cors\n        route: r\n", "plugin 'cors' is nested under service 'a'; remove its 'route' field")]
    [InlineData("routes:\n  - name: a\n    service: a\n    paths: /a\n", "route 'a' paths must be a list")]
    [InlineData("services:\n  - name: a\n    port: 80\n", "service 'a' has no 'host'")]
    [InlineData("plugins:\n  - name: cors\n    config: [a]\n", "plugin 'cors' config must be a mapping")]
    public void Mistakes_in_entities_get_a_clear_error(string body, string expected)
    {
        var error = Assert.Throws<FormatException>(() => DeckFile.Parse("_format_version: \"3.0\"\n" + body));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_tags_are_added_to_every_entity_and_konnect_target_is_accepted()
    {
        var model = DeckFile.Parse("""
            _format_version: "3.0"
            _transform: true
            _konnect:
              control_plane_name: default
            _info:
              select_tags: [from-deck]
            services:
              - name: a
                host: a
                routes:
                  - name: a
                    paths: [/a]
            plugins:
              - name: cors
            """);

        Assert.Equal(["from-deck"], model.Services[0].Tags);
        Assert.Equal(["from-deck"], model.Routes[0].Tags);
        Assert.Equal(["from-deck"], model.Plugins[0].Tags);
    }

    [Fact]
    public void An_empty_file_is_refused()
        => Assert.Contains("empty", Assert.Throws<FormatException>(() => DeckFile.Parse("")).Message, StringComparison.Ordinal);

    // Records holding lists compare by reference; JSON text compares the content.
    private static string Canonical(GatewayConfiguration model) => JsonSerializer.Serialize(new
    {
        Services = model.Services.OrderBy(service => service.Name, StringComparer.Ordinal),
        Routes = model.Routes.OrderBy(route => route.Name, StringComparer.Ordinal),
        Plugins = model.Plugins.OrderBy(plugin => KongEntityJson.IdOf(plugin)),
    });
}
