using KonnectAspire.Konnect.Gateway;

namespace KonnectAspire.Konnect.Tests.Gateway;

public sealed class GatewayConfigurationValidatorTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/orders")]
    [InlineData("/orders/")]
    [InlineData("/a%2Fb")]
    [InlineData("/caf\u00e9")]
    [InlineData("~/orders/\\d+$")]
    [InlineData("~/(?<id>[0-9]+)/items")]
    public void Paths_kong_accepts_pass(string path)
        => Assert.Null(GatewayConfigurationValidator.ValidateRoutePath(path));

    [Theory]
    [InlineData("orders", "should start with '/' (fixed path) or '~/' (regex path); use '/orders'")]
    [InlineData("~orders", "use '~/orders'")]
    [InlineData("", "use '/' to match every path")]
    [InlineData("/a//b", "must not have empty segments ('//'); use '/a/b'")]
    [InlineData("~/a//b", "must not have empty segments")]
    [InlineData("~/(orders", "invalid regex '/(orders'")]
    [InlineData("~/[a-", "invalid regex")]
    [InlineData("/a%zz", "invalid url-encoded value '%zz'")]
    [InlineData("/a%2", "invalid url-encoded value '%2'")]
    [InlineData("/a/../b", "not in normalized form; use '/b'")]
    [InlineData("/a/./b", "use '/a/b'")]
    [InlineData("/%7Eorders", "use '/~orders'")]
    [InlineData("/a%2fb", "use '/a%2Fb'")]
    [InlineData("/caf%C3%A9", "use '/caf\u00e9'")]
    public void Paths_kong_rejects_get_the_reason_and_the_fix(string path, string expected)
    {
        var problem = GatewayConfigurationValidator.ValidateRoutePath(path);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Contains($"'{path}'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_model_has_no_problems()
        => Assert.Empty(GatewayConfigurationValidator.Validate(Valid()));

    [Fact]
    public void Duplicate_service_and_route_names_are_reported()
    {
        var model = Valid();
        model.Services.Add(model.Services[0] with { Host = "other" });
        model.Routes.Add(model.Routes[0] with { Paths = ["/other"] });

        var problems = GatewayConfigurationValidator.Validate(model);

        Assert.Contains("The service name 'orders' is used 2 times; Kong needs unique service names, so rename all but one.", problems);
        Assert.Contains("The route name 'orders' is used 2 times; Kong needs unique route names, so rename all but one.", problems);
    }

    [Fact]
    public void The_same_path_on_two_routes_is_reported()
    {
        var model = Valid();
        model.Routes.Add(new GatewayRoute { Name = "orders-v2", Service = "orders", Paths = ["/orders"] });

        var problem = Assert.Single(GatewayConfigurationValidator.Validate(model));

        Assert.Equal("Routes 'orders' and 'orders-v2' both match path '/orders' with the same hosts and methods; give each route its own path.", problem);
    }

    [Fact]
    public void The_same_path_with_different_methods_is_fine()
    {
        var model = Valid();
        model.Routes[0] = model.Routes[0] with { Methods = ["GET"] };
        model.Routes.Add(new GatewayRoute { Name = "orders-write", Service = "orders", Paths = ["/orders"], Methods = ["POST"] });

        Assert.Empty(GatewayConfigurationValidator.Validate(model));
    }

    [Fact]
    public void A_route_path_kong_rejects_is_reported_with_the_route()
    {
        var model = Valid();
        model.Routes[0] = model.Routes[0] with { Paths = ["orders"] };

        var problem = Assert.Single(GatewayConfigurationValidator.Validate(model));

        Assert.StartsWith("Route 'orders': Kong rejects route path 'orders'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_references_are_reported()
    {
        var model = Valid();
        model.Routes.Add(new GatewayRoute { Name = "billing", Service = "billing", Paths = ["/billing"] });
        model.Plugins.Add(new GatewayPlugin { Name = "cors", Service = "payments" });
        model.Plugins.Add(new GatewayPlugin { Name = "acl", Route = "refunds" });

        var problems = GatewayConfigurationValidator.Validate(model);

        Assert.Equal(
            [
                "Route 'billing' points at service 'billing', which is not defined; add that service or fix the route's service name.",
                "Plugin 'cors' is scoped to service 'payments', which is not defined; add that service or fix the plugin's scope.",
                "Plugin 'acl' is scoped to route 'refunds', which is not defined; add that route or fix the plugin's scope.",
            ],
            problems);
    }

    [Fact]
    public void Two_plugins_of_a_name_in_one_scope_are_reported_but_not_in_different_scopes()
    {
        var model = Valid();
        model.Plugins.Add(new GatewayPlugin { Name = "rate-limiting" });
        model.Plugins.Add(new GatewayPlugin { Name = "rate-limiting", Route = "orders" });

        var problem = Assert.Single(GatewayConfigurationValidator.Validate(model));

        Assert.Equal("Plugin 'rate-limiting' is configured 2 times for the same scope (global); Kong allows one per scope, so merge their config into one.", problem);
    }

    [Theory]
    [InlineData("my service", "use only letters, digits, '.', '-', '_' and '~' (e.g. 'my-service')")]
    [InlineData("", "has no name")]
    public void Service_names_kong_rejects_are_reported(string name, string expected)
    {
        var model = new GatewayConfiguration { Services = [new GatewayService { Name = name, Host = "h" }] };

        Assert.Contains(GatewayConfigurationValidator.Validate(model), problem => problem.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Route_and_service_fields_kong_rejects_are_reported()
    {
        var model = new GatewayConfiguration
        {
            Services = [new GatewayService { Name = "s", Host = "", Port = 70000, Protocol = "ftp", Path = "api", Tags = ["a,b"] }],
            Routes = [new GatewayRoute { Name = "r", Service = "s", Methods = ["get"], Protocols = [], Hosts = ["a.*.com"] }],
        };

        var problems = GatewayConfigurationValidator.Validate(model);

        Assert.Contains("Service 's' has no host; set the upstream host name the data planes reach.", problems);
        Assert.Contains("Service 's' has port 70000; use a port between 0 and 65535.", problems);
        Assert.Contains(problems, problem => problem.StartsWith("Service 's' has protocol 'ftp'; use one of http, https", StringComparison.Ordinal));
        Assert.Contains("Service 's' has path 'api': it should start with '/'; use '/api'.", problems);
        Assert.Contains(problems, problem => problem.StartsWith("Service 's' has tag 'a,b'", StringComparison.Ordinal));
        Assert.Contains("Route 'r' has method 'get'; Kong expects upper-case letters, e.g. 'GET'.", problems);
        Assert.Contains("Route 'r' has no protocols; use [http, https].", problems);
        Assert.Contains(problems, problem => problem.StartsWith("Route 'r' has host 'a.*.com'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_route_that_matches_nothing_is_reported()
    {
        var model = Valid();
        model.Routes[0] = model.Routes[0] with { Paths = [] };

        Assert.Equal(
            "Route 'orders' matches nothing: Kong requires at least one of paths, hosts or methods; add a path such as '/orders'.",
            Assert.Single(GatewayConfigurationValidator.Validate(model)));
    }

    private static GatewayConfiguration Valid() => new()
    {
        Services = [new GatewayService { Name = "orders", Host = "orders.internal" }],
        Routes = [new GatewayRoute { Name = "orders", Service = "orders", Paths = ["/orders"] }],
        Plugins = [new GatewayPlugin { Name = "rate-limiting", Config = new() { ["minute"] = 5 } }],
    };
}
