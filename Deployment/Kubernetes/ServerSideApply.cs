using System.Net;
using System.Text.Json.Nodes;

namespace KonnectAspire.Deployment.Kubernetes;

/// <summary>Applies one planned object (or dry-runs it) and words a refusal for the user, with secrets blanked out.</summary>
public static class ServerSideApply
{
    public static async Task<JsonObject> ApplyAsync(KubernetesApi api, PlannedObject item, bool dryRun, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        var document = item.Document;
        try
        {
            return await api.ApplyAsync(item.Resource, document.Namespace, document.Name, document.Body, dryRun, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw DeploymentException.Precondition(
                $"The cluster does not let this identity apply {document.Display} ({(int)e.StatusCode}: {redactor.Redact(e.Message)}). Grant it access (EKS access entry or RoleBinding) and run again.", e);
        }
        catch (KubernetesApiException e) when (!dryRun || e.StatusCode != HttpStatusCode.NotFound)
        {
            var fix = e.StatusCode == HttpStatusCode.Conflict
                ? "Another field manager owns these fields; deploy applies with force, so run again."
                : "Fix it in the app model, publish again and rerun deploy: what was applied before it stays and the rerun converges.";
            throw new DeploymentException(
                DeploymentFailure.ApplyRejected,
                $"The API server rejected {document.Display} from {document.Source} ({(int)e.StatusCode} {e.Reason}): {redactor.Redact(e.Message)}\n{fix}",
                e);
        }
    }
}
