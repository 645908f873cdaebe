using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KonnectAspire.TestSupport.Konnect;

/// <summary>
/// A Konnect that remembers: control planes, pinned certificates and core entities in memory, so idempotence and
/// recovery can be checked (the spec mock answers the same example every time).
/// </summary>
public sealed class FakeKonnect : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, JsonObject> _controlPlanes = new();
    private readonly ConcurrentDictionary<string, (Guid ControlPlane, string Cert)> _certificates = new();
    private readonly ConcurrentDictionary<(Guid ControlPlane, string Kind, string Id), JsonObject> _entities = new();
    private LoopbackServer? _server;
    private int _writes;

    public Uri BaseAddress => _server!.BaseAddress;

    /// <summary>POST, PUT, PATCH and DELETE requests received: what a run changed.</summary>
    public int Writes => Volatile.Read(ref _writes);

    public IReadOnlyCollection<JsonObject> ControlPlanes => _controlPlanes.Values.ToList();

    /// <summary>The core entities of one kind (services, routes, plugins) stored on a control plane.</summary>
    public IReadOnlyList<JsonObject> Entities(Guid controlPlane, string kind)
        => _entities.Where(e => e.Key.ControlPlane == controlPlane && e.Key.Kind == kind).Select(e => e.Value).ToList();

    public IReadOnlyList<string> PinnedCertificates(Guid controlPlane)
        => _certificates.Values.Where(c => c.ControlPlane == controlPlane).Select(c => c.Cert).ToList();

    public void Unpin(Guid controlPlane)
    {
        foreach (var (id, certificate) in _certificates)
        {
            if (certificate.ControlPlane == controlPlane)
            {
                _certificates.TryRemove(id, out _);
            }
        }
    }

    public static async Task<FakeKonnect> StartAsync()
    {
        var fake = new FakeKonnect();
        fake._server = await LoopbackServer.StartAsync(fake.Map);
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private void Map(WebApplication app)
    {
        app.Use(async (HttpContext context, RequestDelegate next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method))
            {
                Interlocked.Increment(ref _writes);
            }

            await next(context);
        });
        app.MapGet("/control-planes", (HttpContext context) =>
        {
            var name = context.Request.Query["filter[name][eq]"].ToString();
            var data = new JsonArray(_controlPlanes.Values.Where(cp => cp["name"]!.GetValue<string>() == name).Select(cp => (JsonNode)cp.DeepClone()).ToArray());
            return Json(new JsonObject { ["meta"] = new JsonObject { ["page"] = new JsonObject { ["number"] = 1, ["size"] = 100, ["total"] = data.Count } }, ["data"] = data });
        });
        app.MapPost("/control-planes", async (HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var name = body["name"]!.GetValue<string>();
            if (_controlPlanes.Values.Any(cp => cp["name"]!.GetValue<string>() == name))
            {
                return Results.Json(new { status = 409, title = "Conflict", detail = "name taken" }, statusCode: 409);
            }

            var id = Guid.NewGuid();
            var prefix = id.ToString("N")[..10];
            var controlPlane = new JsonObject
            {
                ["id"] = id.ToString(),
                ["name"] = name,
                ["description"] = body["description"]?.GetValue<string>() ?? string.Empty,
                ["labels"] = body["labels"]?.DeepClone() ?? new JsonObject(),
                ["config"] = new JsonObject
                {
                    ["control_plane_endpoint"] = $"https://{prefix}.us.cp.konghq.com",
                    ["telemetry_endpoint"] = $"https://{prefix}.us.tp0.konghq.com",
                    ["cluster_type"] = "CLUSTER_TYPE_CONTROL_PLANE",
                    ["auth_type"] = "pinned_client_certs",
                    ["cloud_gateway"] = false,
                },
                ["created_at"] = "2026-01-01T00:00:00Z",
                ["updated_at"] = "2026-01-01T00:00:00Z",
            };
            _controlPlanes[id] = controlPlane;
            return Results.Json(controlPlane, statusCode: 201);
        });
        app.MapGet("/control-planes/{id:guid}", (Guid id) => _controlPlanes.TryGetValue(id, out var cp) ? Json(cp) : Results.NotFound());
        app.MapDelete("/control-planes/{id:guid}", (Guid id) =>
        {
            Unpin(id);
            return _controlPlanes.TryRemove(id, out _) ? Results.NoContent() : Results.NotFound();
        });
        app.MapGet("/control-planes/{id:guid}/dp-client-certificates", (Guid id) =>
        {
            var items = new JsonArray(_certificates.Where(c => c.Value.ControlPlane == id)
                .Select(c => (JsonNode)new JsonObject { ["id"] = c.Key, ["cert"] = c.Value.Cert, ["created_at"] = 0, ["updated_at"] = 0 }).ToArray());
            return Json(new JsonObject { ["items"] = items, ["page"] = new JsonObject { ["total_count"] = items.Count } });
        });
        app.MapPost("/control-planes/{id:guid}/dp-client-certificates", async (Guid id, HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var certId = Guid.NewGuid().ToString();
            _certificates[certId] = (id, body["cert"]!.GetValue<string>());
            return Results.Json(new JsonObject { ["item"] = new JsonObject { ["id"] = certId, ["cert"] = body["cert"]!.GetValue<string>() } }, statusCode: 201);
        });
        app.MapGet("/control-planes/{id:guid}/core-entities/{kind}", (Guid id, string kind, string? tags) =>
        {
            var data = new JsonArray(_entities.Where(e => e.Key.ControlPlane == id && e.Key.Kind == kind)
                .Where(e => tags is null || (e.Value["tags"] as JsonArray)?.Any(t => t!.GetValue<string>() == tags) == true)
                .Select(e => (JsonNode)e.Value.DeepClone()).ToArray());
            return Json(new JsonObject { ["data"] = data, ["next"] = null, ["offset"] = null });
        });
        app.MapPut("/control-planes/{id:guid}/core-entities/{kind}/{entityId}", async (Guid id, string kind, string entityId, HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            body["id"] = entityId;
            _entities[(id, kind, entityId)] = body;
            return Json(body);
        });
        app.MapDelete("/control-planes/{id:guid}/core-entities/{kind}/{entityId}", (Guid id, string kind, string entityId) =>
        {
            _entities.TryRemove((id, kind, entityId), out _);
            return Results.NoContent();
        });
    }

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");
}
