using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Kong;

/// <summary>The kong.conf settings every Kong container of this integration gets, as <c>KONG_*</c> environment variables.</summary>
internal static class KongEnvironment
{
    /// <summary>Listens on all interfaces of the container at the endpoint's target port.</summary>
    public static ReferenceExpression ListenOn(EndpointReference endpoint)
        => ReferenceExpression.Create($"0.0.0.0:{endpoint.Property(EndpointProperty.TargetPort)}");

    /// <summary>Sends Kong's access and error logs to the container's stdout/stderr, so they show on the dashboard.</summary>
    public static void AddLogsToConsole(IDictionary<string, object> environment)
    {
        environment["KONG_PROXY_ACCESS_LOG"] = "/dev/stdout";
        environment["KONG_ADMIN_ACCESS_LOG"] = "/dev/stdout";
        environment["KONG_PROXY_ERROR_LOG"] = "/dev/stderr";
        environment["KONG_ADMIN_ERROR_LOG"] = "/dev/stderr";
    }

    /// <summary>Points a container at the control plane's Postgres database.</summary>
    public static void AddPostgres(IDictionary<string, object> environment, PostgresDatabaseResource database)
    {
        var server = database.Parent;
        environment["KONG_DATABASE"] = "postgres";
        environment["KONG_PG_HOST"] = server.PrimaryEndpoint.Property(EndpointProperty.Host);
        environment["KONG_PG_PORT"] = server.PrimaryEndpoint.Property(EndpointProperty.Port);
        environment["KONG_PG_USER"] = server.UserNameReference;
        environment["KONG_PG_PASSWORD"] = server.PasswordParameter;
        environment["KONG_PG_DATABASE"] = database.DatabaseName;
    }
}
