using InventoryScanner.Analyzers;
using InventoryScanner.Core.Graph;
using InventoryScanner.Core.Model;
using InventoryScanner.Core.Passes;

namespace InventoryScanner.Core.Assessment;

/// <summary>
/// The assessment (after the graph and messaging passes, which it reads): each component's maturity scorecard, the
/// estate's level, the integration style, and the sprawl index. Formulas: <c>docs/assessment.md</c>.
/// </summary>
public sealed class AssessmentPass : IInventoryPass
{
    /// <summary>The share of integration points whose components decide the estate's level.</summary>
    public const double DecidingShare = 0.8;

    public void Run(InventoryDraft draft)
    {
        var graph = draft.Graph ?? new GraphModel { Nodes = [], Edges = [], Cycles = [] };
        var components = ComponentFacts.For(
            draft.Scan.Components
                // A component that could not be analysed has no facts, and (repository files) is no service of the estate.
                .Where(c => c.Analysis is not (AnalysisLevel.Failed or AnalysisLevel.Files))
                .Select(c => c.Name),
            draft.Findings,
            draft.Messaging);
        var maturity = components
            .Select(facts =>
            {
                var verdicts = MaturityCriteria.All.Select(c => c.Evaluate(facts)).ToList();
                // Nothing to assess (no integration point, nothing failing): a domain or helper library is no more "managed"
                // than it is "initial", so it gets no level rather than the top of a ladder it never climbed.
                var level = facts.IntegrationPoints == 0 && verdicts.All(v => v.Verdict != Verdicts.Fail) ? 0 : MaturityCriteria.LevelOf(verdicts);
                return new ComponentMaturity(facts.Component, level, MaturityCriteria.LevelNames[level], facts.IntegrationPoints, verdicts);
            })
            .ToList();
        var settings = draft.Scan.AssessmentSettings;
        var gateways = Gateways.Of(graph, draft.Findings);
        var priorities = Priorities.Of(maturity, draft.Findings, graph, settings, gateways);
        draft.Assessment = new AssessmentModel(
            new MaturityModel(Estate(maturity, graph), Distribution(maturity), maturity),
            Styles(components, graph, gateways),
            Sprawl.Of(components, graph, draft.Findings, gateways))
        {
            Priorities = priorities,
            Effort = Priorities.Effort(priorities, graph, settings, gateways),
            Roi = Priorities.Roi(priorities, settings),
            Settings = settings,
        };
    }

    /// <summary>
    /// The lowest level among the components that hold the first 80% of the integration points (largest first) and the
    /// shared components (fan-in of 2 or more, or in a cycle): the estate is as mature as the parts most of it goes through.
    /// </summary>
    public static EstateLevel Estate(IReadOnlyList<ComponentMaturity> components, GraphModel graph)
    {
        var integrated = components.Where(c => c.IntegrationPoints > 0).OrderByDescending(c => c.IntegrationPoints).ThenBy(c => c.Component, StringComparer.Ordinal).ToList();
        if (integrated.Count == 0)
        {
            return new EstateLevel(0, "none", "no component has an integration point", []);
        }

        var total = integrated.Sum(c => c.IntegrationPoints);
        var deciding = new List<ComponentMaturity>();
        var covered = 0;
        foreach (var component in integrated)
        {
            if (covered >= DecidingShare * total)
            {
                break;
            }

            deciding.Add(component);
            covered += component.IntegrationPoints;
        }

        var inCycles = graph.Cycles.SelectMany(c => c).ToHashSet(StringComparer.Ordinal);
        var nodes = graph.Nodes.GroupBy(n => n.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var shared = components.Where(c =>
            nodes.GetValueOrDefault("component:" + c.Component) is { } node && (node.FanIn >= 2 || inCycles.Contains(node.Id)));
        var deciders = deciding.Concat(shared).DistinctBy(c => c.Component).ToList();
        var lowest = deciders.Min(c => c.Level);
        var at = deciders.Where(c => c.Level == lowest).Select(c => c.Component).Order(StringComparer.Ordinal).ToList();
        return new EstateLevel(
            lowest,
            MaturityCriteria.LevelNames[lowest],
            $"the lowest level among the {deciding.Count} component(s) that hold {covered} of {total} integration points and the shared components (fan-in ≥ 2 or in a cycle): {string.Join(", ", at)}",
            at);
    }

    private static IReadOnlyDictionary<string, int> Distribution(IReadOnlyList<ComponentMaturity> components) =>
        Enumerable.Range(0, 6).ToDictionary(level => MaturityCriteria.LevelNames[level], level => components.Count(c => c.Level == level));

    /// <summary>
    /// Per component, its edges to others in three kinds: direct calls (HTTP, gRPC, SOAP, SignalR) to anything but a
    /// gateway, calls to an API gateway, and edges to channels (publishes, consumes). Point-to-point when the direct calls
    /// outnumber the other two together; otherwise broker-mediated when channel edges are as many as gateway calls or more,
    /// else gateway-mediated; none without any. A component that hosts a gateway is <c>gateway</c>. The estate takes the
    /// same rule over the sums of the components that are not gateways.
    /// </summary>
    public static StyleModel Styles(IReadOnlyList<ComponentFacts> components, GraphModel graph, Gateways gateways)
    {
        var styles = new List<ComponentStyle>();
        var index = new GraphIndex(graph);
        foreach (var facts in components)
        {
            var id = "component:" + facts.Component;
            var calls = index.From(id).Where(e => Sprawl.DirectKinds.Contains(e.Kind)).ToList();
            var viaGateway = calls.Where(gateways.IsCallToGateway).ToList();
            var direct = calls.Except(viaGateway).ToList();
            var broker = Sprawl.InGraphOrder(index.From(id).Where(e => e.Kind == "publishes").Concat(index.To(id).Where(e => e.Kind == "consumes")));
            if (gateways.IsGatewayComponent(facts.Component))
            {
                var routes = index.From(id).Where(e => e.Kind == InventoryGraph.RoutesKind).ToList();
                styles.Add(new ComponentStyle(facts.Component, "gateway", direct.Count, broker.Count, [.. routes.SelectMany(e => e.Findings).Distinct()]) { GatewayEdges = viaGateway.Count });
                continue;
            }

            var style = StyleOf(direct.Count, viaGateway.Count, broker.Count);
            var deciding = style switch { "broker-mediated" => broker, "gateway-mediated" => viaGateway, _ => direct };
            styles.Add(new ComponentStyle(facts.Component, style, direct.Count, broker.Count, [.. deciding.SelectMany(e => e.Findings).Distinct()]) { GatewayEdges = viaGateway.Count });
        }

        var counted = styles.Where(s => s.Style != "gateway").ToList();
        var (directTotal, gatewayTotal, brokerTotal) = (counted.Sum(s => s.DirectEdges), counted.Sum(s => s.GatewayEdges), counted.Sum(s => s.BrokerEdges));
        var estate = StyleOf(directTotal, gatewayTotal, brokerTotal);
        var hosts = styles.Count(s => s.Style == "gateway");
        return new StyleModel(
            estate,
            $"{directTotal} direct edge(s), {gatewayTotal} through a gateway, {brokerTotal} through channels" + (hosts > 0 ? $"; {hosts} component(s) host a gateway" : string.Empty),
            styles);
    }

    private static string StyleOf(int direct, int viaGateway, int broker) =>
        direct == 0 && viaGateway == 0 && broker == 0 ? "none"
        : direct > viaGateway + broker ? "point-to-point"
        : broker >= viaGateway ? "broker-mediated"
        : "gateway-mediated";
}
