namespace KonnectAspire.SampleService.Orders;

/// <summary>The body of POST /orders.</summary>
public sealed record CreateOrderRequest(string? Customer, IReadOnlyList<CreateOrderLine?>? Lines)
{
    internal const int MaxCustomerLength = 100;
    internal const int MaxLines = 50;
    internal const int MaxQuantity = 1000;
    internal const int MaxSkuLength = 32;

    /// <summary>Field errors keyed the way ASP.NET Core validation problem details key them (empty when valid).</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Customer))
        {
            errors["customer"] = ["The customer is required."];
        }
        else if (Customer.Length > MaxCustomerLength)
        {
            errors["customer"] = [$"The customer must be at most {MaxCustomerLength} characters."];
        }

        if (Lines is null || Lines.Count == 0)
        {
            errors["lines"] = ["An order needs at least one line."];
            return errors;
        }

        if (Lines.Count > MaxLines)
        {
            errors["lines"] = [$"An order has at most {MaxLines} lines."];
        }

        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            if (line is null)
            {
                errors[$"lines[{i}]"] = ["The line is empty."];
                continue;
            }

            if (string.IsNullOrWhiteSpace(line.Sku) || line.Sku.Length > MaxSkuLength)
            {
                errors[$"lines[{i}].sku"] = [$"The SKU is required, at most {MaxSkuLength} characters."];
            }

            if (line.Quantity is null or < 1 or > MaxQuantity)
            {
                errors[$"lines[{i}].quantity"] = [$"The quantity must be between 1 and {MaxQuantity}."];
            }

            if (line.UnitPrice is null or < 0)
            {
                errors[$"lines[{i}].unitPrice"] = ["The unit price is required and must not be negative."];
            }
        }

        return errors;
    }
}
