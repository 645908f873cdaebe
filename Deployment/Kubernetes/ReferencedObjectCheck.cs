using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>
/// Before anything is applied: every Secret and ConfigMap key the manifests read must be in the plan (published, or
/// made by the provisioner) or already on the cluster; otherwise pods stop at CreateContainerConfigError and the Kong
/// Operator leaves plugins unprogrammed. All that is missing is listed at once, each with the option or kubectl command
/// that makes it.
/// </summary>
public sealed class ReferencedObjectCheck(KubernetesApi api)
{
    public async Task CheckAsync(IReadOnlyList<ManifestDocument> documents, List<string> notes, CancellationToken cancellationToken)
    {
        var planned = documents.Where(d => d.Group.Length == 0 && d.Kind is ("Secret" or "ConfigMap") && d.Namespace is not null)
            .GroupBy(d => (d.Kind, d.Namespace!, d.Name))
            .ToDictionary(g => g.Key, g => g.Last());
        var problems = new List<string>();
        foreach (var group in ObjectReferences.Find(documents).GroupBy(r => (r.Kind, r.Namespace, r.Name)))
        {
            var (kind, @namespace, name) = group.Key;
            var keys = group.Select(r => r.Key).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var document = planned.GetValueOrDefault(group.Key);
            if (document is { Generated: true } && document.Body["data"] is null)
            {
                // Made by the provisioner but not readable now (diff without its sources); the plan's notes say so.
                continue;
            }

            var available = DataKeys(document?.Body);
            var exists = document is not null;
            if (!exists || keys.Any(k => !available.Contains(k)))
            {
                var resource = await api.FindResourceAsync("v1", kind, cancellationToken).ConfigureAwait(false)
                    ?? throw DeploymentException.Precondition($"The cluster does not serve v1 {kind}.");
                try
                {
                    var live = await api.GetAsync(resource, @namespace, name, cancellationToken).ConfigureAwait(false);
                    exists |= live is not null;
                    available.UnionWith(DataKeys(live));
                }
                catch (KubernetesApiException e) when (e.StatusCode == HttpStatusCode.Forbidden)
                {
                    notes.Add($"Could not check that {kind} {@namespace}/{name} exists (this identity may not read {kind}s): make sure it does, with key(s) {string.Join(", ", keys)}.");
                    continue;
                }
            }

            var missingKeys = keys.Where(k => !available.Contains(k)).ToList();
            if (!exists || missingKeys.Count > 0)
            {
                problems.Add(Problem(kind, @namespace, name, exists, missingKeys, group.Select(r => r.Referrer).Distinct(StringComparer.Ordinal)));
            }
        }

        if (problems.Count > 0)
        {
            throw DeploymentException.Precondition(
                "The manifests read Secrets or ConfigMaps that are neither in the publish output, nor made by the provisioner, nor on the cluster; "
                + "nothing was applied. Without them pods stop at CreateContainerConfigError and the Kong Operator does not program the plugins.\n"
                + string.Join("\n", problems));
        }
    }

    private static string Problem(string kind, string @namespace, string name, bool exists, List<string> keys, IEnumerable<string> referrers)
    {
        var text = new StringBuilder($"- {kind} {@namespace}/{name}");
        text.Append(exists ? $" exists on the cluster but has no key {string.Join(", ", keys)}" : keys.Count == 0 ? "" : $", key {string.Join(", ", keys)}");
        text.Append($" (read by {string.Join(", ", referrers)})\n");
        var named = keys.Count == 0 ? ["<KEY>"] : keys;
        if (kind == "Secret")
        {
            text.Append($"  fix: add {string.Join(" ", named.Select(k => $"{SecretKeySource.FromEnvironmentOption} {name}/{k}={Variable(k)}"))}")
                .Append($" (or {SecretKeySource.FromFileOption} {name}/{named[0]}=<file>) to this command");
        }
        else
        {
            text.Append("  fix: add it to the publish output");
        }

        var literals = string.Join(" ", named.Select(k => $"--from-literal={k}=<value>"));
        var field = kind == "Secret" ? "stringData" : "data";
        var patch = string.Join(",", named.Select(k => $"\"{k}\":\"<value>\""));
        text.Append(exists
            ? $", or beforehand: kubectl -n {@namespace} patch {kind.ToLowerInvariant()} {name} --type merge -p '{{\"{field}\":{{{patch}}}}}'"
            : $", or beforehand: kubectl -n {@namespace} create {(kind == "Secret" ? "secret generic" : "configmap")} {name} {literals}");
        return text.ToString();
    }

    // The environment variable a key's value would naturally be in: ai-llm-auth → AI_LLM_AUTH.
    private static string Variable(string key) =>
        key == "<KEY>" ? "<VARIABLE>" : new string(key.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_').ToArray());

    private static HashSet<string> DataKeys(JsonObject? body) =>
        new[] { "data", "stringData", "binaryData" }
            .SelectMany(field => body?[field] is JsonObject data ? data.Select(p => p.Key) : [])
            .ToHashSet(StringComparer.Ordinal);
}
