using InventoryScanner.Core.Graph;
using InventoryScanner.Reporting;
using static InventoryScanner.Tests.Builders;

namespace InventoryScanner.Tests.Reporting;

public sealed class GraphLayoutTests
{
    [Fact]
    public void LargeEstate_ShouldPlaceEveryNodeWithoutOverlap()
    {
        var inventory = LargeEstate();

        var view = GraphLayout.Layout(inventory.Graph);

        Assert.Equal(inventory.Graph.Nodes.Count, view.Nodes.Count);
        Assert.Equal(inventory.Graph.Edges.Count, view.Edges.Count);
        Assert.True(view.Edges.Count >= 300, $"{view.Edges.Count} edges");
        for (var i = 0; i < view.Nodes.Count; i++)
        {
            var a = view.Nodes[i];
            Assert.InRange(a.X, 0, view.Width - a.Width);
            Assert.InRange(a.Y, 0, view.Height - a.Height);
            for (var j = i + 1; j < view.Nodes.Count; j++)
            {
                var b = view.Nodes[j];
                var apart = a.X + a.Width <= b.X || b.X + b.Width <= a.X || a.Y + a.Height <= b.Y || b.Y + b.Height <= a.Y;
                Assert.True(apart, $"{a.Label} overlaps {b.Label}");
            }
        }
    }

    [Fact]
    public void Calls_ShouldRunLeftToRight_AndEdgesShouldJoinTheirNodes()
    {
        var inventory = Inventory(
            [Component("Orders"), Component("Billing")],
            [
                Finding("Orders", Analyzers.FindingKinds.HttpClient, "https://payments.example/api"),
                Finding("Orders", Analyzers.FindingKinds.QueuePublish, "queue:billing", "RabbitMQ.Client"),
                Finding("Billing", Analyzers.FindingKinds.QueueConsume, "queue:billing", "RabbitMQ.Client"),
            ]);

        var view = GraphLayout.Layout(inventory.Graph);

        var nodes = view.Nodes.ToDictionary(n => n.Id);
        foreach (var edge in view.Edges)
        {
            var from = nodes[edge.From];
            var to = nodes[edge.To];
            Assert.True(from.X + from.Width <= to.X, $"{edge.From} is not left of {edge.To}");
            var points = edge.Path.Split([' ', 'M', 'C', 'L'], StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray())
                .ToList();
            Assert.True(Near(from, points[0]), $"{edge.From} → {edge.To} starts at {string.Join(",", points[0])}");
            Assert.True(Near(to, points[^1]), $"{edge.From} → {edge.To} ends at {string.Join(",", points[^1])}");
        }

        Assert.Equal(InventoryGraph.ComponentNode, view.Nodes[0].Type);
    }

    [Fact]
    public void EmptyGraph_ShouldGiveAnEmptyDrawing()
    {
        var view = GraphLayout.Layout(Inventory([], []).Graph);

        Assert.Empty(view.Nodes);
        Assert.Empty(view.Edges);
    }

    /// <summary>A point on or just outside a node's box (MSAGL ends an edge where its arrowhead starts).</summary>
    private static bool Near(NodeView node, double[] point) =>
        point[0] >= node.X - 12 && point[0] <= node.X + node.Width + 12 && point[1] >= node.Y - 12 && point[1] <= node.Y + node.Height + 12;
}
