using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Kong.ControlPlanes;

/// <summary>The status listener's URL on the dashboard: its <c>/status</c> page, in the resource details only.</summary>
internal static class KongStatusUrl
{
    /// <summary>Points the URL of a <c>status</c> endpoint at <c>/status</c> (server, memory and config hash).</summary>
    public static void Show(ResourceUrlAnnotation url)
    {
        url.Url = $"{url.Url.TrimEnd('/')}/status";
        url.DisplayText = "status";
        url.DisplayLocation = UrlDisplayLocation.DetailsOnly;
    }
}
