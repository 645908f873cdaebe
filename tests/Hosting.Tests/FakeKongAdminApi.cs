using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace KonnectAspire.Hosting.Tests;

/// <summary>
/// A Kong Admin API on loopback that starts empty, keeps what it is PUT (so a second sync finds it), answers
/// <c>GET /</c> with its version, and refuses PUTs to one collection the way Kong refuses a schema violation.
/// </summary>
internal sealed class FakeKongAdminApi : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public const string Version = "3.9.1";

    private readonly Dictionary<string, Dictionary<string, JsonObject>> _entities = new(StringComparer.Ordinal);

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
        // Close alone: Stop then Close removes the listener twice, and on Linux the second removal binds the port
        // again, failing with "Address already in use" when another test took the port in between.
        _listener.Close();
        await _serving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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

            var (status, answer) = Answer(context.Request.HttpMethod, path, body, text);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(answer);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private (int Status, string Body) Answer(string method, string path, JsonObject? body, string text)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        lock (_entities)
        {
            switch (method, segments.Length)
            {
                case ("GET", 0):
                    return (200, $$"""{"version":"{{Version}}","tagline":"Welcome to kong"}""");
                case ("GET", 1):
                    var page = new JsonObject { ["data"] = new JsonArray([.. Collection(segments[0]).Values.Select(entity => entity.DeepClone())]), ["next"] = null };
                    return (200, page.ToJsonString());
                case ("PUT", 2) when segments[0] == RefusedCollection:
                    return (400, """{"message":"schema violation (config.minute: expected a number)","name":"schema violation","code":2}""");
                case ("PUT", 2) when body is not null:
                    var stored = (JsonObject)body.DeepClone();
                    stored["id"] = segments[1];
                    Collection(segments[0])[segments[1]] = stored;
                    return (200, stored.ToJsonString());
                case ("DELETE", 2):
                    Collection(segments[0]).Remove(segments[1]);
                    return (204, "");
                default:
                    return (200, text);
            }
        }
    }

    private Dictionary<string, JsonObject> Collection(string name)
    {
        if (!_entities.TryGetValue(name, out var collection))
        {
            _entities[name] = collection = new(StringComparer.Ordinal);
        }

        return collection;
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
