using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KonnectAspire.TestSupport.Kubernetes;

/// <summary>
/// A Kubernetes API server in miniature on loopback, the way kubernetes-client tests itself: discovery, server-side
/// apply (recording method, content type and query), get, list, delete and watch with resourceVersions, over an
/// in-memory store. Tests drive status transitions (SetStatus) when the client starts watching (WhenWatched), hold
/// deletions as a finalizer would (HoldDeletion/Release), and read every request back.
/// </summary>
public sealed class FakeKubernetesApiServer : IAsyncDisposable
{
    public const string Token = "fake-cluster-token";

    private LoopbackServer _http = null!;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _objects = new(StringComparer.Ordinal);
    private readonly List<(long Version, string Collection, string Type, JsonObject Object)> _events = [];
    private readonly List<(string Collection, Channel<(string Type, JsonObject Object)> Channel)> _watchers = [];
    private readonly List<KubernetesApiRequest> _requests = [];
    private readonly List<(string PathPart, Func<Task> Action)> _watchHooks = [];
    private readonly HashSet<string> _heldDeletions = new(StringComparer.Ordinal);
    private long _resourceVersion = 100;

    public List<FakeApiResource> Resources { get; } = FakeApiResource.Defaults();

    public bool RejectCredentials { get; set; }

    /// <summary>Answers a request before the store does: return a status code and message to refuse it.</summary>
    public Func<KubernetesApiRequest, (HttpStatusCode Status, string Reason, string Message)?>? Refuse { get; set; }

    public Uri BaseAddress => _http.BaseAddress;

    public IReadOnlyList<KubernetesApiRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    public static async Task<FakeKubernetesApiServer> StartAsync()
    {
        var server = new FakeKubernetesApiServer();
        server._http = await LoopbackServer.StartAsync(app => app.Run(server.HandleAsync));
        return server;
    }

    /// <summary>A kubeconfig with one context pointing here, using a bearer token.</summary>
    public string WriteKubeconfig(string directory, string contextNamespace = "default", string contextName = "fake") =>
        KubeconfigFile.Write(directory, contextName, BaseAddress.ToString().TrimEnd('/'), contextNamespace, Token);

    public JsonObject? Get(string path)
    {
        lock (_gate)
        {
            return _objects.TryGetValue(Normalize(path), out var item) ? (JsonObject)item.DeepClone() : null;
        }
    }

    public void Seed(string path, JsonObject item) => Store(Normalize(path), item, "ADDED");

    /// <summary>Replaces the status of an object, as its controller would, and tells the watchers.</summary>
    public void SetStatus(string path, JsonNode status)
    {
        path = Normalize(path);
        lock (_gate)
        {
            var item = (JsonObject)_objects[path].DeepClone();
            item["status"] = status.DeepClone();
            Store(path, item, "MODIFIED");
        }
    }

    /// <summary>Runs <paramref name="action"/> once, when a watch on a path containing <paramref name="pathPart"/> has started.</summary>
    public void WhenWatched(string pathPart, Func<Task> action)
    {
        lock (_gate)
        {
            _watchHooks.Add((pathPart, action));
        }
    }

    /// <summary>Deleting this object only marks it (deletionTimestamp) until <see cref="Release"/>, like a finalizer.</summary>
    public void HoldDeletion(string path)
    {
        lock (_gate)
        {
            _heldDeletions.Add(Normalize(path));
        }
    }

    public void Release(string path)
    {
        path = Normalize(path);
        lock (_gate)
        {
            _heldDeletions.Remove(path);
            if (_objects.Remove(path, out var item))
            {
                Publish(path, "DELETED", item);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            foreach (var (_, channel) in _watchers)
            {
                channel.Writer.TryComplete();
            }
        }

        await _http.DisposeAsync();
    }

    private static string Normalize(string path) => path.Trim('/');

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = request.ContentLength is > 0 || request.Method == "PATCH" ? await new StreamReader(request.Body).ReadToEndAsync() : "";
        var recorded = new KubernetesApiRequest(request.Method, Normalize(request.Path.Value ?? ""), request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()), request.ContentType, body);
        lock (_gate)
        {
            _requests.Add(recorded);
        }

        if (RejectCredentials || request.Headers.Authorization.ToString() != $"Bearer {Token}")
        {
            await StatusAsync(context, HttpStatusCode.Unauthorized, "Unauthorized", "Unauthorized");
            return;
        }

        if (Refuse?.Invoke(recorded) is { } refusal)
        {
            await StatusAsync(context, refusal.Status, refusal.Reason, refusal.Message);
            return;
        }

        var path = recorded.Path;
        if (path == "version")
        {
            await JsonAsync(context, new JsonObject { ["major"] = "1", ["minor"] = "31", ["gitVersion"] = "v1.31.0-fake" });
            return;
        }

        var discovery = Discovery(path);
        if (discovery is not null)
        {
            await JsonAsync(context, discovery);
            return;
        }

