namespace KonnectAspire.SampleService.Orders;

/// <summary>An order as the API returns it.</summary>
public sealed record Order(int Id, string Customer, IReadOnlyList<OrderLine> Lines, decimal Total, DateTimeOffset CreatedAt)
{
    /// <summary>Builds an order and computes its total from the lines.</summary>
    public static Order Create(int id, string customer, IReadOnlyList<OrderLine> lines, DateTimeOffset createdAt)
        => new(id, customer, lines, lines.Sum(l => l.Quantity * l.UnitPrice), createdAt);
}
