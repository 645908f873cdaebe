using KonnectAspire.Deployment;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.Kong.Deploy;

/// <summary>
/// The deploy step's progress as pipeline log lines (<c>PipelineStepContext.Logger</c>, shown by <c>dotnet run</c>
/// and the Aspire CLI alike), each led by the step's name; remembers what it waits for, for the timeout message.
/// </summary>
internal sealed class PipelineDeploymentProgress(ILogger logger, string step) : IDeploymentProgress
{
    public string Activity { get; private set; } = "the cluster";

    public void Info(string text) => logger.LogInformation("{Step}: {Text}", step, text);

    public void Step(string text) => logger.LogInformation("{Step}: ✓ {Text}", step, text);

    public void Detail(string text) => logger.LogInformation("{Step}:   {Text}", step, text);

    public void Warning(string text) => logger.LogWarning("{Step}: {Text}", step, text);

    public void Doing(string activity) => Activity = activity;

    public Task<T> WaitAsync<T>(string title, Func<Action<string>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        logger.LogInformation("{Step}: … {Title}", step, title);
        return work(Detail);
    }
}
