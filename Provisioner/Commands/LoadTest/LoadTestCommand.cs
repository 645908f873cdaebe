using System.CommandLine;
using System.Globalization;
using KonnectAspire.Provisioner.Cli;
using KonnectAspire.Deployment.Kubernetes;
using KonnectAspire.Provisioner.Kubernetes;
using Spectre.Console;

namespace KonnectAspire.Provisioner.Commands.LoadTest;

/// <summary>
/// `provisioner loadtest &lt;url&gt;`: a bounded HTTP load (rate, duration, concurrency) with latency percentiles and,
/// when a cluster is reachable, the HorizontalPodAutoscaler's replicas sampled while it runs.
/// </summary>
internal sealed class LoadTestCommand : Command
{
    private static readonly TimeSpan ClusterCheckTimeout = TimeSpan.FromSeconds(10);

    private readonly Argument<string> _url = new("url") { Description = "What to load, e.g. the gateway's load balancer address with a route path." };

    private readonly Option<double> _rate = new("--rate") { Description = "Requests a second.", DefaultValueFactory = _ => 50 };

    private readonly Option<TimeSpan> _duration = DurationOption.Create("--duration", TimeSpan.FromSeconds(30), "How long to send");

    private readonly Option<int> _concurrency = new("--concurrency") { Description = "Most requests in flight at once.", DefaultValueFactory = _ => 32 };

    private readonly Option<TimeSpan> _requestTimeout = DurationOption.Create("--request-timeout", TimeSpan.FromSeconds(10), "How long one request may take");

    private readonly Option<string?> _hpa = new("--hpa") { Description = "Sample only this HorizontalPodAutoscaler (default: all in the namespace)." };

    private readonly Option<TimeSpan> _sampleEvery = DurationOption.Create("--sample-every", TimeSpan.FromSeconds(5), "How often to read the autoscaler");

    private readonly Option<bool> _noCluster = new("--no-cluster") { Description = "Do not look for a cluster; load only." };

    private readonly KubernetesConnectionOptions _connection = new(ClusterCheckTimeout);

    private readonly ProvisionerContext _context;

    public LoadTestCommand(ProvisionerContext context)
        : base("loadtest", "Bounded HTTP load with latency percentiles, sampling the HPA's replicas while it runs.")
    {
        _context = context;
        Arguments.Add(_url);
        Options.Add(_rate);
        Options.Add(_duration);
        Options.Add(_concurrency);
        Options.Add(_requestTimeout);
        Options.Add(_hpa);
        Options.Add(_sampleEvery);
        Options.Add(_noCluster);
        _connection.AddTo(this, withTimeout: false);
        SetAction(RunAsync);
    }