        var (collection, name) = Split(path);
        if (collection is null)
        {
            await StatusAsync(context, HttpStatusCode.NotFound, "NotFound", $"the server could not find the requested resource ({path})");
            return;
        }

        switch (request.Method)
        {
            case "PATCH" when name is not null:
                await ApplyAsync(context, recorded, path, body);
                break;
            case "GET" when name is not null:
                var item = Get(path);
                await (item is null ? StatusAsync(context, HttpStatusCode.NotFound, "NotFound", $"{path} not found") : JsonAsync(context, item));
                break;
            case "GET" when recorded.Query.GetValueOrDefault("watch") == "true":
                await WatchAsync(context, collection, recorded);
                break;
            case "GET":
                await ListAsync(context, collection, recorded);
                break;
            case "DELETE" when name is not null:
                await DeleteAsync(context, path);
                break;
            default:
                await StatusAsync(context, HttpStatusCode.MethodNotAllowed, "MethodNotAllowed", $"{request.Method} {path}");
                break;
        }
    }

    private JsonObject? Discovery(string path)
    {
        var segments = path.Split('/');
        string? groupVersion = segments switch
        {
            ["api", var version] => version,
            ["apis", var group, var version] => $"{group}/{version}",
            _ => null,
        };
        if (groupVersion is null)
        {
            return null;
        }

        List<FakeApiResource> served;
        lock (_gate)
        {
            served = Resources.Where(r => r.GroupVersion == groupVersion).ToList();
        }

        return served.Count == 0 ? null : new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = groupVersion,
            ["resources"] = new JsonArray(served.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Plural,
                ["singularName"] = r.Kind.ToLowerInvariant(),
                ["namespaced"] = r.Namespaced,
                ["kind"] = r.Kind,
                ["verbs"] = new JsonArray("get", "list", "watch", "patch", "delete"),
            }).ToArray()),
        };
    }

    private (string? Collection, string? Name) Split(string path)
    {
        var segments = path.Split('/');
        var prefix = segments is ["api", _, ..] ? 2 : segments is ["apis", _, _, ..] ? 3 : -1;
        if (prefix < 0)
        {
            return (null, null);
        }

        var rest = segments[prefix..];
        return rest switch
        {
            ["namespaces", _, _] or [_] => (path, null),
            ["namespaces", _, _, _] or [_, _] => (string.Join('/', segments[..^1]), segments[^1]),
            _ => (null, null),
        };
    }

    private async Task ApplyAsync(HttpContext context, KubernetesApiRequest recorded, string path, string body)
    {
        if (recorded.ContentType != "application/apply-patch+yaml")
        {
            await StatusAsync(context, HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType", $"the body of the request was in an unknown format ({recorded.ContentType})");
            return;
        }

        var applied = JsonNode.Parse(body)!.AsObject();
        JsonObject result;
        bool created;
        lock (_gate)
        {
            created = !_objects.TryGetValue(path, out var existing);
            result = (JsonObject)applied.DeepClone();
            var metadata = (JsonObject)result["metadata"]!;
            var generation = existing?["metadata"]?["generation"]?.GetValue<long>() ?? 0;
            var specChanged = existing is null || existing["spec"]?.ToJsonString() != applied["spec"]?.ToJsonString();
            metadata["uid"] = existing?["metadata"]?["uid"]?.DeepClone() ?? Guid.NewGuid().ToString();
            metadata["generation"] = specChanged ? generation + 1 : generation;
            metadata["creationTimestamp"] = existing?["metadata"]?["creationTimestamp"]?.DeepClone() ?? "2026-01-01T00:00:00Z";
            metadata["managedFields"] = new JsonArray(new JsonObject { ["manager"] = recorded.Query.GetValueOrDefault("fieldManager"), ["operation"] = "Apply" });
            if (existing?["status"] is { } status)
            {
                result["status"] = status.DeepClone();
            }

            if (recorded.Query.GetValueOrDefault("dryRun") != "All")
            {
                Store(path, result, created ? "ADDED" : "MODIFIED");
                result = _objects[path];
            }
        }

        await JsonAsync(context, result, created ? HttpStatusCode.Created : HttpStatusCode.OK);
    }

    private async Task ListAsync(HttpContext context, string collection, KubernetesApiRequest recorded)
    {
        JsonObject list;
        lock (_gate)
        {
            list = new JsonObject
            {
                ["kind"] = "List",
                ["apiVersion"] = "v1",
                ["metadata"] = new JsonObject { ["resourceVersion"] = _resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ["items"] = new JsonArray(_objects.Where(o => InCollection(o.Key, collection) && Matches(o.Value, recorded)).Select(o => (JsonNode)o.Value.DeepClone()).ToArray()),
            };
        }

        await JsonAsync(context, list);
    }

    private async Task WatchAsync(HttpContext context, string collection, KubernetesApiRequest recorded)
    {
        var channel = Channel.CreateUnbounded<(string Type, JsonObject Object)>();
        var from = long.TryParse(recorded.Query.GetValueOrDefault("resourceVersion"), out var version) ? version : 0;
        var hooks = new List<Func<Task>>();
        lock (_gate)
        {
            foreach (var past in _events.Where(e => e.Version > from && e.Collection == collection))
            {
                channel.Writer.TryWrite((past.Type, past.Object));
            }

            _watchers.Add((collection, channel));
            foreach (var hook in _watchHooks.Where(h => recorded.Path.Contains(h.PathPart, StringComparison.Ordinal) || (recorded.Query.GetValueOrDefault("fieldSelector") ?? "").Contains(h.PathPart, StringComparison.Ordinal)).ToList())
            {
                _watchHooks.Remove(hook);
                hooks.Add(hook.Action);
            }
        }

        context.Response.ContentType = "application/json";
        await context.Response.StartAsync();
        await context.Response.Body.FlushAsync();
        foreach (var hook in hooks)
        {
            _ = Task.Run(hook);
        }

        var seconds = int.TryParse(recorded.Query.GetValueOrDefault("timeoutSeconds"), out var timeout) ? timeout : 60;
        using var end = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        end.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            await foreach (var (type, item) in channel.Reader.ReadAllAsync(end.Token))
            {
                if (!Matches(item, recorded))
                {
                    continue;
                }

                await context.Response.WriteAsync(new JsonObject { ["type"] = type, ["object"] = item.DeepClone() }.ToJsonString() + "\n", end.Token);
                await context.Response.Body.FlushAsync(end.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The watch timed out or the client went away.
        }
        finally
        {
            lock (_gate)
            {
                _watchers.RemoveAll(w => w.Channel == channel);
            }
        }
    }

    private async Task DeleteAsync(HttpContext context, string path)
    {
        JsonObject? item;
        lock (_gate)
        {
            if (!_objects.TryGetValue(path, out item))
            {
                item = null;
            }
            else if (_heldDeletions.Contains(path))
            {
                var marked = (JsonObject)item.DeepClone();
                marked["metadata"]!["deletionTimestamp"] = "2026-01-01T00:00:01Z";
                marked["metadata"]!["finalizers"] = new JsonArray("service.k8s.aws/resources");
                Store(path, marked, "MODIFIED");
            }
            else
            {
                _objects.Remove(path);
                Publish(path, "DELETED", item);
            }
        }

        await (item is null ? StatusAsync(context, HttpStatusCode.NotFound, "NotFound", $"{path} not found") : JsonAsync(context, item));
    }

    private void Store(string path, JsonObject item, string type)
    {
        lock (_gate)
        {
            var copy = (JsonObject)item.DeepClone();
            var metadata = copy["metadata"] as JsonObject ?? [];
            metadata["resourceVersion"] = (++_resourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);
            copy["metadata"] = metadata;
            _objects[path] = copy;
            Publish(path, type, copy);
        }
    }

    private void Publish(string path, string type, JsonObject item)
    {
        var collection = path[..path.LastIndexOf('/')];
        var version = long.Parse(item["metadata"]?["resourceVersion"]?.GetValue<string>() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        if (type == "DELETED")
        {
            version = ++_resourceVersion;
        }

        _events.Add((version, collection, type, (JsonObject)item.DeepClone()));
        foreach (var (watched, channel) in _watchers.Where(w => w.Collection == collection))
        {
            channel.Writer.TryWrite((type, (JsonObject)item.DeepClone()));
        }
    }

    private static bool InCollection(string path, string collection) =>
        path.StartsWith(collection + "/", StringComparison.Ordinal) && !path[(collection.Length + 1)..].Contains('/', StringComparison.Ordinal);

    private static bool Matches(JsonObject item, KubernetesApiRequest recorded)
    {
        var field = recorded.Query.GetValueOrDefault("fieldSelector");
        if (field is not null && field.StartsWith("metadata.name=", StringComparison.Ordinal)
            && item["metadata"]?["name"]?.GetValue<string>() != field["metadata.name=".Length..])
        {
            return false;
        }

        var label = recorded.Query.GetValueOrDefault("labelSelector");
        if (label is null)
        {
            return true;
        }

        var (key, value) = (label[..label.IndexOf('=', StringComparison.Ordinal)], label[(label.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        return item["metadata"]?["labels"]?[key]?.GetValue<string>() == value;
    }

    private static Task JsonAsync(HttpContext context, JsonNode body, HttpStatusCode status = HttpStatusCode.OK)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private static Task StatusAsync(HttpContext context, HttpStatusCode status, string reason, string message) =>
        JsonAsync(context, new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["status"] = "Failure",
            ["reason"] = reason,
            ["message"] = message,
            ["code"] = (int)status,
        }, status);
}
