using System.Net;
using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Admin;
using KonnectAspire.Konnect.Gateway;
using KonnectAspire.Konnect.Sync;
using KonnectAspire.TestSupport.Infrastructure;
using KonnectAspire.TestSupport.Kong;

namespace KonnectAspire.Konnect.Tests.Admin;

public sealed class KongAdminApiTests : FakeKongAdminApiTest
{
    [Fact]
    public async Task Listing_follows_next_until_the_last_page_and_keeps_the_tag_filter()
    {
        Kong.PageSize = 2;
        for (var i = 0; i < 5; i++)
            Kong.Seed("services", Service($"owned-{i}", "mine"));
        Kong.Seed("services", Service("hand-made", null));

        var services = await new KongEntityApiStore(new KongAdminApi(Http)).ListTaggedAsync(GatewayEntityKind.Service, "mine", default);

        Assert.Equal(["owned-0", "owned-1", "owned-2", "owned-3", "owned-4"], services.Select(service => service["name"]!.GetValue<string>()));
        Assert.Equal(3, Kong.Requests.Count);
        Assert.All(Kong.Requests, request => Assert.Contains("tags=mine", request.Path, StringComparison.Ordinal));
        Assert.Equal(["/services?size=1000&tags=mine", "/services?size=1000&tags=mine&offset=2", "/services?size=1000&tags=mine&offset=4"], Kong.Requests.Select(request => request.Path));
    }

    [Fact]
    public async Task Listing_follows_next_as_given_when_pages_carry_no_offset()
    {
        Kong.PageSize = 1;
        Kong.IncludeOffset = false;
        Kong.Seed("routes", Service("a", "mine"));
        Kong.Seed("routes", Service("b", "mine"));

        var routes = await new KongEntityApiStore(new KongAdminApi(Http)).ListTaggedAsync(GatewayEntityKind.Route, "mine", default);

        Assert.Equal(2, routes.Count);
        Assert.Equal("/routes?offset=1&tags=mine", Kong.Requests[1].Path);
    }

    [Fact]
    public async Task A_refused_listing_says_what_was_listed()
    {
        Kong.AdminToken = "not-sent";

        var error = await Assert.ThrowsAsync<KongAdminApiException>(() => new KongEntityApiStore(new KongAdminApi(Http)).ListTaggedAsync(GatewayEntityKind.Service, "nope", default));

        Assert.Equal("Kong rejected listing the services tagged 'nope' (401): Invalid credentials. Token or User credentials required — the Admin API refused access; check the admin token or RBAC settings.", error.Message);
    }

    [Fact]
    public async Task A_refused_put_names_the_kind_and_entity_and_quotes_kong()
    {
        var route = KongEntityJson.ToKong(new GatewayRoute { Name = "orders", Service = "orders", Paths = ["orders"] });
        var store = new KongEntityApiStore(new KongAdminApi(Http));

        var error = await Assert.ThrowsAsync<KongAdminApiException>(
            () => store.PutAsync(GatewayEntityKind.Route, KongEntityJson.StableId(GatewayEntityKind.Route, "orders"), route, default));

        Assert.Equal("Kong rejected route 'orders' (400): schema violation (paths.1: should start with: / (fixed path) or ~/ (regex path))", error.Message);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(GatewayEntityKind.Route, error.Kind);
        Assert.Equal("orders", error.EntityName);
    }