    private Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var error = ValidationError(result);
        var options = error is null
            ? new LoadTestOptions(new Uri(result.GetRequiredValue(_url)), result.GetValue(_rate), result.GetValue(_duration), result.GetValue(_concurrency), result.GetValue(_requestTimeout))
            : null;
        var timeout = options is null ? TimeSpan.FromMinutes(1) : options.Duration + options.RequestTimeout + ClusterCheckTimeout + TimeSpan.FromMinutes(1);
        return KubernetesVerb.RunAsync(_context, timeout, async (verb, token) =>
        {
            var output = verb.Output;
            if (options is null)
            {
                throw CommandFailedException.BadInput(error!);
            }

            using var sampler = result.GetValue(_noCluster) ? null : await FindAutoscalersAsync(result, output, token).ConfigureAwait(false);
            output.Info($"Sending {options.Planned} GET {options.Target} over {Durations.Format(options.Duration)} ({options.Rate.ToString(CultureInfo.InvariantCulture)}/s, at most {options.Concurrency} in flight).");

            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
            using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
            var runner = new LoadTestRunner(http);
            using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(token);
            var latest = "";
            var sampling = sampler is null
                ? Task.FromResult<IReadOnlyList<HpaSample>>([])
                : sampler.SampleAsync(result.GetValue(_sampleEvery), s => latest = $"HPA {s.Name}: {s.CurrentReplicas} → {s.DesiredReplicas} replicas, cpu {Percent(s.CpuUtilization)}/{Percent(s.CpuTarget)}", stopSampling.Token);

            var load = await ShowProgressAsync(output, runner, options, () => latest, runner.RunAsync(options, token)).ConfigureAwait(false);
            await stopSampling.CancelAsync().ConfigureAwait(false);
            var report = load with { Autoscaler = await sampling.ConfigureAwait(false) };
            Write(output, report);
            if (report.Succeeded == 0)
            {
                throw CommandFailedException.Precondition($"No request to {options.Target} succeeded ({string.Join(", ", report.StatusCodes.Select(c => $"{(c.Key == 0 ? "no answer" : c.Key)}: {c.Value}"))}). Check the address and route path; `provisioner status` shows the load balancer.");
            }

            return ExitCodes.Success;
        }, cancellationToken);
    }

    private string? ValidationError(ParseResult result)
    {
        var url = result.GetValue(_url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return $"'{url}' is not an http:// or https:// URL. Pass the gateway address, e.g. http://<load balancer>/<route path>.";
        }

        var rate = result.GetValue(_rate);
        if (!(rate > 0 && rate <= 10_000))
        {
            return $"--rate {rate} is out of range: give 0 < rate ≤ 10000 requests a second.";
        }

        var concurrency = result.GetValue(_concurrency);
        if (concurrency is < 1 or > 1000)
        {
            return $"--concurrency {concurrency} is out of range: give 1 to 1000.";
        }

        var duration = result.GetValue(_duration);
        if (duration > TimeSpan.FromHours(1))
        {
            return $"--duration {Durations.Format(duration)} is longer than an hour; a load test is bounded, split it.";
        }

        return rate * duration.TotalSeconds < 1
            ? $"--rate {rate} over --duration {Durations.Format(duration)} sends no request; raise one of them."
            : null;
    }

    private async Task<HpaSampler?> FindAutoscalersAsync(ParseResult result, CommandOutput output, CancellationToken cancellationToken)
    {
        using var check = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        check.CancelAfter(ClusterCheckTimeout);
        KubernetesApi? api = null;
        try
        {
            var cluster = KubeconfigResolver.Resolve(_connection.Read(result), _context.Deployment);
            api = new KubernetesApi(cluster.Configuration, _context.KubernetesRequestTimeout);
            var autoscalers = await api.FindResourceAsync("autoscaling/v2", "HorizontalPodAutoscaler", check.Token).ConfigureAwait(false);
            if (autoscalers is null)
            {
                output.Detail("The cluster serves no autoscaling/v2 API: not sampling an HPA.");
                return null;
            }

            var sampler = new HpaSampler(api, autoscalers, cluster.DefaultNamespace, result.GetValue(_hpa));
            var found = await sampler.ReadAsync(TimeSpan.Zero, check.Token).ConfigureAwait(false);
            if (found.Count == 0)
            {
                output.Detail($"No HorizontalPodAutoscaler in namespace {cluster.DefaultNamespace} ({cluster.Source}); pass --namespace or --hpa.");
                return null;
            }

            output.Detail($"Sampling {string.Join(", ", found.Select(s => s.Name))} in {cluster.DefaultNamespace} every {Durations.Format(result.GetValue(_sampleEvery))}.");

            // The sampler owns the client from here on.
            api = null;
            return sampler;
        }
        catch (Exception e) when (e is CommandFailedException or KubernetesApiException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            output.Detail($"No cluster to sample an HPA from ({e.Message.Split('\n')[0]}); load only.");
            return null;
        }
        finally
        {
            // Every way out but a sampler handed back, a failure included, releases the client.
            api?.Dispose();
        }
    }

    private static async Task<LoadTestResult> ShowProgressAsync(CommandOutput output, LoadTestRunner runner, LoadTestOptions options, Func<string> autoscaler, Task<LoadTestResult> run)
    {
        if (!output.Console.Profile.Capabilities.Interactive)
        {
            while (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false) != run)
            {
                output.Detail($"sent {runner.SentCount}/{options.Planned}, answered {runner.CompletedCount}. {autoscaler()}");
            }

            return await run.ConfigureAwait(false);
        }

        return await output.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("load", maxValue: options.Planned);
                while (await Task.WhenAny(run, Task.Delay(TimeSpan.FromMilliseconds(250))).ConfigureAwait(false) != run)
                {
                    task.Value = runner.SentCount;
                    task.Description = Markup.Escape($"sent {runner.SentCount}, answered {runner.CompletedCount}. {autoscaler()}");
                }

                task.Value = runner.SentCount;
                return await run.ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    private static void Write(CommandOutput output, LoadTestResult result)
    {
        var summary = new Table().HideHeaders().AddColumns("", "");
        summary.AddRow("requests", $"{result.Sent} sent of {result.Options.Planned} planned, {result.Dropped} dropped{(result.Dropped > 0 ? $" (all {result.Options.Concurrency} slots busy to the end)" : "")}");
        summary.AddRow("rate", $"{result.AchievedRate:0.0}/s achieved for {result.Options.Rate.ToString(CultureInfo.InvariantCulture)}/s asked; latest send {Durations.Format(result.MaxSendDelay)} behind schedule");
        summary.AddRow("answers", Markup.Escape(string.Join(", ", result.StatusCodes.Select(c => $"{(c.Key == 0 ? "none" : c.Key)}: {c.Value}"))));
        summary.AddRow("latency", $"p50 {Ms(result.Percentile(50))}, p90 {Ms(result.Percentile(90))}, p99 {Ms(result.Percentile(99))}, max {Ms(result.Latencies.DefaultIfEmpty().Max())}");
        summary.AddRow("time", $"dispatch ended at {Durations.Format(result.LastSentAt)}, last answer at {Durations.Format(result.Elapsed)}");
        output.Console.Write(summary);

        if (result.Autoscaler.Count > 0)
        {
            var hpa = new Table().AddColumns("t", "HPA", "current", "desired", "cpu / target");
            foreach (var sample in result.Autoscaler)
            {
                hpa.AddRow(Durations.Format(sample.At), Markup.Escape(sample.Name), $"{sample.CurrentReplicas}", $"{sample.DesiredReplicas}", $"{Percent(sample.CpuUtilization)} / {Percent(sample.CpuTarget)}");
            }

            output.Console.Write(hpa);
        }
    }

    private static string Ms(TimeSpan value) => $"{value.TotalMilliseconds:0.0}ms";

    private static string Percent(int? value) => value is null ? "<unknown>" : $"{value}%";
}
