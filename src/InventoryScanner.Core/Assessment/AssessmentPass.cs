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
        var components = draft.Scan.Components
            // A component that could not be analysed has no facts, and (repository files) is no service of the estate.
            .Where(c => c.Analysis is not (AnalysisLevel.Failed or AnalysisLevel.Files))
            .Select(c => new ComponentFacts(c.Name, draft.Findings, draft.Messaging))
            .ToList();
        var maturity = components
            .Select(facts =>
            {
                var verdicts = MaturityCriteria.All.Select(c => c.Evaluate(facts)).ToList();
                var level = MaturityCriteria.LevelOf(verdicts);
                return new ComponentMaturity(facts.Component, level, MaturityCriteria.LevelNames[level], facts.IntegrationPoints, verdicts);
            })
            .ToList();
        var settings = draft.Scan.AssessmentSettings;
        var priorities = Priorities.Of(maturity, draft.Findings, graph, settings);
        draft.Assessment = new AssessmentModel(
            new MaturityModel(Estate(maturity, graph), Distribution(maturity), maturity),
            Styles(components, graph),
            Sprawl.Of(components, graph, draft.Findings))
        {
            Priorities = priorities,
            Effort = Priorities.Effort(priorities, graph, settings),
            Roi = Priorities.Roi(priorities, settings),
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
        var shared = components.Where(c =>
            graph.Nodes.FirstOrDefault(n => n.Id == "component:" + c.Component) is { } node && (node.FanIn >= 2 || inCycles.Contains(node.Id)));
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
        Enumerable.Range(1, 5).ToDictionary(level => MaturityCriteria.LevelNames[level], level => components.Count(c => c.Level == level));

    /// <summary>
    /// Point-to-point when a component's direct calls (HTTP, gRPC, SOAP, SignalR edges) outnumber its edges to channels,
    /// broker-mediated when its channel edges do (or equal them), none without either; the estate takes the style of the
    /// majority of all such edges.
    /// </summary>
    public static StyleModel Styles(IReadOnlyList<ComponentFacts> components, GraphModel graph)
    {
        var styles = new List<ComponentStyle>();
        foreach (var facts in components)
        {
            var id = "component:" + facts.Component;
            var direct = graph.Edges.Where(e => e.From == id && Sprawl.DirectKinds.Contains(e.Kind)).ToList();
            var broker = graph.Edges.Where(e => (e.From == id && e.Kind == "publishes") || (e.To == id && e.Kind == "consumes")).ToList();
            var style = direct.Count == 0 && broker.Count == 0 ? "none" : broker.Count >= direct.Count ? "broker-mediated" : "point-to-point";
            styles.Add(new ComponentStyle(facts.Component, style, direct.Count, broker.Count, [.. (style == "broker-mediated" ? broker : direct).SelectMany(e => e.Findings).Distinct()]));
        }

        var directTotal = styles.Sum(s => s.DirectEdges);
        var brokerTotal = styles.Sum(s => s.BrokerEdges);
        var estate = directTotal == 0 && brokerTotal == 0 ? "none" : brokerTotal >= directTotal ? "broker-mediated" : "point-to-point";
        return new StyleModel(estate, $"{directTotal} direct edge(s), {brokerTotal} edge(s) through channels", styles);
    }
}
