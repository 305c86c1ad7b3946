using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CsvHelper;
using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;
using InventoryScanner.Reporting;
using InventoryScanner.Reporting.Exports;
using InventoryScanner.Tests.EndToEnd;
using Json.Schema;
using YamlDotNet.RepresentationModel;
using static InventoryScanner.Tests.Builders;
using ExportCsv = InventoryScanner.Reporting.Exports.CsvWriter;

namespace InventoryScanner.Tests.Reporting;

/// <summary>
/// The exports architects keep their maps in, each read back by a reader of its format (GraphML, CSV, YAML, the
/// CycloneDX schema) or checked for its structure (DOT, Structurizr DSL), on the sample and on a small estate.
/// </summary>
[Collection(ScannerCollection.Name)]
public sealed partial class ExportTests(SampleScanFixture fixture)
{
    /// <summary>Orders publishes what Billing consumes and calls it by service name; both use one database; a partner is called with a comma in its URL.</summary>
    private static Inventory Estate() => Inventory(
        [Component("Orders.Api"), Component("Billing.Worker")],
        [
            Finding("Orders.Api", FindingKinds.QueuePublish, "queue:billing.invoices", "RabbitMQ.Client", line: 10),
            Finding("Billing.Worker", FindingKinds.QueueConsume, "queue:billing.invoices", "RabbitMQ.Client", line: 10),
            Finding("Orders.Api", FindingKinds.HttpClient, "http://billing-worker/api/invoices/{id}", line: 20),
            Finding("Orders.Api", FindingKinds.Database, "postgres:pg-prod/orders", "Npgsql", line: 30),
            Finding("Billing.Worker", FindingKinds.Database, "postgres:pg-prod/orders", "Npgsql", line: 30),
            Finding("Orders.Api", FindingKinds.HttpClient, "https://partner.example.com/v1/quote?a=1,2&name=\"x\"", line: 40),
        ]);

    [Fact]
    public void GraphMl_ShouldReadBackAsTheGraph()
    {
        var inventory = Estate();

        var document = XDocument.Parse(new GraphMlWriter().Render(inventory));

        XNamespace ns = GraphMlWriter.Namespace;
        var graph = document.Root!.Element(ns + "graph")!;
        var nodes = graph.Elements(ns + "node").Select(n => (string)n.Attribute("id")!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(inventory.Graph.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal), nodes);
        var edges = graph.Elements(ns + "edge").ToList();
        Assert.Equal(inventory.Graph.Edges.Count, edges.Count);
        Assert.All(edges, e => Assert.True(nodes.Contains((string)e.Attribute("source")!) && nodes.Contains((string)e.Attribute("target")!)));
        var keys = document.Root.Elements(ns + "key").Select(k => (string)k.Attribute("id")!).ToHashSet(StringComparer.Ordinal);
        Assert.All(document.Descendants(ns + "data"), d => Assert.Contains((string)d.Attribute("key")!, keys));
        Assert.Contains(edges, e => (string)e.Attribute("source")! == "component:Orders.Api" && (string)e.Attribute("target")! == "component:Billing.Worker"
            && e.Elements(ns + "data").Any(d => (string)d.Attribute("key")! == "kind" && d.Value == "http"));
    }

