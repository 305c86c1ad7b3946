using System.Text.Json;
using InventoryScanner.Analyzers;
using InventoryScanner.Core.Graph;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Reporting;

/// <summary>
/// What the report's graph panel shows when a node is clicked — each node's edges and the findings behind them — as
/// one JSON document for a <c>&lt;script type="application/json"&gt;</c> island. The default encoder escapes
/// <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quotes, so no scanned string can close the element or start markup.
/// </summary>
public static class GraphPanelData
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Json(Inventory inventory)
    {
        var findings = inventory.Findings
            .Where(f => f.Kind != FindingKinds.Secret && f.Fingerprint.Length > 0)
            .GroupBy(f => f.Fingerprint, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var labels = inventory.Graph.Nodes.ToDictionary(n => n.Id, n => n.Label, StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);

        var nodes = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var node in inventory.Graph.Nodes)
        {
            var edges = inventory.Graph.Edges
                .Where(e => e.From == node.Id || e.To == node.Id)
                .Select(e =>
                {
                    var outgoing = e.From == node.Id;
                    var other = outgoing ? e.To : e.From;
                    var known = e.Findings.Where(findings.ContainsKey).ToList();
                    used.UnionWith(known);
                    return new
                    {
                        direction = outgoing ? "out" : "in",
                        kind = e.Kind,
                        other = GraphLayout.Anchor(other),
                        otherLabel = labels.GetValueOrDefault(other, other),
                        findings = known,
                    };
                })
                .OrderBy(e => e.direction, StringComparer.Ordinal).ThenBy(e => e.otherLabel, StringComparer.Ordinal)
                .ToList();
            nodes[GraphLayout.Anchor(node.Id)] = new
            {
                id = node.Id,
                label = node.Label,
                type = node.Type,
                fanIn = node.FanIn,
                fanOut = node.FanOut,
                section = node.Type == InventoryGraph.ComponentNode ? GraphLayout.Anchor(node.Id) : null,
                edges,
            };
        }

        var details = used
            .Order(StringComparer.Ordinal)
            .ToDictionary(
                fingerprint => fingerprint,
                fingerprint =>
                {
                    var f = findings[fingerprint];
                    return new
                    {
                        kind = f.Kind,
                        component = f.Component,
                        target = f.Target,
                        library = f.Library,
                        where = $"{f.Path}:{f.Line}:{f.Column}",
                        confidence = f.Confidence,
                        evidence = f.Evidence,
                    };
                },
                StringComparer.Ordinal);
        return JsonSerializer.Serialize(new { nodes, findings = details }, Options);
    }
}
