using System.Net;
using System.Net.Sockets;
using KonnectAspire.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KonnectAspire.Provisioner.Tests.Commands.LoadTest;

/// <summary>Stand-ins on loopback for what sits behind a load balancer in the cluster.</summary>
internal static class KongStandIn
{
    /// <summary>Answers like a Kong data plane with no matching route: 404 with Kong's message.</summary>
    public static Task<LoopbackServer> StartAsync() => LoopbackServer.StartAsync(app => app.Run(async context =>
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"message":"no Route matched with those values"}""");
    }));

    /// <summary>A loopback port nothing listens on (it was free a moment ago): for "unreachable" cases.</summary>
    public static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
