using System.Diagnostics;
using k8s;
using k8s.Models;
using KonnectAspire.Deployment.Kubernetes;

namespace KonnectAspire.Provisioner.Commands.LoadTest;

/// <summary>
/// Reads the HorizontalPodAutoscalers of a namespace (or one by name) every few seconds while the load runs: the
/// workshop's scale-out demo (current and desired replicas, CPU against its target) without a fortio pod. Owns its client.
/// </summary>
internal sealed class HpaSampler(KubernetesApi api, ApiResource autoscalers, string @namespace, string? name) : IDisposable
{
    public void Dispose() => api.Dispose();

    public async Task<IReadOnlyList<HpaSample>> SampleAsync(TimeSpan every, Action<HpaSample> onSample, CancellationToken cancellationToken)
    {
        var samples = new List<HpaSample>();
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(every);
        try
        {
            do
            {
                foreach (var sample in await ReadAsync(clock.Elapsed, cancellationToken).ConfigureAwait(false))
                {
                    samples.Add(sample);
                    onSample(sample);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over: what was sampled so far is the answer.
        }

        return samples;
    }

    public async Task<IReadOnlyList<HpaSample>> ReadAsync(TimeSpan at, CancellationToken cancellationToken)
    {
        var selector = name is null ? ObjectSelector.All : ObjectSelector.Named(name);
        try
        {
            var list = await api.ListAsync(autoscalers, @namespace, selector, cancellationToken).ConfigureAwait(false);
            return list.Items.Select(i => KubernetesJson.Deserialize<V2HorizontalPodAutoscaler>(i.ToJsonString())).Select(hpa => new HpaSample(
                at,
                hpa.Metadata.Name,
                hpa.Status?.CurrentReplicas ?? 0,
                hpa.Status?.DesiredReplicas ?? 0,
                hpa.Status?.CurrentMetrics?.FirstOrDefault(m => m.Resource?.Name == "cpu")?.Resource?.Current?.AverageUtilization,
                hpa.Spec.Metrics?.FirstOrDefault(m => m.Resource?.Name == "cpu")?.Resource?.Target?.AverageUtilization)).ToList();
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException)
        {
            // One missed sample is not worth stopping the load for.
            return [];
        }
    }
}
