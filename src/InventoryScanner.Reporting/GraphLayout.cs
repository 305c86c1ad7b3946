using System.Globalization;
using System.Text;
using InventoryScanner.Core.Graph;
using InventoryScanner.Core.Model;
using Microsoft.Msagl.Core.Geometry;
using Microsoft.Msagl.Core.Geometry.Curves;
using Microsoft.Msagl.Core.Layout;
using Microsoft.Msagl.Core.Routing;
using Microsoft.Msagl.Layout.Layered;
using Microsoft.Msagl.Miscellaneous;

namespace InventoryScanner.Reporting;

public sealed record NodeView(string Id, string Anchor, string Label, string Type, double X, double Y, double Width, double Height, int FanIn, int FanOut);

public sealed record EdgeView(string From, string To, string Kind, string Path, int Count, string FirstFinding);

public sealed record GraphView(double Width, double Height, IReadOnlyList<NodeView> Nodes, IReadOnlyList<EdgeView> Edges, string Mermaid);

/// <summary>
/// The drawing of the dependency graph, laid out here by MSAGL's layered (Sugiyama) layout, left to right, so the HTML
/// report is one offline file with an inline SVG: callers to the left of what they call, channels between their
/// publishers and consumers, edges routed as splines around the nodes.
/// </summary>
public static class GraphLayout
{
    /// <summary>Labels are cut to this many characters in a box; the full name is the node's tooltip and panel title.</summary>
    public const int LabelLength = 38;

    private const double NodeHeight = 30;
    private const double CharacterWidth = 7.2; // 12px system-ui, measured on the sample's labels in Chromium
    private const double Padding = 20;
    private const double Margin = 16;

    /// <summary>
    /// Past this many edges, splines cost seconds and help little (the drawing is a hairball either way): edges are
    /// straight lines between the layered nodes.
    /// </summary>
    private const int SplineEdgeLimit = 1500;

    public static GraphView Layout(GraphModel graph)
    {
        var geometry = new GeometryGraph();
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            var width = Math.Ceiling(Padding + (CharacterWidth * Math.Min(node.Label.Length, LabelLength)));
            var shape = node.Type == InventoryGraph.ChannelNode
                ? CurveFactory.CreateRectangleWithRoundedCorners(width, NodeHeight, NodeHeight / 2, NodeHeight / 2, new Point())
                : CurveFactory.CreateRectangleWithRoundedCorners(width, NodeHeight, 5, 5, new Point());
            var layoutNode = new Node(shape, node.Id);
            nodes[node.Id] = layoutNode;
            geometry.Nodes.Add(layoutNode);
        }

        var edges = graph.Edges
            .Where(e => nodes.ContainsKey(e.From) && nodes.ContainsKey(e.To) && e.From != e.To)
            .OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ThenBy(e => e.Kind, StringComparer.Ordinal)
            .Select(e => (Model: e, Geometry: new Edge(nodes[e.From], nodes[e.To]) { UserData = e }))
            .ToList();
        foreach (var (_, edge) in edges)
        {
            geometry.Edges.Add(edge);
        }

        if (geometry.Nodes.Count == 0)
        {
            return new GraphView(2 * Margin, 2 * Margin, [], [], Mermaid(graph));
        }

        var settings = new SugiyamaLayoutSettings
        {
            // Layers run top to bottom in MSAGL; a quarter turn makes them run left to right, as an integration map reads.
            Transformation = PlaneTransformation.Rotation(Math.PI / 2),
            LayerSeparation = 60,
            NodeSeparation = 14,
        };
        if (edges.Count > SplineEdgeLimit)
        {
            settings.EdgeRoutingSettings.EdgeRoutingMode = EdgeRoutingMode.StraightLine;
        }

        LayoutHelpers.CalculateLayout(geometry, settings, null);

        // MSAGL's y axis points up, SVG's down: flip about the top of the bounding box and move it to the margin.
        var box = geometry.BoundingBox;
        double X(double x) => Math.Round(x - box.Left + Margin, 1);
        double Y(double y) => Math.Round(box.Top - y + Margin, 1);

        var byId = graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var nodeViews = nodes
            .Select(pair =>
            {
                var model = byId[pair.Key];
                var bounds = pair.Value.BoundingBox;
                return new NodeView(model.Id, Anchor(model.Id), model.Label, model.Type, X(bounds.Left), Y(bounds.Top), Math.Round(bounds.Width, 1), Math.Round(bounds.Height, 1), model.FanIn, model.FanOut);
            })
            .OrderBy(n => n.Type == InventoryGraph.ComponentNode ? 0 : n.Type == InventoryGraph.ChannelNode ? 1 : 2)
            .ThenBy(n => n.Label, StringComparer.Ordinal)
            .ToList();
        var edgeViews = edges
            .Select(pair => new EdgeView(
                pair.Model.From,
                pair.Model.To,
                pair.Model.Kind,
                SvgPath(pair.Geometry.Curve, X, Y),
                pair.Model.Findings.Count,
                pair.Model.Findings.FirstOrDefault() ?? ""))
            .ToList();
        return new GraphView(Math.Ceiling(box.Width + (2 * Margin)), Math.Ceiling(box.Height + (2 * Margin)), nodeViews, edgeViews, Mermaid(graph));
    }

    /// <summary>An HTML id for a node: letters, digits and dashes only.</summary>
    public static string Anchor(string id) =>
        "n-" + new string(id.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());

    /// <summary>
    /// An SVG path for an MSAGL curve: lines and cubic Béziers as they are; elliptic arcs (the rounded corners of a
    /// routed edge) as short line runs, which at these radii is indistinguishable from the arc.
    /// </summary>
    private static string SvgPath(ICurve? curve, Func<double, double> x, Func<double, double> y)
    {
        if (curve is null)
        {
            return "";
        }

        var path = new StringBuilder();
        string P(Point p) => string.Create(CultureInfo.InvariantCulture, $"{x(p.X):0.#},{y(p.Y):0.#}");
        path.Append('M').Append(P(curve.Start));
        var segments = curve is Curve compound ? compound.Segments : [curve];
        foreach (var segment in segments)
        {
            switch (segment)
            {
                case CubicBezierSegment bezier:
                    path.Append(" C").Append(P(bezier.B(1))).Append(' ').Append(P(bezier.B(2))).Append(' ').Append(P(bezier.B(3)));
                    break;
                case LineSegment line:
                    path.Append(" L").Append(P(line.End));
                    break;
                default:
                    const int steps = 6;
                    for (var step = 1; step <= steps; step++)
                    {
                        var parameter = segment.ParStart + ((segment.ParEnd - segment.ParStart) * step / steps);
                        path.Append(" L").Append(P(segment[parameter]));
                    }

                    break;
            }
        }

        return path.ToString();
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
                InventoryGraph.DataStoreNode => $"  {ids[node.Id]}[(\"{label}\")]",
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
