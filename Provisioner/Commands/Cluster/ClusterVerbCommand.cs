using System.CommandLine;
using KonnectAspire.Deployment.Kubernetes;
using KonnectAspire.Provisioner.Cli;
using KonnectAspire.Provisioner.Kubernetes;

namespace KonnectAspire.Provisioner.Commands.Cluster;

/// <summary>
/// The shape deploy, status, diff and destroy share: a publish-output argument, the connection options (and, unless the
/// plan needs only names, the secret options), and a body that runs in a <see cref="ClusterSession"/> under one deadline.
/// </summary>
internal abstract class ClusterVerbCommand : Command
{
    private readonly ProvisionerContext _context;
    private readonly KubernetesConnectionOptions _connection;
    private readonly DeploySecretOptions? _secrets;
    private readonly PlanPurpose _purpose;

    protected ClusterVerbCommand(ProvisionerContext context, string name, string description, TimeSpan defaultTimeout, PlanPurpose purpose, string directoryDescription, bool directoryOptional = false)
        : base(name, description)
    {
        _context = context;
        _connection = new KubernetesConnectionOptions(defaultTimeout);
        _secrets = purpose == PlanPurpose.NamesOnly ? null : new DeploySecretOptions();
        _purpose = purpose;
        Directory = new Argument<string?>("dir")
        {
            Description = directoryDescription,
            Arity = directoryOptional ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne,
        };
        Arguments.Add(Directory);
        _connection.AddTo(this);
        _secrets?.AddTo(this);
        SetAction(RunAsync);
    }

    protected Argument<string?> Directory { get; }

    protected abstract Task<int> ExecuteAsync(ClusterSession session, KubernetesVerb verb, ParseResult result, CancellationToken cancellationToken);

    private Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var settings = _connection.Read(result);
        return KubernetesVerb.RunAsync(_context, settings.Timeout, async (verb, token) =>
        {
            var sources = _secrets?.Read(result) ?? new KonnectSecretSources(null, null);
            using var session = await ClusterSession.OpenAsync(result.GetValue(Directory), settings, sources, _purpose, _context.Deployment, verb, token).ConfigureAwait(false);
            verb.Redactor = session.Plan.Redactor;
            return await ExecuteAsync(session, verb, result, token).ConfigureAwait(false);
        }, cancellationToken);
    }
}
