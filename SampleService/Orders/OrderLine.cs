namespace KonnectAspire.SampleService.Orders;

/// <summary>One product line of an order.</summary>
public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);