    [Fact]
    public void Csv_ShouldReadBackAsOneRowPerIntegrationPoint()
    {
        var inventory = Estate();

        using var reader = new CsvReader(new StringReader(new ExportCsv().Render(inventory)), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<ExportCsv.Row>().ToList();

        Assert.Equal(inventory.Findings.Count(IntegrationKinds.IsIntegrationPoint), rows.Count);
        Assert.Contains(rows, r => r.Target == "https://partner.example.com/v1/quote?a=1,2&name=\"x\"" && r.Direction == "outbound");
        Assert.Contains(rows, r => r.Kind == FindingKinds.QueueConsume && r.Direction == "inbound" && r.Component == "Billing.Worker");
        Assert.Contains(rows, r => r.Kind == FindingKinds.Database && r.Direction == "bi-directional");
    }

    [Fact]
    public void Backstage_ShouldBeEntitiesWhoseReferencesResolve()
    {
        var documents = Yaml(new BackstageWriter().Render(Estate()));

        var entities = documents.Select(d => (Kind: Text(d, "kind"), Name: Text((YamlMappingNode)d["metadata"], "name"), Spec: (YamlMappingNode)d["spec"])).ToList();
        Assert.All(documents, d => Assert.Equal(BackstageWriter.ApiVersion, Text(d, "apiVersion")));
        Assert.All(entities, e => Assert.Matches(EntityName(), e.Name));
        var names = entities.Select(e => e.Kind.ToLowerInvariant() + ":" + e.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (kind, name, spec) in entities)
        {
            Assert.False(string.IsNullOrEmpty(Text(spec, "owner")), $"{kind} {name} has no owner");
            foreach (var reference in Sequence(spec, "dependsOn"))
            {
                Assert.Contains(reference, names);
            }

            foreach (var provided in Sequence(spec, "providesApis").Concat(Sequence(spec, "consumesApis")))
            {
                Assert.Contains("api:" + provided, names);
            }
        }

        var orders = entities.Single(e => e.Kind == "Component" && e.Name == "orders-api").Spec;
        Assert.Equal(["billing-worker-api"], Sequence(orders, "consumesApis"));
        Assert.Contains("component:billing-worker", Sequence(orders, "dependsOn"));
        Assert.Contains("resource:datastore-postgres-pg-prod-orders", Sequence(orders, "dependsOn"));
        var api = entities.Single(e => e.Kind == "API").Spec;
        Assert.Equal("openapi", Text(api, "type"));
        Assert.Contains("/api/invoices/{id}", Text(api, "definition"), StringComparison.Ordinal);
        Assert.Equal(["billing-worker-api"], Sequence(entities.Single(e => e.Name == "billing-worker").Spec, "providesApis"));
        Assert.Equal("group:payments", BackstageWriter.Owner(["@contoso/payments", "@lead"]));
    }

    [Fact]
    public void Structurizr_ShouldDeclareEveryElementItRelates_InBalancedBlocks()
    {
        var dsl = new StructurizrWriter().Render(Estate());

        Assert.Equal(dsl.Count(c => c == '{'), dsl.Count(c => c == '}'));
        Assert.Equal(0, Regex.Matches(dsl, "(?<!\\\\)\"").Count % 2);
        var declared = Declaration().Matches(dsl).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var relations = Relationship().Matches(dsl).ToList();
        Assert.NotEmpty(relations);
        Assert.All(relations, r => Assert.True(declared.Contains(r.Groups[1].Value) && declared.Contains(r.Groups[2].Value), r.Value));
        Assert.Contains("component_orders_api -> component_billing_worker \"Calls\" \"HTTP\"", dsl, StringComparison.Ordinal);
        Assert.Contains("container estate", dsl, StringComparison.Ordinal);
    }

    [Fact]
    public void Dot_ShouldDeclareEveryNodeItConnects()
    {
        var dot = new DotWriter().Render(Estate());

        var nodes = DotNode().Matches(dot).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var edges = DotEdge().Matches(dot).ToList();
        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.True(nodes.Contains(e.Groups[1].Value) && nodes.Contains(e.Groups[2].Value), e.Value));
        var odd = new DotWriter().Render(Inventory([Component("Odd \"One\"")], [Finding("Odd \"One\"", FindingKinds.HttpClient, "https://partner.example.com/a")]));
        Assert.Contains("\"component:Odd \\\"One\\\"\" -> \"external:https://partner.example.com\"", odd, StringComparison.Ordinal);
    }

