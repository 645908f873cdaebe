namespace KonnectAspire.Konnect.Kubernetes;

/// <summary>
/// Names shared by the published manifests (Hosting) and the Provisioner, which creates the Secrets and ConfigMaps
/// the manifests refer to. Changing one here changes both sides.
/// </summary>
public static class KonnectKubernetesNames
{
    /// <summary>Secret holding the Konnect token for the Kong Operator (key <see cref="TokenKey"/>, labelled <see cref="CredentialLabel"/>).</summary>
    public const string TokenSecret = "konnect-api-token";

    /// <summary>The key of the token in <see cref="TokenSecret"/>.</summary>
    public const string TokenKey = "token";

    /// <summary>The label the Kong Operator requires on the token Secret, with value <see cref="CredentialLabelValue"/>.</summary>
    public const string CredentialLabel = "konghq.com/credential";

    /// <summary>konnect</summary>
    public const string CredentialLabelValue = "konnect";

    /// <summary>A kubernetes.io/tls Secret with the data-plane client certificate pinned in Konnect (tls.crt, tls.key).</summary>
    public const string ClusterCertificateSecret = "kong-cluster-cert";

    /// <summary>Where data-plane pods mount <see cref="ClusterCertificateSecret"/>.</summary>
    public const string ClusterCertificateMountPath = "/etc/secrets/kong-cluster-cert";

    /// <summary>
    /// A ConfigMap of the Konnect endpoints for plain data planes, used with envFrom: KONG_CLUSTER_CONTROL_PLANE,
    /// KONG_CLUSTER_SERVER_NAME, KONG_CLUSTER_TELEMETRY_ENDPOINT, KONG_CLUSTER_TELEMETRY_SERVER_NAME.
    /// </summary>
    public const string EndpointsConfigMap = "konnect-endpoints";

    /// <summary>
    /// Secret holding the AI gateway's credentials, one key per Kong vault reference the published plugin configs
    /// make (<c>{vault://env/ai-llm-auth}</c> reads key <c>ai-llm-auth</c>): an LLM route's full API key header value
    /// (<c>Bearer sk-...</c>, or the bare key for Anthropic) and a Redis vector database's password.
    /// </summary>
    public const string AiCredentialsSecret = "kong-ai-credentials";

    /// <summary>
    /// Secret holding the browser token of the Aspire dashboard published as the cluster's trace receiver (key
    /// <see cref="DashboardBrowserTokenKey"/>); the Provisioner makes it with a random token when the cluster has none.
    /// </summary>
    public const string DashboardSecret = "aspire-dashboard";

    /// <summary>The key of the browser token in <see cref="DashboardSecret"/>.</summary>
    public const string DashboardBrowserTokenKey = "browser-token";

    /// <summary>The field manager of the Provisioner's server-side apply.</summary>
    public const string FieldManager = "konnectaspire-provisioner";
}
