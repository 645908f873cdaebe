namespace KonnectAspire.TestSupport.Kubernetes;

/// <summary>Writes a kubeconfig with one cluster, user (bearer token) and context, as `aws eks update-kubeconfig` would.</summary>
public static class KubeconfigFile
{
    public static string Write(string directory, string name, string server, string @namespace, string token)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"kubeconfig-{name}");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {name}
              cluster:
                server: {server}
                insecure-skip-tls-verify: true
            users:
            - name: {name}
              user:
                token: {token}
            contexts:
            - name: {name}
              context:
                cluster: {name}
                user: {name}
                namespace: {@namespace}
            current-context: {name}
            """);
        return path;
    }
}
