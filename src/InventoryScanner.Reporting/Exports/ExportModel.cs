using System.Text;
using InventoryScanner.Core.Graph;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Reporting.Exports;

/// <summary>
/// What the architecture exports (Backstage, Structurizr, CycloneDX) share: the estate's services (its components that
/// were analysed), what each reaches through the graph, and who calls whom — read from the graph, so each export says
/// exactly what the report's graph says.
/// </summary>
internal sealed class ExportModel
{
    private ExportModel(Inventory inventory)
    {
        Inventory = inventory;
        Nodes = inventory.Graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        Services = inventory.Components
            .Where(c => c.Analysis is not (AnalysisLevel.Failed or AnalysisLevel.Files) && !c.IsTest)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var findings = inventory.Findings.ToDictionary(f => f.Fingerprint, StringComparer.Ordinal);
        Edges = inventory.Graph.Edges
            .Select(e => new ExportEdge(e.From, e.To, e.Kind, e.Findings.Select(findings.GetValueOrDefault).OfType<Finding>().ToList()))
            .ToList();
    }

    public Inventory Inventory { get; }

    public IReadOnlyDictionary<string, GraphNodeModel> Nodes { get; }

    public IReadOnlyList<Component> Services { get; }

    public IReadOnlyList<ExportEdge> Edges { get; }

    public static ExportModel Of(Inventory inventory) => new(inventory);

    public static string ComponentId(string name) => "component:" + name;

    /// <summary>The edges out of a component (calls, publishes, store use) and into it from channels (consumes).</summary>
    public IEnumerable<ExportEdge> Of(Component component) =>
        Edges.Where(e => e.From == ComponentId(component.Name) || (e.To == ComponentId(component.Name) && e.Kind == "consumes"));

    /// <summary>Components called over HTTP or gRPC by others: the services that provide an API.</summary>
    public IReadOnlyList<ExportEdge> Calls => [.. Edges.Where(e => e.From.StartsWith("component:", StringComparison.Ordinal) && e.To.StartsWith("component:", StringComparison.Ordinal) && e.Kind is "http" or "grpc" or "soap" or "signalr" or InventoryGraph.ForwardsKind)];

    /// <summary>
    /// Slugs that stay apart: two names that make the same slug (<c>Orders.Api</c> and <c>orders/Api</c> both make
    /// <c>orders-api</c>) get <c>-2</c>, <c>-3</c>… in the order of their names.
    /// </summary>
    public static Dictionary<string, string> UniqueSlugs(IEnumerable<string> names, int length = 63)
    {
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var stem = Slug(name, '-', length - 4);
            var slug = stem;
            for (var i = 2; !used.Add(slug); i++)
            {
                slug = stem + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            slugs[name] = slug;
        }

        return slugs;
    }

    /// <summary>
    /// A name as a tool's identifier allows: <c>[a-z0-9]</c> runs joined by <paramref name="separator"/>, at most
    /// <paramref name="length"/> characters (Backstage: 63), never empty.
    /// </summary>
    public static string Slug(string text, char separator = '-', int length = 63)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != separator)
            {
                slug.Append(separator);
            }
        }

        var result = slug.ToString().Trim(separator);
        result = result.Length > length ? result[..length].Trim(separator) : result;
        return result.Length == 0 ? "unnamed" : result;
    }
}

/// <summary>A graph edge with the findings behind it.</summary>
internal sealed record ExportEdge(string From, string To, string Kind, IReadOnlyList<Finding> Findings);
