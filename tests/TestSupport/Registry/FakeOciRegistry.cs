using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace KonnectAspire.TestSupport.Registry;

/// <summary>
/// An OCI distribution registry on 127.0.0.1 over plain HTTP: the calls the .NET SDK's container support makes to pull
/// a base image and push an image (blob HEAD/GET, upload POST/PATCH/PUT with cross-repository mount, manifest GET/PUT).
/// It holds one base image, <see cref="BaseImage"/>, with no layers, and records every manifest pushed.
/// </summary>
public sealed partial class FakeOciRegistry : IAsyncDisposable
{
    private const string ManifestType = "application/vnd.oci.image.manifest.v1+json";

    private readonly ConcurrentDictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Repository, string Reference), byte[]> _manifests = new();
    private readonly ConcurrentDictionary<string, byte[]> _uploads = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<PushedManifest> _pushed = new();
    private LoopbackServer? _server;

    private FakeOciRegistry()
    {
    }

    /// <summary>The registry's host and port, as an image reference names it (<c>127.0.0.1:port</c>).</summary>
    public string Host { get; private set; } = "";

    /// <summary>The base image to build on: <c>{Host}/base/runtime:1</c>, linux/amd64, no layers.</summary>
    public string BaseImage => $"{Host}/base/runtime:1";

    /// <summary>Every manifest pushed, in order, with the digest the registry computed from its bytes.</summary>
    public IReadOnlyList<PushedManifest> Pushed => [.. _pushed];

    public static async Task<FakeOciRegistry> StartAsync()
    {
        var registry = new FakeOciRegistry();
        registry.SeedBaseImage();
        registry._server = await LoopbackServer.StartAsync(app => app.Run(registry.HandleAsync));
        registry.Host = $"127.0.0.1:{registry._server.BaseAddress.Port}";
        return registry;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static string Digest(byte[] data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));

    private void SeedBaseImage()
    {
        var config = Encoding.UTF8.GetBytes("""{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/usr/bin:/bin"],"WorkingDir":"/"},"rootfs":{"type":"layers","diff_ids":[]},"history":[]}""");
        _blobs[Digest(config)] = config;
        var manifest = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = ManifestType,
            ["config"] = new JsonObject { ["mediaType"] = "application/vnd.oci.image.config.v1+json", ["digest"] = Digest(config), ["size"] = config.Length },
            ["layers"] = new JsonArray(),
        }.ToJsonString());
        _manifests[("base/runtime", "1")] = manifest;
        _manifests[("base/runtime", Digest(manifest))] = manifest;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Path.Value ?? "";
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();

        if (path == "/v2/")
        {
            await response.WriteAsync("{}");
            return;
        }

        if (ManifestPath().Match(path) is { Success: true } manifest)
        {
            var (repository, reference) = (manifest.Groups[1].Value, manifest.Groups[2].Value);
            if (HttpMethods.IsPut(request.Method))
            {
                var digest = Digest(body);
                _manifests[(repository, reference)] = body;
                _manifests[(repository, digest)] = body;
                _pushed.Enqueue(new PushedManifest(repository, reference, digest, JsonNode.Parse(body)!.AsObject()));
                response.StatusCode = StatusCodes.Status201Created;
                response.Headers["Docker-Content-Digest"] = digest;
                response.Headers.Location = path;
                return;
            }

            if (!_manifests.TryGetValue((repository, reference), out var stored))
            {
                response.StatusCode = StatusCodes.Status404NotFound;
                await response.WriteAsync("""{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}""");
                return;
            }

            response.ContentType = JsonNode.Parse(stored)!["mediaType"]!.GetValue<string>();
            response.Headers["Docker-Content-Digest"] = Digest(stored);
            response.ContentLength = stored.Length;
            if (!HttpMethods.IsHead(request.Method))
            {
                await response.Body.WriteAsync(stored);
            }

            return;
        }

        if (UploadPath().Match(path) is { Success: true } upload)
        {
            var (repository, id) = (upload.Groups[1].Value, upload.Groups[2].Value);
            if (HttpMethods.IsPost(request.Method))
            {
                if (request.Query["mount"].ToString() is { Length: > 0 } mount && _blobs.ContainsKey(mount))
                {
                    response.StatusCode = StatusCodes.Status201Created;
                    response.Headers.Location = $"/v2/{repository}/blobs/{mount}";
                    return;
                }

                id = Guid.NewGuid().ToString("N");
                _uploads[id] = body;
                response.StatusCode = StatusCodes.Status202Accepted;
                response.Headers.Location = $"/v2/{repository}/blobs/uploads/{id}";
                response.Headers["Range"] = "0-0";
                return;
            }

            var sofar = _uploads.GetValueOrDefault(id, []);
            var joined = sofar.Concat(body).ToArray();
            if (HttpMethods.IsPatch(request.Method))
            {
                _uploads[id] = joined;
                response.StatusCode = StatusCodes.Status202Accepted;
                response.Headers.Location = $"/v2/{repository}/blobs/uploads/{id}";
                response.Headers["Range"] = $"0-{Math.Max(joined.Length - 1, 0)}";
                return;
            }

            var expected = request.Query["digest"].ToString();
            if (Digest(joined) != expected)
            {
                response.StatusCode = StatusCodes.Status400BadRequest;
                await response.WriteAsync("""{"errors":[{"code":"DIGEST_INVALID","message":"digest does not match"}]}""");
                return;
            }

            _uploads.TryRemove(id, out _);
            _blobs[expected] = joined;
            response.StatusCode = StatusCodes.Status201Created;
            response.Headers.Location = $"/v2/{repository}/blobs/{expected}";
            response.Headers["Docker-Content-Digest"] = expected;
            return;
        }

        if (BlobPath().Match(path) is { Success: true } blob && _blobs.TryGetValue(blob.Groups[2].Value, out var data))
        {
            response.ContentType = "application/octet-stream";
            response.Headers["Docker-Content-Digest"] = blob.Groups[2].Value;
            response.ContentLength = data.Length;
            if (!HttpMethods.IsHead(request.Method))
            {
                await response.Body.WriteAsync(data);
            }

            return;
        }

        response.StatusCode = StatusCodes.Status404NotFound;
        await response.WriteAsync("""{"errors":[{"code":"NAME_UNKNOWN","message":"not found"}]}""");
    }

    [GeneratedRegex("^/v2/(.+)/manifests/([^/]+)$")]
    private static partial Regex ManifestPath();

    [GeneratedRegex("^/v2/(.+)/blobs/uploads/?([^/]*)$")]
    private static partial Regex UploadPath();

    [GeneratedRegex("^/v2/(.+)/blobs/(sha256:[0-9a-f]{64})$")]
    private static partial Regex BlobPath();
}
