using System.Text;
using InventoryScanner.Core.Graph;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Reporting.Exports;

/// <summary>
/// <c>workspace.dsl</c>, a Structurizr DSL workspace: the estate as a software system whose containers are its
/// components, data stores (tagged Database) and channels (tagged Queue); external systems as software systems of their
/// own; one relationship per graph edge, labelled by what it does and its protocol or channel; a C4 container view.
/// </summary>
public sealed class StructurizrWriter : IReportWriter
{
    public string FileName => "workspace.dsl";

    public string Render(Inventory inventory)
    {
        var model = ExportModel.Of(inventory);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        string Id(string node)
        {
            if (!ids.TryGetValue(node, out var id))
            {
                var stem = ExportModel.Slug(node, '_', 60);
                stem = char.IsAsciiLetter(stem[0]) ? stem : "n_" + stem;
                id = stem;
                for (var i = 2; !used.Add(id); i++)
                {
                    id = stem + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                ids[node] = id;
            }

            return id;
        }

        var text = new StringBuilder();
        text.Append("workspace ").Append(Quote("Integration inventory")).Append(' ').Append(Quote(Path.GetFileName(inventory.Root.TrimEnd('/', '\\')))).Append(" {\n");
        text.Append("    !identifiers flat\n\n    model {\n");
        text.Append("        estate = softwareSystem ").Append(Quote("Estate")).Append(' ').Append(Quote("The scanned components and what they share")).Append(" {\n");
        var components = model.Inventory.Components.ToDictionary(c => ExportModel.ComponentId(c.Name), StringComparer.Ordinal);
        foreach (var node in model.Nodes.Values.Where(n => n.Type == InventoryGraph.ComponentNode).OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            var component = components.GetValueOrDefault(node.Id);
            var description = component is null ? string.Empty : component.Repository is null ? component.Project : component.Repository + ": " + component.Project;
            text.Append("            ").Append(Id(node.Id)).Append(" = container ").Append(Quote(node.Label)).Append(' ').Append(Quote(description)).Append(' ').Append(Quote(".NET")).Append('\n');
        }

        foreach (var node in model.Nodes.Values.Where(n => n.Type is InventoryGraph.DataStoreNode or InventoryGraph.ChannelNode).OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            var database = node.Type == InventoryGraph.DataStoreNode;
            text.Append("            ").Append(Id(node.Id)).Append(" = container ").Append(Quote(node.Label)).Append(' ')
                .Append(Quote(database ? "Data store" : "Channel")).Append(' ').Append(Quote(database ? node.Label.Split(':')[0] : node.Id.Split(':')[1])).Append(" {\n")
                .Append("                tags ").Append(Quote(database ? "Database" : "Queue")).Append("\n            }\n");
        }

        text.Append("        }\n");
        foreach (var node in model.Nodes.Values.Where(n => n.Type == InventoryGraph.ExternalNode).OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            text.Append("        ").Append(Id(node.Id)).Append(" = softwareSystem ").Append(Quote(node.Label)).Append(' ').Append(Quote("External system")).Append(" {\n")
                .Append("            tags ").Append(Quote("External")).Append("\n        }\n");
        }

        text.Append('\n');
        foreach (var edge in model.Edges.Where(e => ids.ContainsKey(e.From) && ids.ContainsKey(e.To)))
        {
            var (description, technology) = Label(edge);
            text.Append("        ").Append(Id(edge.From)).Append(" -> ").Append(Id(edge.To)).Append(' ').Append(Quote(description)).Append(' ').Append(Quote(technology)).Append('\n');
        }

        text.Append("    }\n\n    views {\n");
        text.Append("        container estate ").Append(Quote("Containers")).Append(" {\n            include *\n            autoLayout lr\n        }\n\n");
        text.Append("        styles {\n");
        text.Append("            element ").Append(Quote("Database")).Append(" {\n                shape cylinder\n            }\n");
        text.Append("            element ").Append(Quote("Queue")).Append(" {\n                shape pipe\n            }\n");
        text.Append("            element ").Append(Quote("External")).Append(" {\n                background #999999\n            }\n");
        text.Append("        }\n    }\n}\n");
        return text.ToString();
    }

    /// <summary>What a relationship says it does, and its technology: the protocol, the broker and channel, or the store.</summary>
    private static (string Description, string Technology) Label(ExportEdge edge)
    {
        var library = edge.Findings.Select(f => f.Library).FirstOrDefault() ?? string.Empty;
        return edge.Kind switch
        {
            "http" => ("Calls", "HTTP"),
            "grpc" => ("Calls", "gRPC"),
            "soap" => ("Calls", "SOAP"),
            "signalr" => ("Connects to", "SignalR"),
            InventoryGraph.ForwardsKind => ("Forwards requests to", "HTTP (YARP)"),
            InventoryGraph.RoutesKind => ("Routes to", "HTTP"),
            "publishes" => ("Publishes to", library),
            "consumes" => ("Delivers to", library),
            "binds" => ("Routes messages to", library),
            "declared" => ("Depends on (Aspire)", "service discovery"),
            "caches" => ("Caches in", library),
            "stores-files" => ("Stores files in", library),
            "sends-mail" => ("Sends mail through", library),
            _ => ("Reads from and writes to", library),
        };
    }

    /// <summary>A DSL string: quoted, its quotes and backslashes escaped, on one line.</summary>
    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) + "\"";
}
