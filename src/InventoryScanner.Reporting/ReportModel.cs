using InventoryScanner.Analyzers;
using InventoryScanner.Core.Graph;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Reporting;

public sealed record Count(string Name, int Value);

public sealed record ComponentView(
    Component Component,
    string Anchor,
    int IntegrationPoints,
    IReadOnlyList<Finding> Integrations,
    IReadOnlyList<Finding> Secrets,
    IReadOnlyList<Finding> AntiPatterns,
    int FanOut,
    int FanIn,
    IReadOnlyList<Count> Kinds);

public sealed record Summary(
    int Components,
    int Findings,
    int Integrations,
    int Secrets,
    int AntiPatterns,
    int LowConfidence,
    int Unresolved,
    int Excluded,
    IReadOnlyList<Count> ByKind,
    IReadOnlyList<Count> ByAnalysis);

/// <summary>What the templates see: the inventory plus the views a report needs (counts, per-component groups, layout).</summary>
public sealed record ReportModel(
    Inventory Inventory,
    Summary Summary,
    IReadOnlyList<ComponentView> Components,
    IReadOnlyList<Finding> Secrets,
    GraphView Graph,
    IReadOnlyList<Finding> Integrations,
    string GraphData)
{
    /// <summary>The recorded scans' chart (<c>--history</c>); null without a history.</summary>
    public TrendView? Trend => Inventory.History is { Count: > 0 } history ? TrendView.Of(history) : null;

    /// <summary>Secrets of test projects (--include-tests): listed apart, not counted as production secrets.</summary>
    public IReadOnlyList<Finding> TestSecrets => Inventory.Findings.Where(f => f.Kind == FindingKinds.Secret && f.IsTestOnly).ToList();

    public static ReportModel Create(Inventory inventory)
    {
        var findings = inventory.Findings;
        var nodes = inventory.Graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var components = inventory.Components
            .Select(component =>
            {
                var own = findings.Where(f => f.Component == component.Name).ToList();
                nodes.TryGetValue("component:" + component.Name, out var node);
                return new ComponentView(
                    component,
                    GraphLayout.Anchor("component:" + component.Name),
                    own.Count(IntegrationKinds.IsIntegrationPoint),
                    own.Where(f => f.Kind is not (FindingKinds.Secret or FindingKinds.AntiPattern)).ToList(),
                    own.Where(f => f.Kind == FindingKinds.Secret).ToList(),
                    own.Where(f => f.Kind == FindingKinds.AntiPattern).ToList(),
                    node?.FanOut ?? 0,
                    node?.FanIn ?? 0,
                    own.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Count(g.Key, g.Count())).ToList());
            })
            .ToList();

        var summary = new Summary(
            inventory.Components.Count,
            findings.Count,
            findings.Count(IntegrationKinds.IsIntegrationPoint),
            findings.Count(f => f.Kind == FindingKinds.Secret && !f.IsTestOnly),
            findings.Count(f => f.Kind == FindingKinds.AntiPattern),
            findings.Count(f => f.Confidence == Confidence.Low),
            findings.Count(f => IntegrationKinds.IsIntegrationPoint(f) && f.Target.Contains(TargetSources.Unresolved, StringComparison.Ordinal)),
            inventory.Excluded.Count,
            findings.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Count(g.Key, g.Count())).ToList(),
            new[] { AnalysisLevel.Semantic, AnalysisLevel.Partial, AnalysisLevel.Syntax, AnalysisLevel.Files, AnalysisLevel.Failed }
                .Select(level => new Count(level, inventory.Components.Count(c => c.Analysis == level)))
                .ToList());

        var integrations = findings
            .Where(IntegrationKinds.IsIntegrationPoint)
            .OrderBy(f => f.Component, StringComparer.Ordinal).ThenBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line)
            .ToList();
        return new ReportModel(
            inventory,
            summary,
            components,
            findings.Where(f => f.Kind == FindingKinds.Secret && !f.IsTestOnly).ToList(),
            GraphLayout.Layout(inventory.Graph),
            integrations,
            GraphPanelData.Json(inventory));
    }

    /// <summary>A call, a channel end, a data-store connection or a gateway route (<see cref="IntegrationKinds"/>), by kind alone.</summary>
    public static bool IsIntegrationPoint(string kind) => IntegrationKinds.IsIntegrationPoint(kind);
}
