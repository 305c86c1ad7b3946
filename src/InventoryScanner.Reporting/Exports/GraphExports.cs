using System.Globalization;
using System.Text;
using System.Xml;
using InventoryScanner.Core.Graph;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Reporting.Exports;

/// <summary>
/// <c>graph.dot</c> (Graphviz): the dependency graph, components as boxes, external systems as ellipses, channels as
/// queues, data stores as cylinders, each edge labelled with its kind and the number of findings behind it.
/// </summary>
public sealed class DotWriter : IReportWriter
{
    public string FileName => "graph.dot";

    public string Render(Inventory inventory)
    {
        var text = new StringBuilder("digraph inventory {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n");
        foreach (var node in inventory.Graph.Nodes)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {Quote(node.Id)} [label={Quote(node.Label)}, shape={Shape(node.Type)}];\n");
        }

        foreach (var edge in inventory.Graph.Edges)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {Quote(edge.From)} -> {Quote(edge.To)} [label={Quote(edge.Kind + (edge.Findings.Count > 1 ? " ×" + edge.Findings.Count.ToString(CultureInfo.InvariantCulture) : string.Empty))}];\n");
        }

        return text.Append("}\n").ToString();
    }

    private static string Shape(string type) => type switch
    {
        InventoryGraph.ComponentNode => "box",
        InventoryGraph.ChannelNode => "cds",
        InventoryGraph.DataStoreNode => "cylinder",
        _ => "ellipse",
    };

    /// <summary>A DOT string: quoted, with its quotes and backslashes escaped and no line break.</summary>
    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) + "\"";
}

/// <summary>
/// <c>graph.graphml</c> (yEd, Gephi, any GraphML reader): nodes with their <c>label</c>, <c>type</c>, fan-in and fan-out;
/// edges with their <c>kind</c>, the number of findings and their fingerprints.
/// </summary>
public sealed class GraphMlWriter : IReportWriter
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    public string FileName => "graph.graphml";

    public string Render(Inventory inventory)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("graphml", Namespace);
            Key(writer, "label", "node", "label", "string");
            Key(writer, "type", "node", "type", "string");
            Key(writer, "fanIn", "node", "fanIn", "int");
            Key(writer, "fanOut", "node", "fanOut", "int");
            Key(writer, "kind", "edge", "kind", "string");
            Key(writer, "count", "edge", "findings", "int");
            Key(writer, "fingerprints", "edge", "fingerprints", "string");
            writer.WriteStartElement("graph", Namespace);
            writer.WriteAttributeString("id", "inventory");
            writer.WriteAttributeString("edgedefault", "directed");
            foreach (var node in inventory.Graph.Nodes)
            {
                writer.WriteStartElement("node", Namespace);
                writer.WriteAttributeString("id", node.Id);
                Data(writer, "label", node.Label);
                Data(writer, "type", node.Type);
                Data(writer, "fanIn", node.FanIn.ToString(CultureInfo.InvariantCulture));
                Data(writer, "fanOut", node.FanOut.ToString(CultureInfo.InvariantCulture));
                writer.WriteEndElement();
            }

            var index = 0;
            foreach (var edge in inventory.Graph.Edges)
            {
                writer.WriteStartElement("edge", Namespace);
                writer.WriteAttributeString("id", "e" + (index++).ToString(CultureInfo.InvariantCulture));
                writer.WriteAttributeString("source", edge.From);
                writer.WriteAttributeString("target", edge.To);
                Data(writer, "kind", edge.Kind);
                Data(writer, "count", edge.Findings.Count.ToString(CultureInfo.InvariantCulture));
                Data(writer, "fingerprints", string.Join(' ', edge.Findings));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        // StringBuilder output declares UTF-16; the file is written as UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal) + "\n";
    }

    private static void Key(XmlWriter writer, string id, string domain, string name, string type)
    {
        writer.WriteStartElement("key", Namespace);
        writer.WriteAttributeString("id", id);
        writer.WriteAttributeString("for", domain);
        writer.WriteAttributeString("attr.name", name);
        writer.WriteAttributeString("attr.type", type);
        writer.WriteEndElement();
    }

    private static void Data(XmlWriter writer, string key, string value)
    {
        writer.WriteStartElement("data", Namespace);
        writer.WriteAttributeString("key", key);
        writer.WriteString(value);
        writer.WriteEndElement();
    }
}
