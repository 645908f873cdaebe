using System.Collections.Concurrent;

namespace KonnectAspire.SampleService.Orders;

/// <summary>In-memory orders, seeded so a first GET through the gateway shows something.</summary>
public sealed class OrderStore
{
    private readonly ConcurrentDictionary<int, Order> _orders = new();
    private readonly TimeProvider _timeProvider;
    private int _lastId;

    /// <summary>Creates the store with two sample orders.</summary>
    public OrderStore(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        Add("Ada Lovelace", [new OrderLine("KONG-MUG", 2, 12.50m)]);
        Add("Grace Hopper", [new OrderLine("ASPIRE-TEE", 1, 25.00m), new OrderLine("STICKER", 5, 1.00m)]);
    }

    /// <summary>All orders, oldest first.</summary>
    public IReadOnlyList<Order> List() => [.. _orders.Values.OrderBy(o => o.Id)];

    /// <summary>The order with <paramref name="id"/>, or null.</summary>
    public Order? Find(int id) => _orders.GetValueOrDefault(id);

    /// <summary>Stores a new order under the next id.</summary>
    public Order Add(string customer, IReadOnlyList<OrderLine> lines)
    {
        var order = Order.Create(Interlocked.Increment(ref _lastId), customer, lines, _timeProvider.GetUtcNow());
        _orders[order.Id] = order;
        return order;
    }
}
