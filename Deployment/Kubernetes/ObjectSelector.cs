namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>Which objects of a collection a list or watch covers: one by name, or those carrying a label.</summary>
public sealed record ObjectSelector(string? FieldSelector, string? LabelSelector)
{
    public static ObjectSelector All { get; } = new(null, null);

    public bool IsEmpty => FieldSelector is null && LabelSelector is null;

    public static ObjectSelector Named(string name) => new($"metadata.name={name}", null);

    public static ObjectSelector Labelled(string labelSelector) => new(null, labelSelector);

    public string ToQuery()
    {
        var parts = new List<string>(2);
        if (FieldSelector is not null)
        {
            parts.Add("fieldSelector=" + Uri.EscapeDataString(FieldSelector));
        }

        if (LabelSelector is not null)
        {
            parts.Add("labelSelector=" + Uri.EscapeDataString(LabelSelector));
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
