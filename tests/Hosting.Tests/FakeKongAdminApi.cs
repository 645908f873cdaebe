using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace KonnectAspire.Hosting.Tests;

/// <summary>
/// A Kong Admin API on loopback that holds nothing tagged yet, accepts every PUT and records it, and refuses
/// PUTs to one collection the way Kong refuses a schema violation.
/// </summary>
internal sealed class FakeKongAdminApi : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public FakeKongAdminApi(string? refusedCollection = null)
    {
        RefusedCollection = refusedCollection;
        Port = FreeLoopbackPort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port { get; }

    public string? RefusedCollection { get; }

    public List<(string Method, string Path, JsonObject? Body)> Requests { get; } = [];

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            using var reader = new StreamReader(context.Request.InputStream);
            var text = await reader.ReadToEndAsync();
            var body = text.Length > 0 ? JsonNode.Parse(text)?.AsObject() : null;
            lock (Requests)
            {
                Requests.Add((context.Request.HttpMethod, path, body));
            }

            var (status, answer) = context.Request.HttpMethod switch
            {
                "GET" => (200, """{"data":[],"next":null}"""),
                "PUT" when RefusedCollection is not null && path.StartsWith($"/{RefusedCollection}/", StringComparison.Ordinal)
                    => (400, """{"message":"schema violation (config.minute: expected a number)","name":"schema violation","code":2}"""),
                "PUT" => (200, text),
                _ => (204, ""),
            };
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(answer);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
