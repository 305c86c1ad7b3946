using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Graph;

/// <summary>
/// A graph model's nodes by id and edges by end, made once, so what is asked per component (its edges, its channels,
/// its stores) costs its own edges, not the estate's: the assessment of 5,000 components stays linear.
/// </summary>
public sealed class GraphIndex
{
    private static readonly IReadOnlyList<GraphEdgeModel> None = [];

    private readonly Dictionary<string, GraphNodeModel> _nodes;
    private readonly Dictionary<string, List<GraphEdgeModel>> _from;
    private readonly Dictionary<string, List<GraphEdgeModel>> _to;

    public GraphIndex(GraphModel graph)
    {
        _nodes = graph.Nodes.GroupBy(n => n.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _from = graph.Edges.GroupBy(e => e.From, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _to = graph.Edges.GroupBy(e => e.To, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    public GraphNodeModel? Node(string id) => _nodes.GetValueOrDefault(id);

    /// <summary>The edges that leave a node.</summary>
    public IReadOnlyList<GraphEdgeModel> From(string id) => _from.TryGetValue(id, out var edges) ? edges : None;

    /// <summary>The edges that reach a node.</summary>
    public IReadOnlyList<GraphEdgeModel> To(string id) => _to.TryGetValue(id, out var edges) ? edges : None;

    /// <summary>The type of the node an id names; null when the graph has no such node.</summary>
    public string? TypeOf(string id) => _nodes.TryGetValue(id, out var node) ? node.Type : null;
}