    [Fact]
    public void CycloneDx_ShouldBeValidAgainstTheSchema_WithEachEndpointsFlow()
    {
        var inventory = Estate();
        var bom = new CycloneDxWriter().Render(inventory);

        AssertValidBom(bom);
        Assert.Equal(bom, new CycloneDxWriter().Render(inventory));
        var services = JsonDocument.Parse(bom).RootElement.GetProperty("services").EnumerateArray().ToList();
        var partner = services.Single(s => s.GetProperty("name").GetString() == "https://partner.example.com");
        Assert.True(partner.GetProperty("x-trust-boundary").GetBoolean());
        Assert.Equal(["outbound"], partner.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("flow").GetString()));
        Assert.Equal(["bi-directional"], services.Single(s => s.GetProperty("name").GetString() == "postgres:pg-prod/orders").GetProperty("data").EnumerateArray().Select(d => d.GetProperty("flow").GetString()));
        Assert.Equal(["inbound", "outbound"], services.Single(s => s.GetProperty("name").GetString() == "queue:billing.invoices").GetProperty("data").EnumerateArray().Select(d => d.GetProperty("flow").GetString()));
    }

    [Fact]
    public void SampleExports_ShouldReadBack()
    {
        AssertValidBom(fixture.Run.Read("bom.cdx.json"));
        Assert.NotEmpty(Yaml(fixture.Run.Read("catalog-info.yaml")));
        XDocument.Parse(fixture.Run.Read("graph.graphml"));
        using var reader = new CsvReader(new StringReader(fixture.Run.Read("inventory.csv")), CultureInfo.InvariantCulture);
        Assert.Equal(
            JsonDocument.Parse(fixture.Run.Read("inventory.json")).RootElement.GetProperty("findings").EnumerateArray().Count(f => IntegrationKinds.IsIntegrationPoint(f.GetProperty("kind").GetString()!)),
            reader.GetRecords<ExportCsv.Row>().Count());
        var dsl = fixture.Run.Read("workspace.dsl");
        Assert.Equal(dsl.Count(c => c == '{'), dsl.Count(c => c == '}'));
    }

    /// <summary>The CycloneDX 1.6 schema (Apache 2.0, shipped in Schemas/ with the two it references), built once.</summary>
    private static readonly Lazy<JsonSchema> BomSchema = new(() =>
    {
        var folder = Path.Combine(RepositoryPaths.Root, "tests", "InventoryScanner.Tests", "Schemas");
        foreach (var dependency in new[] { "spdx.schema.json", "jsf-0.82.schema.json" })
        {
            SchemaRegistry.Global.Register(new Uri("http://cyclonedx.org/schema/" + dependency), JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, dependency))));
        }

        return JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, "bom-1.6.schema.json")));
    });

    private static void AssertValidBom(string bom)
    {
        using var document = JsonDocument.Parse(bom);
        var result = BomSchema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(10);
        Assert.True(result.IsValid, string.Join("\n", errors));
    }

    private static List<YamlMappingNode> Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private static string Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value ?? string.Empty : string.Empty;

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode sequence ? [.. sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value!)] : [];

    [GeneratedRegex("^[a-zA-Z0-9]([-_.a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$")]
    private static partial Regex EntityName();

    [GeneratedRegex(@"^\s*(\w+) = (?:softwareSystem|container)\b", RegexOptions.Multiline)]
    private static partial Regex Declaration();

    [GeneratedRegex(@"^\s*(\w+) -> (\w+) ", RegexOptions.Multiline)]
    private static partial Regex Relationship();

    [GeneratedRegex(@"^\s*(""(?:[^""\\]|\\.)*"") \[label=", RegexOptions.Multiline)]
    private static partial Regex DotNode();

    [GeneratedRegex(@"^\s*(""(?:[^""\\]|\\.)*"") -> (""(?:[^""\\]|\\.)*"")", RegexOptions.Multiline)]
    private static partial Regex DotEdge();
}
