using System.Net;
using System.Text.Json.Nodes;
using KonnectAspire.Konnect.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KonnectAspire.TestSupport.Kong;

/// <summary>
/// A small stand-in for the Kong 3.9 Admin API on loopback: services, routes and plugins in memory, tag filters,
/// offset pages with <c>next</c>, Kong's error bodies for the checks the tests need, and defaults Kong would fill.
/// Every request is recorded. <c>GET /</c> answers with <see cref="Version"/>, and PUTs to <see cref="RefusedCollection"/>
/// are refused the way Kong refuses a schema violation.
/// </summary>
public sealed class FakeKongAdminApi : IAsyncDisposable
{
    private static readonly string[] Collections = ["services", "routes", "plugins"];

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<JsonObject>> _entities = Collections.ToDictionary(name => name, _ => new List<JsonObject>());
    private readonly List<RecordedRequest> _requests = [];
    private long _clock = 1_700_000_000;

    private FakeKongAdminApi(WebApplication app) => _app = app;

    /// <summary>The Kong version <c>GET /</c> reports.</summary>
    public const string Version = "3.9.1";

    /// <summary>A collection (services, routes or plugins) whose every PUT Kong refuses with a schema violation.</summary>
    public string? RefusedCollection { get; set; }

    /// <summary>The largest page the fake answers with, whatever <c>size</c> asks for.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>When set, requests need it in the Kong-Admin-Token header, as with Kong Enterprise RBAC.</summary>
    public string? AdminToken { get; set; }

