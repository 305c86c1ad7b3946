using InventoryScanner.Analyzers;
using InventoryScanner.Core.Graph;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Assessment;

/// <summary>
/// The sprawl index: 100 × the weighted sum of six ratios, each 0 to 1, so it does not grow just because an estate is
/// large (the counts stand beside each ratio). Weights sum to 1.
/// <list type="bullet">
/// <item><c>point-to-point</c> (0.25): direct edges (HTTP, gRPC, SOAP, SignalR, not to an API gateway) among a component's edges to others (direct, to a gateway, through channels);</item>
/// <item><c>hard-coded</c> (0.20): hard-coded URLs (INV1003) among outbound calls;</item>
/// <item><c>duplicate-clients</c> (0.15): external origins called from two or more components among all origins called (gateways left out);</item>
/// <item><c>fan-out</c> (0.15): the mean fan-out of the components over 10, capped at 1 (a component that talks to ten systems is at the cap);</item>
/// <item><c>unknown-map</c> (0.15): unresolved targets and orphan channels among outbound calls and channels;</item>
/// <item><c>shared-stores</c> (0.10): data stores reached from two or more components (<see cref="GraphModel.SharedStores"/>) among the data stores reached.</item>
/// </list>
/// Bands: below 25 contained, below 50 emerging, below 75 sprawling, else tangled. A component's index uses the same
/// parts over its own edges and findings.
/// </summary>
public static class Sprawl
{
    public static readonly HashSet<string> DirectKinds = new(StringComparer.Ordinal) { "http", "grpc", "soap", "signalr", InventoryGraph.ForwardsKind };

    public const double PointToPointWeight = 0.25;
    public const double HardCodedWeight = 0.20;
    public const double DuplicateWeight = 0.15;
    public const double FanOutWeight = 0.15;
    public const double UnknownWeight = 0.15;
    public const double SharedStoreWeight = 0.10;
    public const int FanOutCap = 10;

    public static SprawlModel Of(IReadOnlyList<ComponentFacts> components, GraphModel graph, IReadOnlyList<Finding> findings, Gateways? gateways = null)
    {
        gateways ??= Gateways.Of(graph, findings);
        var throughGateways = graph.Edges.Where(gateways.IsCallToGateway).SelectMany(e => e.Findings).ToHashSet(StringComparer.Ordinal);
        var origins = OriginsByComponent(components, throughGateways);
        var shared = origins.SelectMany(p => p.Value.Select(o => (o, p.Key))).GroupBy(x => x.o).Where(g => g.Select(x => x.Key).Distinct().Count() >= 2).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var orphans = graph.Orphans;
        var graphIndex = new GraphIndex(graph);
        var orphansOf = orphans.SelectMany(o => o.Components.Select(c => (c, o))).GroupBy(x => x.c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(x => x.o).ToList(), StringComparer.Ordinal);
        var estate = Index(
            components.Select(c => "component:" + c.Component).ToHashSet(StringComparer.Ordinal),
            components,
            graph,
            origins.Values.SelectMany(o => o).ToHashSet(StringComparer.Ordinal),
            shared,
            orphans,
            gateways,
            graphIndex);
        var perComponent = components
            .Select(c => new ComponentSprawl(
                c.Component,
                Index(["component:" + c.Component], [c], graph, origins[c.Component], shared, orphansOf.GetValueOrDefault(c.Component) ?? [], gateways, graphIndex)))
            .ToList();
        return new SprawlModel(estate, perComponent);
    }

    /// <summary>The origins each component calls, leaving out calls to a gateway (a shared gateway is no duplicated client).</summary>
    private static Dictionary<string, HashSet<string>> OriginsByComponent(IReadOnlyList<ComponentFacts> components, HashSet<string> throughGateways) =>
        components.ToDictionary(
            c => c.Component,
            c => c.Calls.Where(f => !throughGateways.Contains(f.Fingerprint)).Select(f => InventoryGraph.Origin(f.Target)).OfType<string>().Where(o => !Gateways.IsManagedGateway(o)).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);

