using System.Globalization;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using k8s.Models;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>
/// Maps the raw environment and argument values of a resource (strings, parameters, endpoint references, reference
/// expressions, connection strings) to container values. Secret parameters never become text: they are read from the
/// Secret <c>&lt;workload&gt;-secrets</c> (key = parameter name), and a value that embeds one refers to it as $(NAME).
/// </summary>
internal sealed class WorkloadEnvironmentMapper(KubernetesServiceMap services, string workloadName, ICollection<string> problems)
{
    private readonly List<V1EnvVar> _secretVariables = [];

    public string SecretName => $"{workloadName}-secrets";

    public async Task<IReadOnlyList<V1EnvVar>> MapEnvironmentAsync(IReadOnlyDictionary<string, object> environment, CancellationToken cancellationToken)
    {
        var mapped = new List<V1EnvVar>();
        foreach (var (name, value) in environment)
        {
            if (value is ParameterResource { Secret: true } secret)
            {
                mapped.Add(new V1EnvVar { Name = name, ValueFrom = SecretKey(secret) });
                continue;
            }

            var text = await RenderAsync(name, value, cancellationToken).ConfigureAwait(false);
            mapped.Add(new V1EnvVar { Name = name, Value = text });
        }

        // Kubernetes expands $(NAME) only from variables defined earlier in the list, so the secret ones go first.
        return [.. _secretVariables, .. mapped];
    }

    public async Task<IReadOnlyList<string>> MapArgumentsAsync(IEnumerable<object> arguments, CancellationToken cancellationToken)
    {
        var mapped = new List<string>();
        foreach (var argument in arguments)
        {
            mapped.Add(await RenderAsync("argument", argument, cancellationToken).ConfigureAwait(false));
        }

        return mapped;
    }

    /// <summary>The variables holding secret parameters referenced inside other values or arguments.</summary>
    public IReadOnlyList<V1EnvVar> SecretVariables => _secretVariables;

    private async Task<string> RenderAsync(string context, object? value, CancellationToken cancellationToken)
    {
        switch (value)
        {
            case null:
                return "";
            case string text:
                return Escape(text);
            case ParameterResource { Secret: true } secret:
                return $"$({SecretVariable(secret)})";
            case ParameterResource parameter:
                return Escape(await parameter.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? "");
            case EndpointReference endpoint:
                return Resolve(context, endpoint, EndpointProperty.Url);
            case EndpointReferenceExpression expression:
                return Resolve(context, expression.Endpoint, expression.Property);
            case ConnectionStringReference reference:
                return await RenderAsync(context, reference.Resource.ConnectionStringExpression, cancellationToken).ConfigureAwait(false);
            case IResourceWithConnectionString resource:
                return await RenderAsync(context, resource.ConnectionStringExpression, cancellationToken).ConfigureAwait(false);
            case ReferenceExpression { IsConditional: true }:
                problems.Add($"'{context}' of '{workloadName}' is a conditional expression, which the EKS publisher cannot evaluate; give it a plain value.");
                return "";
            case ReferenceExpression expression:
                var parts = new object[expression.ValueProviders.Count];
                for (var i = 0; i < parts.Length; i++)
                {
                    var part = await RenderAsync(context, expression.ValueProviders[i], cancellationToken).ConfigureAwait(false);
                    parts[i] = i < expression.StringFormats.Count && expression.StringFormats[i] == "uri" ? Uri.EscapeDataString(part) : part;
                }

                return string.Format(CultureInfo.InvariantCulture, expression.Format, parts);
            case IFormattable formattable:
                return formattable.ToString(null, CultureInfo.InvariantCulture);
            case bool flag:
                return flag ? "true" : "false";
            default:
                problems.Add($"'{context}' of '{workloadName}' is a {value.GetType().Name}, which the EKS publisher cannot map; use a string, parameter, endpoint reference or reference expression.");
                return "";
        }
    }

    private string Resolve(string context, EndpointReference endpoint, EndpointProperty property)
    {
        try
        {
            return services.Resolve(endpoint, property);
        }
        catch (InvalidOperationException ex)
        {
            problems.Add($"'{context}' of '{workloadName}': {ex.Message}");
            return "";
        }
    }

    private string SecretVariable(ParameterResource secret)
    {
        var builder = new StringBuilder("SECRET_");
        foreach (var c in secret.Name.ToUpperInvariant())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        var name = builder.ToString();
        if (_secretVariables.All(v => v.Name != name))
        {
            _secretVariables.Add(new V1EnvVar { Name = name, ValueFrom = SecretKey(secret) });
        }

        return name;
    }

    private V1EnvVarSource SecretKey(ParameterResource secret) =>
        new() { SecretKeyRef = new V1SecretKeySelector { Name = SecretName, Key = secret.Name } };

    // Kubernetes expands $(NAME) in values and arguments; a literal "$(" must be written "$$(".
    private static string Escape(string text) => text.Replace("$(", "$$(", StringComparison.Ordinal);
}
