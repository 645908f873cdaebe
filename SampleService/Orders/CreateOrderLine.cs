namespace KonnectAspire.SampleService.Orders;

/// <summary>A line of a create-order request; nullable members so missing fields become validation errors, not 500s.</summary>
public sealed record CreateOrderLine(string? Sku, int? Quantity, decimal? UnitPrice);
