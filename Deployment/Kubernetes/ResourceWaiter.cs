using System.Net;
using System.Text.Json.Nodes;
using k8s;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// Waits for a condition on some objects with list-then-watch (an informer in miniature): list once, then follow
/// the watch from that resourceVersion, keep the objects in a local cache and re-check on every event. When the
/// server closes the watch (timeoutSeconds) or says the version is too old (410 Gone), list again and go on.
/// </summary>
public sealed class ResourceWaiter(KubernetesApi api)
{
    // The server ends each watch after this long; comfortably below the client's HTTP timeout (100 s by default).
    private const int WatchSeconds = 50;

    public async Task<WaitCheck> WaitAsync(
        ApiResource resource,
        string? @namespace,
        ObjectSelector selector,
        Func<IReadOnlyCollection<JsonObject>, WaitCheck> check,
        Action<WaitCheck> onChange,
        CancellationToken cancellationToken)
    {
        string? lastDescription = null;
        WaitCheck Evaluate(IReadOnlyCollection<JsonObject> objects)
        {
            var result = check(objects);
            if (result.Description != lastDescription)
            {
                lastDescription = result.Description;
                onChange(result);
            }

            return result;
        }

        while (true)
        {
            var list = await api.ListAsync(resource, @namespace, selector, cancellationToken).ConfigureAwait(false);
            var cache = list.Items.ToDictionary(Name, StringComparer.Ordinal);
            var result = Evaluate(cache.Values);
            if (result.State != WaitState.Pending)
            {
                return result;
            }

            var resourceVersion = list.ResourceVersion;
            var started = DateTimeOffset.UtcNow;
            var events = 0;
            await foreach (var (type, item) in api.WatchAsync(resource, @namespace, selector, resourceVersion, WatchSeconds, cancellationToken).ConfigureAwait(false))
            {
                events++;
                switch (type)
                {
                    case WatchEventType.Added or WatchEventType.Modified:
                        cache[Name(item)] = item;
                        break;
                    case WatchEventType.Deleted:
                        cache.Remove(Name(item));
                        break;
                    case WatchEventType.Error when item["code"]?.GetValue<int>() == (int)HttpStatusCode.Gone:
                        goto relist;
                    case WatchEventType.Error:
                        throw new KubernetesApiException((HttpStatusCode)(item["code"]?.GetValue<int>() ?? 500), item["reason"]?.GetValue<string>(), item["message"]?.GetValue<string>() ?? "watch failed");
                }

                result = Evaluate(cache.Values);
                if (result.State != WaitState.Pending)
                {
                    return result;
                }
            }

        relist:
            // A server that closes watches at once must not turn this into a tight loop.
            if (events == 0 && DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(1))
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string Name(JsonObject item) => item["metadata"]?["name"]?.GetValue<string>() ?? "";
}