    private static SprawlIndex Index(
        HashSet<string> nodes,
        IReadOnlyList<ComponentFacts> components,
        GraphModel graph,
        HashSet<string> origins,
        HashSet<string> sharedOrigins,
        IReadOnlyList<OrphanChannel> orphans,
        Gateways gateways,
        GraphIndex graphIndex)
    {
        // Only the nodes' own edges are looked at (GraphIndex), in the graph's order.
        var from = InGraphOrder(nodes.SelectMany(graphIndex.From));
        var to = InGraphOrder(nodes.SelectMany(graphIndex.To));
        var outbound = from.Where(e => DirectKinds.Contains(e.Kind)).ToList();
        var viaGateway = outbound.Where(gateways.IsCallToGateway).ToList();
        var direct = outbound.Except(viaGateway).ToList();
        var brokered = InGraphOrder(from.Where(e => e.Kind == "publishes").Concat(to.Where(e => e.Kind == "consumes")));
        var calls = components.SelectMany(c => c.Calls).ToList();
        var hardCoded = components.SelectMany(c => c.AntiPatternsOf(RuleIdentifiers.HardcodedUrl)).ToList();
        var duplicated = origins.Where(sharedOrigins.Contains).ToList();
        var fanOut = nodes.Select(graphIndex.Node).OfType<GraphNodeModel>().Sum(n => n.FanOut);
        var unresolved = calls.Where(c => c.Target == TargetSources.Unresolved || c.Target.Contains("{config:", StringComparison.Ordinal) || c.Target.Contains("{settings:", StringComparison.Ordinal)).ToList();
        var channels = from.Select(e => e.To).Concat(to.Select(e => e.From)).Where(id => graphIndex.TypeOf(id) == InventoryGraph.ChannelNode).Distinct(StringComparer.Ordinal).Count();
        var stores = from.Where(e => graphIndex.TypeOf(e.To) == InventoryGraph.DataStoreNode).Select(e => e.To).ToHashSet(StringComparer.Ordinal);
        var shared = graph.SharedStores.Where(s => stores.Contains(s.Store)).ToList();
        var parts = new List<SprawlPart>
        {
            Part("point-to-point", direct.Count, direct.Count + viaGateway.Count + brokered.Count, PointToPointWeight, direct.SelectMany(e => e.Findings)),
            Part("hard-coded", hardCoded.Count, calls.Count, HardCodedWeight, hardCoded.Select(f => f.Fingerprint)),
            Part("duplicate-clients", duplicated.Count, origins.Count, DuplicateWeight, calls.Where(c => InventoryGraph.Origin(c.Target) is { } o && sharedOrigins.Contains(o)).Select(c => c.Fingerprint)),
            Part("fan-out", fanOut, nodes.Count * FanOutCap, FanOutWeight, []),
            Part("unknown-map", unresolved.Count + orphans.Count, calls.Count + channels, UnknownWeight, unresolved.Select(f => f.Fingerprint).Concat(orphans.SelectMany(o => o.Findings))),
            Part("shared-stores", shared.Count, stores.Count, SharedStoreWeight, shared.SelectMany(s => s.Findings)),
        };
        // From the exact ratios: the rounded contributions shown beside them may not add up to it by a point.
        var index = (int)Math.Round(parts.Sum(p => 100 * p.Weight * Ratio(p.Numerator, p.Denominator)), MidpointRounding.AwayFromZero);
        return new SprawlIndex(index, Band(index), parts);
    }

    /// <summary>Edges in the graph model's own order (by source, then target), whatever order they were gathered in.</summary>
    internal static List<GraphEdgeModel> InGraphOrder(IEnumerable<GraphEdgeModel> edges) =>
        [.. edges.Distinct().OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal)];

    private static SprawlPart Part(string name, int numerator, int denominator, double weight, IEnumerable<string> findings)
    {
        var value = Ratio(numerator, denominator);
        return new SprawlPart(name, Math.Round(value, 3), weight, Math.Round(100 * weight * value, 2), numerator, denominator, [.. findings.Distinct()]);
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : Math.Min(1.0, (double)numerator / denominator);

    public static string Band(int index) => index switch
    {
        < 25 => "contained",
        < 50 => "emerging",
        < 75 => "sprawling",
        _ => "tangled",
    };
}