    /// <summary>Whether pages carry <c>offset</c> besides <c>next</c> (Kong's do).</summary>
    public bool IncludeOffset { get; set; } = true;

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
                return [.. _requests];
        }
    }

    /// <summary>Requests that change something (PUT and DELETE), as "PUT /services/{id}".</summary>
    public IReadOnlyList<string> Changes => [.. Requests.Where(request => request.Method != "GET").Select(request => $"{request.Method} {request.Path}")];

    public static async Task<FakeKongAdminApi> StartAsync(string pathBase = "")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeKongAdminApi(app);
        if (pathBase.Length > 0)
        {
            // Kong behind a reverse proxy at a path, e.g. http://host/kong-admin/; anything else is a 404.
            app.UsePathBase(pathBase);
            app.Use((context, next) => context.Request.PathBase.HasValue ? next(context) : Results.NotFound().ExecuteAsync(context));
        }

        app.Use(async (context, next) =>
        {
            if (fake.AdminToken is not null && context.Request.Headers["Kong-Admin-Token"] != fake.AdminToken)
            {
                fake.Record(context.Request, body: null);
                await KongError(HttpStatusCode.Unauthorized, "Invalid credentials. Token or User credentials required").ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        app.UseRouting();
        app.MapGet("/", () => Results.Json(new JsonObject { ["version"] = Version, ["tagline"] = "Welcome to kong" }));
        app.MapGet("/{collection}", fake.List);
        app.MapPut("/{collection}/{id:guid}", fake.PutAsync);
        app.MapDelete("/{collection}/{id:guid}", fake.Delete);
        await app.StartAsync();
        fake.Address = new Uri(app.Urls.Single() + pathBase + "/");
        return fake;
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address };

    public void Seed(string collection, JsonObject entity)
    {
        lock (_gate)
            _entities[collection].Add(entity);
    }

    public IReadOnlyList<JsonObject> All(string collection)
    {
        lock (_gate)
            return [.. _entities[collection].Select(entity => entity.DeepClone().AsObject())];
    }

    public void ClearRequests()
    {
        lock (_gate)
            _requests.Clear();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private IResult List(string collection, HttpRequest request, string? tags, string? offset, int? size)
    {
        Record(request, body: null);
        if (!Collections.Contains(collection))
            return Results.NotFound(new { message = "Not found" });

        lock (_gate)
        {
            var matching = _entities[collection].Where(entity => HasTags(entity, tags)).ToList();
            var start = offset is null ? 0 : int.Parse(offset, System.Globalization.CultureInfo.InvariantCulture);
            var count = Math.Min(size ?? 100, PageSize);
            var page = matching.Skip(start).Take(count).Select(entity => entity.DeepClone()).ToArray();
            var nextOffset = start + count < matching.Count ? (start + count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            // Like Kong (kong/api/endpoints.lua): `size` is dropped and the tag filter is appended unescaped.
            var next = nextOffset is null ? null : $"/{collection}?offset={nextOffset}" + (tags is null ? "" : $"&tags={tags}");
            var body = new JsonObject { ["data"] = new JsonArray(page), ["next"] = next };
            if (IncludeOffset)
                body["offset"] = nextOffset;
            return Results.Json(body);
        }
    }

    private async Task<IResult> PutAsync(string collection, Guid id, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        Record(request, text);
        if (!Collections.Contains(collection))
            return Results.NotFound(new { message = "Not found" });

        var entity = JsonNode.Parse(text)!.AsObject();
        lock (_gate)
        {
            if (Refusal(collection, id, entity) is IResult refusal)
                return refusal;

            var existing = Find(collection, id);
            entity["id"] = id.ToString();
            entity["created_at"] = existing?["created_at"]?.DeepClone() ?? ++_clock;
            entity["updated_at"] = ++_clock;
            AddKongDefaults(collection, entity);
            if (existing is not null)
                _entities[collection].Remove(existing);
            _entities[collection].Add(entity);
            return Results.Json(entity.DeepClone());
        }
    }

    private IResult Delete(string collection, Guid id, HttpRequest request)
    {
        Record(request, body: null);
        lock (_gate)
        {
            // Kong answers 204 even for a missing entity; Konnect answers 404. The fake answers 404 so the store's tolerance is exercised.
            if (!Collections.Contains(collection) || Find(collection, id) is not JsonObject entity)
                return Results.NotFound(new { message = "Not found" });
            if (collection == "services" && _entities["routes"].Any(route => route["service"]?["id"]?.GetValue<string>() == id.ToString()))
                return KongError(HttpStatusCode.BadRequest, "an existing 'routes' entity references this 'services' entity");
            _entities[collection].Remove(entity);
            return Results.NoContent();
        }
    }

    private IResult? Refusal(string collection, Guid id, JsonObject entity)
    {
        if (collection == RefusedCollection)
            return KongError(HttpStatusCode.BadRequest, "schema violation (config.minute: expected a number)");

        var name = entity["name"]?.GetValue<string>();
        if (collection != "plugins" && name is not null &&
            _entities[collection].Any(other => other["name"]?.GetValue<string>() == name && other["id"]?.GetValue<string>() != id.ToString()))
            return KongError(HttpStatusCode.Conflict, $"UNIQUE violation detected on '{{name=\"{name}\"}}'");

        if (collection == "routes")
        {
            var paths = entity["paths"] as JsonArray ?? [];
            for (var i = 0; i < paths.Count; i++)
            {
                var path = paths[i]!.GetValue<string>();
                if (!path.StartsWith('/') && !path.StartsWith("~/", StringComparison.Ordinal))
                    return KongError(HttpStatusCode.BadRequest, $"schema violation (paths.{i + 1}: should start with: / (fixed path) or ~/ (regex path))");
            }

            var serviceId = entity["service"]?["id"]?.GetValue<string>();
            if (serviceId is not null && Find("services", Guid.Parse(serviceId)) is null)
                return KongError(HttpStatusCode.BadRequest, $"schema violation (service: the foreign key '{{id=\"{serviceId}\"}}' does not reference an existing 'services' entity.)");
        }

        if (collection == "plugins" && name is not null && !KongPluginCatalog.IsOpenSourceBundled(name))
            return KongError(HttpStatusCode.BadRequest, $"schema violation (name: plugin '{name}' not enabled; add it to the 'plugins' configuration property)");

        return null;
    }

    // What Kong 3.9 fills in that the sync never sends, so the semantic comparison is exercised.
    private static void AddKongDefaults(string collection, JsonObject entity)
    {
        switch (collection)
        {
            case "services":
                entity["retries"] = 5;
                entity["connect_timeout"] = 60000;
                entity["read_timeout"] = 60000;
                entity["write_timeout"] = 60000;
                entity["enabled"] = true;
                entity["client_certificate"] = null;
                break;
            case "routes":
                entity["regex_priority"] = 0;
                entity["https_redirect_status_code"] = 426;
                entity["path_handling"] = "v0";
                entity["request_buffering"] = true;
                entity["response_buffering"] = true;
                entity["headers"] = null;
                entity["snis"] = null;
                break;
            case "plugins":
                entity["protocols"] = new JsonArray("grpc", "grpcs", "http", "https");
                entity["consumer"] = null;
                entity["instance_name"] = null;
                var config = entity["config"] as JsonObject ?? [];
                config.TryAdd("fault_tolerant", true);
                config.TryAdd("error_message", null);
                entity["config"] = config;
                break;
        }
    }

    private JsonObject? Find(string collection, Guid id)
        => _entities[collection].FirstOrDefault(entity => entity["id"]?.GetValue<string>() == id.ToString());

    // Kong's `tags` filter: "a,b" needs both, "a/b" either.
    private static bool HasTags(JsonObject entity, string? filter)
    {
        if (filter is null)
            return true;
        var tags = (entity["tags"] as JsonArray ?? []).Select(tag => tag!.GetValue<string>()).ToHashSet();
        return filter.Contains('/', StringComparison.Ordinal)
            ? filter.Split('/').Any(tags.Contains)
            : filter.Split(',').All(tags.Contains);
    }

    private static IResult KongError(HttpStatusCode status, string message)
        => Results.Json(new JsonObject { ["code"] = 2, ["name"] = "schema violation", ["message"] = message }, statusCode: (int)status);

    private void Record(HttpRequest request, string? body)
    {
        lock (_gate)
            _requests.Add(new RecordedRequest(request.Method, request.Path + request.QueryString, body));
    }
}