    [Fact]
    public async Task Put_sends_the_body_to_the_entity_id()
    {
        var service = new GatewayService { Name = "orders", Host = "orders.internal" };

        await new KongEntityApiStore(new KongAdminApi(Http)).PutAsync(GatewayEntityKind.Service, KongEntityJson.IdOf(service), KongEntityJson.ToKong(service), default);

        var put = Assert.Single(Kong.Requests);
        Assert.Equal($"/services/{KongEntityJson.IdOf(service)}", put.Path);
        Assert.Equal("orders.internal", put.Json["host"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_an_entity_that_is_already_gone_is_not_an_error()
    {
        await new KongEntityApiStore(new KongAdminApi(Http)).DeleteAsync(GatewayEntityKind.Plugin, Guid.NewGuid(), default);

        Assert.Equal("DELETE", Assert.Single(Kong.Requests).Method);
    }

    [Fact]
    public async Task A_refused_delete_is_an_error()
    {
        var service = new GatewayService { Name = "orders", Host = "orders.internal" };
        var route = new GatewayRoute { Name = "orders", Service = "orders", Paths = ["/orders"] };
        var store = new KongEntityApiStore(new KongAdminApi(Http));
        await store.PutAsync(GatewayEntityKind.Service, KongEntityJson.IdOf(service), KongEntityJson.ToKong(service), default);
        await store.PutAsync(GatewayEntityKind.Route, KongEntityJson.IdOf(route), KongEntityJson.ToKong(route), default);

        var error = await Assert.ThrowsAsync<KongAdminApiException>(() => store.DeleteAsync(GatewayEntityKind.Service, KongEntityJson.IdOf(service), default));

        Assert.Contains("an existing 'routes' entity references this 'services' entity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_api_behind_a_path_prefix_keeps_the_prefix()
    {
        await using var prefixed = await FakeKongAdminApi.StartAsync("/kong-admin");
        using var http = prefixed.CreateClient();
        var service = new GatewayService { Name = "orders", Host = "orders.internal" };
        var store = new KongEntityApiStore(new KongAdminApi(http));

        await store.PutAsync(GatewayEntityKind.Service, KongEntityJson.IdOf(service), KongEntityJson.ToKong(service), default);
        var listed = await store.ListTaggedAsync(GatewayEntityKind.Service, "t", default);

        Assert.Empty(listed);
        Assert.Single(prefixed.All("services"));
    }

    [Fact]
    public async Task A_client_without_base_address_gets_a_clear_error()
    {
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new KongEntityApiStore(new KongAdminApi(http)).ListTaggedAsync(GatewayEntityKind.Route, "t", default));

        Assert.Contains("BaseAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_returns_the_same_page_again_ends_the_listing_with_each_entity_once()
    {
        var handler = new SamePageForEver();
        using var http = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1:9/") };

        var services = await new KongEntityApiStore(new KongAdminApi(http)).ListTaggedAsync(GatewayEntityKind.Service, "mine", default);

        Assert.Equal(["a"], services.Select(service => service["name"]!.GetValue<string>()));
        Assert.Equal(["/services?size=1000&tags=mine", "/services?size=1000&tags=mine&offset=again"], handler.Paths);
    }

    [Fact]
    public async Task A_server_that_invents_offsets_without_end_is_a_clear_error()
    {
        var handler = new SamePageForEver { NewOffsetEachTime = true };
        using var http = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1:9/") };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new KongEntityApiStore(new KongAdminApi(http)).ListTaggedAsync(GatewayEntityKind.Service, "mine", default));

        Assert.Equal("The listing of services tagged 'mine' went past 100 pages of 1000 with new offsets each time; check what answers at http://127.0.0.1:9/.", error.Message);
        Assert.Equal(100, handler.Paths.Count);
    }

    [Fact]
    public async Task An_answer_that_is_not_kongs_json_names_the_operation_and_the_address()
    {
        using var http = new HttpClient(new HtmlPage()) { BaseAddress = new Uri("http://127.0.0.1:9/") };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new KongEntityApiStore(new KongAdminApi(http)).ListTaggedAsync(GatewayEntityKind.Route, "mine", default));

        Assert.StartsWith("The Kong Admin API at http://127.0.0.1:9/ answered 'list routes' with something that is not Kong's JSON (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_without_end_is_cut_off_at_the_bound_and_named()
    {
        using var http = new HttpClient(new EndlessAnswer()) { BaseAddress = new Uri("http://127.0.0.1:9/") };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new KongEntityApiStore(new KongAdminApi(http)).ListTaggedAsync(GatewayEntityKind.Service, "mine", default));

        Assert.Contains("answered 'list services' with something that is not Kong's JSON (the answer goes on past the 67108864 bytes it may be)", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Service(string name, string? tag) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["name"] = name,
        ["host"] = $"{name}.internal",
        ["tags"] = tag is null ? null : new JsonArray(tag),
    };

    // Answers every listing with the same page, as a broken proxy or server might; or with a new offset each time.
    private sealed class SamePageForEver : HttpMessageHandler
    {
        public bool NewOffsetEachTime { get; init; }

        public List<string> Paths { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Paths.Add(request.RequestUri!.PathAndQuery);
            var offset = NewOffsetEachTime ? $"page{Paths.Count}" : "again";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($$"""{"data":[{"id":"1","name":"a","tags":["mine"]}],"offset":"{{offset}}"}""", System.Text.Encoding.UTF8, "application/json"),
            });
        }
    }

    // A 200 whose body never ends and declares no length, as a broken proxy might send.
    private sealed class EndlessAnswer : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new EndlessStream()) });
    }

    private sealed class HtmlPage : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html>login</html>", System.Text.Encoding.UTF8, "text/html") });
    }
}
