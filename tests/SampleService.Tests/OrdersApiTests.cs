using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KonnectAspire.SampleService.Orders;

namespace KonnectAspire.SampleService.Tests;

public sealed class OrdersApiTests(SampleServiceHost host) : IClassFixture<SampleServiceHost>
{
    private readonly HttpClient _client = host.Client;

    [Theory]
    [InlineData("/orders")]
    [InlineData("/")]
    public async Task Listing_answers_at_orders_and_at_the_root_Kong_forwards_to(string path)
    {
        var orders = await _client.GetFromJsonAsync<List<Order>>(path);

        Assert.NotNull(orders);
        Assert.Contains(orders, o => o.Id == 1 && o.Customer == "Ada Lovelace");
    }

    [Theory]
    [InlineData("/orders/1")]
    [InlineData("/1")]
    public async Task An_order_is_found_by_id_under_both_shapes(string path)
    {
        var order = await _client.GetFromJsonAsync<Order>(path);

        Assert.Equal(1, order!.Id);
        Assert.Equal(25.00m, order.Total);
    }

    [Fact]
    public async Task An_unknown_order_is_a_404_problem()
    {
        using var response = await _client.GetAsync("/orders/424242");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("424242", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Creating_an_order_returns_201_with_its_location_and_total()
    {
        var request = new { customer = "Linus", lines = new[] { new { sku = "KONG-MUG", quantity = 3, unitPrice = 12.5m } } };

        using var response = await _client.PostAsJsonAsync("/orders", request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<Order>();
        Assert.Equal(37.5m, created!.Total);
        Assert.Equal($"/orders/{created.Id}", response.Headers.Location?.OriginalString);
        var fetched = await _client.GetFromJsonAsync<Order>(response.Headers.Location);
        Assert.Equal("Linus", fetched!.Customer);
    }

    [Fact]
    public async Task Created_through_a_gateway_that_stripped_the_prefix_the_location_keeps_the_prefix()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = JsonContent.Create(new { customer = "Via Kong", lines = new[] { new { sku = "STICKER", quantity = 1, unitPrice = 1m } } }),
        };
        request.Headers.Add("X-Forwarded-Prefix", "/orders");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<Order>();
        Assert.Equal($"/orders/{created!.Id}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_invalid_order_is_a_400_validation_problem_naming_each_field()
    {
        var request = new { customer = "", lines = new object[] { new { sku = "", quantity = 0, unitPrice = -1m } } };

        using var response = await _client.PostAsJsonAsync("/orders", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["customer", "lines[0].quantity", "lines[0].sku", "lines[0].unitPrice"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_order_without_lines_is_rejected()
    {
        using var response = await _client.PostAsJsonAsync("/orders", new { customer = "Nobody" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("lines", out _));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_problem_not_a_500()
    {
        using var content = new StringContent("{not json", Encoding.UTF8, "application/json");

        using var response = await _client.PostAsync("/orders", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
