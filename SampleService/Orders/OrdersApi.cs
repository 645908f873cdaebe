using System.Diagnostics;
using KonnectAspire.SampleService.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KonnectAspire.SampleService.Orders;

/// <summary>
/// The orders resource. It answers at /orders (a direct call, or a Kong route with strip_path off) and at the root
/// (what a Kong route "/orders" forwards with strip_path on, Kong's default: /orders → /, /orders/7 → /7).
/// </summary>
public static class OrdersApi
{
    /// <summary>The public path of the orders resource.</summary>
    public const string Path = "/orders";

    /// <summary>The header Kong (and most gateways) set to the path prefix they stripped.</summary>
    internal const string ForwardedPrefixHeader = "X-Forwarded-Prefix";

    /// <summary>Maps the orders API at <see cref="Path"/> and at the root.</summary>
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        MapGroup(endpoints, Path);
        MapGroup(endpoints, string.Empty);
        return endpoints;
    }

    private static void MapGroup(IEndpointRouteBuilder endpoints, string prefix)
    {
        var group = endpoints.MapGroup(prefix.Length == 0 ? "/" : prefix).WithTags("orders");
        group.MapGet("/", (OrderStore store) => TypedResults.Ok(store.List()));
        group.MapGet("/{id:int}", GetOrder);
        group.MapPost("/", (CreateOrderRequest request, OrderStore store, HttpRequest http) => CreateOrder(request, store, http, prefix));
    }

    private static Results<Ok<Order>, ProblemHttpResult> GetOrder(int id, OrderStore store)
        => store.Find(id) is { } order
            ? TypedResults.Ok(order)
            : TypedResults.Problem($"Order {id} does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Order not found");

    private static Results<Created<Order>, ValidationProblem> CreateOrder(CreateOrderRequest request, OrderStore store, HttpRequest http, string prefix)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The order is not valid.");
        }

        // A span of our own under the server span, so the trace shows the work the service did.
        using var activity = SampleServiceTelemetry.ActivitySource.StartActivity("orders.create", ActivityKind.Internal);
        var lines = request.Lines!.Select(l => new OrderLine(l!.Sku!.Trim(), l.Quantity!.Value, l.UnitPrice!.Value)).ToList();
        var order = store.Add(request.Customer!.Trim(), lines);
        activity?.SetTag("order.id", order.Id);
        return TypedResults.Created(LocationOf(http, prefix, order.Id), order);
    }

    /// <summary>The order's path as the caller sees it, including a prefix the gateway stripped.</summary>
    internal static string LocationOf(HttpRequest http, string prefix, int id)
    {
        var forwarded = http.Headers[ForwardedPrefixHeader].ToString();
        var gatewayPrefix = forwarded.StartsWith('/') && Uri.IsWellFormedUriString(forwarded, UriKind.Relative)
            ? forwarded.TrimEnd('/')
            : string.Empty;
        return $"{http.PathBase}{gatewayPrefix}{prefix}/{id}";
    }
}
