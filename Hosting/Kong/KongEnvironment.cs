using System.Text;
using Aspire.Hosting.ApplicationModel;
using KonnectAspire.Konnect.Certificates;

namespace Aspire.Hosting.Kong;

/// <summary>The kong.conf settings every Kong container of this integration gets, as <c>KONG_*</c> environment variables.</summary>
internal static class KongEnvironment
{
    /// <summary>kong.conf <c>role</c> of a control plane.</summary>
    public const string ControlPlaneRole = "control_plane";

    /// <summary>kong.conf <c>role</c> of a data plane.</summary>
    public const string DataPlaneRole = "data_plane";

    /// <summary>The status listener's path that answers 200 once Kong is ready: the health check of every local Kong container.</summary>
    public const string ReadyPath = "/status/ready";

    /// <summary>The kong.conf setting (as an environment variable) that tells a data plane where its control plane is.</summary>
    public const string ClusterControlPlaneVariable = "KONG_CLUSTER_CONTROL_PLANE";

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

    /// <summary>
    /// Sets <c>KONG_CLUSTER_CERT</c> and <c>KONG_CLUSTER_CERT_KEY</c> to the PEM values themselves, base64-encoded:
    /// Kong decodes base64 there (kong/conf_loader/parse.lua, try_decode_base64), and a one-line value survives the
    /// container runtime's env handling, where a multi-line PEM would not (an env file splits it at each newline).
    /// </summary>
    public static void AddClusterCertificate(IDictionary<string, object> environment, ClusterCertificate certificate)
    {
        environment["KONG_CLUSTER_CERT"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(certificate.CertificatePem));
        environment["KONG_CLUSTER_CERT_KEY"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(certificate.PrivateKeyPem));
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
