using InventoryScanner.Analyzers;
using InventoryScanner.Core.Graph;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Assessment;

/// <summary>
/// The API gateways of an estate: components that host one (INV1010 Ocelot or YARP, or that have routes, INV1011),
/// external systems at a managed gateway's address (Azure API Management, AWS API Gateway, Apigee), and the services a
/// compose file runs from a gateway's image (Envoy, Traefik, Kong, nginx…), called by their service name. A call to a gateway
/// is mediated, not point-to-point: the style, the sprawl index and the shared-target remediation count it so.
/// </summary>
public sealed class Gateways
{
    private readonly HashSet<string> _nodes;

    private Gateways(HashSet<string> nodes) => _nodes = nodes;

    public static Gateways Of(GraphModel graph, IReadOnlyList<Finding> findings)
    {
        // A gateway in code (Ocelot, YARP) makes its component the gateway; one a compose file runs (Envoy, Traefik, nginx)
        // is the service of that name, which callers reach as an external host.
        var gateways = findings.Where(f => f.Kind is FindingKinds.Gateway or FindingKinds.GatewayRoute).ToList();
        var services = gateways
            .Select(f => f.Details?.GetValueOrDefault(FindingProperties.Resource))
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var nodes = gateways
            .Where(f => f.Details?.GetValueOrDefault(FindingProperties.Resource) is null)
            .Select(f => "component:" + f.Component)
            .ToHashSet(StringComparer.Ordinal);
        // A YARP resource the AppHost runs (AddYarp) is a node of its own: external:aspire:mobile-bff.
        foreach (var node in graph.Nodes.Where(n => n.Type == InventoryGraph.ExternalNode
            && (IsManagedGateway(n.Label) || services.Contains(HostOf(n.Label)) || (n.Id.StartsWith(AspirePrefix, StringComparison.Ordinal) && services.Contains(n.Id[AspirePrefix.Length..])))))
        {
            nodes.Add(node.Id);
        }

        return new Gateways(nodes);
    }

    private const string AspirePrefix = "external:aspire:";

    public bool Contains(string nodeId) => _nodes.Contains(nodeId);

    public bool IsGatewayComponent(string component) => _nodes.Contains("component:" + component);

    /// <summary>Whether an edge is a call that reaches a gateway.</summary>
    public bool IsCallToGateway(GraphEdgeModel edge) => Sprawl.DirectKinds.Contains(edge.Kind) && _nodes.Contains(edge.To);

    private static string HostOf(string origin) => Uri.TryCreate(origin, UriKind.Absolute, out var uri) ? uri.Host : origin;

    /// <summary>The analyzers' list of managed gateways (<see cref="Analyzers.Http.ManagedGateways"/>).</summary>
    public static bool IsManagedGateway(string origin) => Analyzers.Http.ManagedGateways.IsGateway(origin);
}
