using System.Globalization;
using InventoryScanner.Core.Graph;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Reporting;

public sealed record NodeView(string Id, string Anchor, string Label, string Type, double X, double Y, double Width, double Height, int FanIn, int FanOut);

public sealed record EdgeView(string From, string To, string Kind, string Path, int Count, string FirstFinding);

public sealed record GraphView(double Width, double Height, IReadOnlyList<NodeView> Nodes, IReadOnlyList<EdgeView> Edges, string Mermaid);

/// <summary>
/// A layered drawing of the dependency graph, computed here so the HTML report is one offline file with an inline
/// SVG (no script, no CDN): components on the left, channels in the middle, external systems on the right.
/// </summary>
public static class GraphLayout
{
    private const double NodeWidth = 250;
    private const double NodeHeight = 34;
    private const double RowGap = 18;
    private const double ColumnGap = 150;
    private const double Margin = 16;

    public static GraphView Layout(GraphModel graph)
    {
        var columns = new[] { InventoryGraph.ComponentNode, InventoryGraph.ChannelNode, InventoryGraph.ExternalNode };
        var nodes = new List<NodeView>();
        var positions = new Dictionary<string, NodeView>(StringComparer.Ordinal);
        var rows = new Dictionary<string, double>(StringComparer.Ordinal);
        var height = 0.0;
        for (var column = 0; column < columns.Length; column++)
        {
            var row = 0;
            foreach (var node in Ordered(graph, columns[column], rows))
            {
                rows[node.Id] = row;
                var view = new NodeView(
                    node.Id,
                    Anchor(node.Id),
                    node.Label,
                    node.Type,
                    Margin + (column * (NodeWidth + ColumnGap)),
                    Margin + (row * (NodeHeight + RowGap)),
                    NodeWidth,
                    NodeHeight,
                    node.FanIn,
                    node.FanOut);
                nodes.Add(view);
                positions[node.Id] = view;
                height = Math.Max(height, view.Y + NodeHeight + Margin);
                row++;
            }
        }

        var edges = graph.Edges
            .Where(e => positions.ContainsKey(e.From) && positions.ContainsKey(e.To))
            .Select(e => new EdgeView(e.From, e.To, e.Kind, Curve(positions[e.From], positions[e.To]), e.Findings.Count, e.Findings.FirstOrDefault() ?? ""))
            .ToList();
        var width = (2 * Margin) + (columns.Length * NodeWidth) + ((columns.Length - 1) * ColumnGap);
        return new GraphView(width, Math.Max(height, 2 * Margin), nodes, edges, Mermaid(graph));
    }

    /// <summary>
    /// Components in name order; every other column by the mean row of the nodes already placed that it connects to
    /// (the barycenter heuristic), which keeps most edges short and uncrossed.
    /// </summary>
    private static IEnumerable<GraphNodeModel> Ordered(GraphModel graph, string type, Dictionary<string, double> rows)
    {
        var column = graph.Nodes.Where(n => n.Type == type);
        if (type == InventoryGraph.ComponentNode)
        {
            return column.OrderBy(n => n.Label, StringComparer.Ordinal);
        }

        return column
            .Select(node =>
            {
                var neighbours = graph.Edges
                    .Select(e => e.From == node.Id ? e.To : e.To == node.Id ? e.From : null)
                    .OfType<string>()
                    .Where(rows.ContainsKey)
                    .Select(id => rows[id])
                    .ToList();
                return (node, rank: neighbours.Count == 0 ? double.MaxValue : neighbours.Average());
            })
            .OrderBy(pair => pair.rank)
            .ThenBy(pair => pair.node.Label, StringComparer.Ordinal)
            .Select(pair => pair.node);
    }

    /// <summary>An HTML id for a node: letters, digits and dashes only.</summary>
    public static string Anchor(string id) =>
        "n-" + new string(id.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());

    private static string Curve(NodeView from, NodeView to)
    {
        if (from.X == to.X)
        {
            // Within one column (an exchange bound to a queue): an arc outside the column, right side to right side.
            var x = from.X + from.Width;
            var top = from.Y + (from.Height / 2);
            var bottom = to.Y + (to.Height / 2);
            var reach = 40 + (Math.Abs(bottom - top) / 4);
            return string.Create(CultureInfo.InvariantCulture, $"M{x:0.#},{top:0.#} C{x + reach:0.#},{top:0.#} {x + reach:0.#},{bottom:0.#} {x:0.#},{bottom:0.#}");
        }

        // Left to right when the target is further right; otherwise (a channel back to a consumer) right to left.
        var forward = to.X >= from.X;
        var x1 = forward ? from.X + from.Width : from.X;
        var x2 = forward ? to.X : to.X + to.Width;
        var y1 = from.Y + (from.Height / 2);
        var y2 = to.Y + (to.Height / 2);
        var bend = (x2 - x1) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"M{x1:0.#},{y1:0.#} C{x1 + bend:0.#},{y1:0.#} {x2 - bend:0.#},{y2:0.#} {x2:0.#},{y2:0.#}");
    }

    /// <summary>The same graph as a Mermaid flowchart, for report.md (GitHub and most viewers draw it).</summary>
    private static string Mermaid(GraphModel graph)
    {
        var ids = graph.Nodes.Select((node, index) => (node.Id, Short: "n" + index.ToString(CultureInfo.InvariantCulture))).ToDictionary(p => p.Id, p => p.Short, StringComparer.Ordinal);
        var lines = new List<string> { "flowchart LR" };
        foreach (var node in graph.Nodes)
        {
            var label = MermaidText(node.Label);
            lines.Add(node.Type switch
            {
                InventoryGraph.ComponentNode => $"  {ids[node.Id]}[\"{label}\"]",
                InventoryGraph.ChannelNode => $"  {ids[node.Id]}[(\"{label}\")]",
                _ => $"  {ids[node.Id]}([\"{label}\"])",
            });
        }

        foreach (var edge in graph.Edges)
        {
            lines.Add($"  {ids[edge.From]} -->|{MermaidText(edge.Kind)} ×{edge.Findings.Count}| {ids[edge.To]}");
        }

        return string.Join('\n', lines);
    }

    private static string MermaidText(string text) =>
        text.Replace("\"", "#quot;", StringComparison.Ordinal).Replace("|", "#124;", StringComparison.Ordinal)
            .Replace("<", "#lt;", StringComparison.Ordinal).Replace(">", "#gt;", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
}
