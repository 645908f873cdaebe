using System.Globalization;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Kong.Kubernetes;

/// <summary>
/// Where every endpoint of the published workloads lives in the cluster: its container port (which the ClusterIP Service
/// exposes on the same number) and the Service's DNS name. Endpoint references in the model resolve through it.
/// </summary>
internal sealed class KubernetesServiceMap
{
    /// <summary>The port a project listens on when its endpoint has none (it gets it through HTTP_PORTS).</summary>
    public const int DefaultProjectPort = 8080;

    private readonly Dictionary<(IResource Resource, string Endpoint), (int Port, string Scheme)> _endpoints = [];
    private readonly Dictionary<IResource, List<WorkloadPort>> _ports = [];
    private readonly Dictionary<IResource, string> _serviceNames = [];
    private readonly string _namespace;

    public KubernetesServiceMap(IEnumerable<IResource> workloads, string @namespace, ICollection<string> problems)
    {
        _namespace = @namespace;
        foreach (var resource in workloads)
        {
            var ports = new List<WorkloadPort>();
            var endpoints = resource.Annotations.OfType<EndpointAnnotation>().ToList();
            var isProject = resource is ProjectResource;
            foreach (var endpoint in endpoints.OrderBy(e => e.UriScheme == "https" ? 1 : 0))
            {
                var port = endpoint.TargetPort ?? (isProject ? null : endpoint.Port);
                var scheme = endpoint.UriScheme;
                if (port is null && isProject)
                {
                    // Publish mode adds an https endpoint to projects; in the cluster TLS ends at the load balancer, so it
                    // shares the http port, as Aspire's own Kubernetes publisher does.
                    var http = endpoints.FirstOrDefault(e => e.UriScheme == "http" && e.TargetPort is null);
                    if (endpoint.UriScheme == "https" && http is not null && _endpoints.TryGetValue((resource, http.Name), out var shared))
                    {
                        _endpoints[(resource, endpoint.Name)] = shared;
                        continue;
                    }

                    port = DefaultProjectPort;
                }

                if (port is null)
                {
                    problems.Add($"Endpoint '{endpoint.Name}' of '{resource.Name}' has no target port, so its container port is unknown; give it one (WithEndpoint(targetPort: ...)).");
                    continue;
                }

                _endpoints[(resource, endpoint.Name)] = (port.Value, scheme);
                if (ports.All(p => p.Port != port.Value))
                {
                    ports.Add(new WorkloadPort(PortName(endpoint.Name), port.Value, endpoint.Protocol == ProtocolType.Udp ? "UDP" : "TCP"));
                }
            }

            _ports[resource] = ports;
        }
    }

    /// <summary>
    /// Maps the gateway endpoint of each data-plane group (<see cref="KongDataPlaneResource.ProxyEndpoint"/>) to the
    /// group's proxy Service, which serves HTTP on <see cref="DataPlanePodTemplate.ServiceHttpPort"/>.
    /// </summary>
    public void AddDataPlaneGroups(IEnumerable<KongDataPlaneResource> groups)
    {
        foreach (var group in groups)
        {
            _endpoints[(group, KongDataPlaneResource.ProxyEndpointName)] = (DataPlanePodTemplate.ServiceHttpPort, "http");
            _serviceNames[group] = PlainManifests.ProxyServiceName(KubernetesObjectName.From(group.Name));
        }
    }

    public IReadOnlyList<WorkloadPort> PortsOf(IResource resource) => _ports.TryGetValue(resource, out var ports) ? ports : [];

    public bool Contains(IResource resource) => _ports.ContainsKey(resource);

    /// <summary>The Service's DNS name, fully qualified so that Kong's own resolver finds it too.</summary>
    public string Host(IResource resource) =>
        $"{(_serviceNames.TryGetValue(resource, out var name) ? name : KubernetesObjectName.From(resource.Name))}.{_namespace}.svc.cluster.local";

    /// <summary>The container port of a named endpoint, if that endpoint is published.</summary>
    public int? PortOf(IResource resource, string endpointName) =>
        _endpoints.TryGetValue((resource, endpointName), out var mapped) ? mapped.Port : null;

    /// <summary>The in-cluster value of an endpoint property; throws <see cref="InvalidOperationException"/> naming the fix.</summary>
    public string Resolve(EndpointReference endpoint, EndpointProperty property)
    {
        if (!_endpoints.TryGetValue((endpoint.Resource, endpoint.EndpointName), out var mapped))
        {
            throw new InvalidOperationException(
                $"Endpoint '{endpoint.EndpointName}' of '{endpoint.Resource.Name}' is referenced, but that resource is not published to the EKS environment (it runs only locally, or has no such endpoint); reference a published project or container instead.");
        }

        var host = Host(endpoint.Resource);
        var port = mapped.Port.ToString(CultureInfo.InvariantCulture);
        return property switch
        {
            EndpointProperty.Url => $"{mapped.Scheme}://{host}:{port}",
            EndpointProperty.Host or EndpointProperty.IPV4Host => host,
            EndpointProperty.Port or EndpointProperty.TargetPort => port,
            EndpointProperty.HostAndPort => $"{host}:{port}",
            EndpointProperty.Scheme => mapped.Scheme,
            EndpointProperty.TlsEnabled => mapped.Scheme == "https" ? "true" : "false",
            _ => throw new InvalidOperationException($"Endpoint property {property} of '{endpoint.Resource.Name}' has no Kubernetes mapping."),
        };
    }

    /// <summary>How the data planes reach an upstream endpoint: the address of its Service.</summary>
    public Uri UpstreamAddress(EndpointReference endpoint) => new(Resolve(endpoint, EndpointProperty.Url));

    // A container port name is an IANA_SVC_NAME: at most 15 lower-case letters, digits and '-'.
    private static string PortName(string endpointName)
    {
        var name = KubernetesObjectName.From(endpointName);
        return name.Length <= 15 ? name : name[..15].TrimEnd('-');
    }
}
