using System.Text.Json.Nodes;
using InventoryScanner.Analyzers;
using InventoryScanner.Core.Estate;
using InventoryScanner.Core.Model;
using InventoryScanner.Reporting;
using static InventoryScanner.Tests.Builders;

namespace InventoryScanner.Tests.Core;

/// <summary>
/// A synthetic estate of three repositories: orders publishes what billing consumes, the storefront calls orders by its
/// service name, orders and billing share one database, and both orders and billing have a component named Api.
/// </summary>
public sealed class EstateMergeTests
{
    private static string Write(string folder, string repository, Inventory inventory)
    {
        var path = Path.Combine(folder, repository, "inventory.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, new JsonReportWriter().Render(inventory));
        return path;
    }

    private static (string Folder, List<EstateInput> Inputs) Estate(string ordersPublishesTo = "queue:billing.invoices")
    {
        var folder = Directory.CreateTempSubdirectory("inventory-estate-").FullName;
        var orders = Inventory(
            [Component("Orders.Api"), Component("Api")],
            [
                Finding("Orders.Api", FindingKinds.QueuePublish, ordersPublishesTo, "RabbitMQ.Client", line: 10),
                Finding("Orders.Api", FindingKinds.Database, "postgres:pg-prod/orders", "Npgsql", line: 20),
                Finding("Api", FindingKinds.HttpClient, "https://partner.example.com/v1", line: 30),
            ]);
        var billing = Inventory(
            [Component("Billing.Worker"), Component("Api")],
            [
                Finding("Billing.Worker", FindingKinds.QueueConsume, "queue:billing.invoices", "RabbitMQ.Client", line: 10),
                Finding("Billing.Worker", FindingKinds.Database, "postgres:pg-prod/orders", "Npgsql", line: 20),
                Finding("Api", FindingKinds.HttpClient, "https://partner.example.com/v1", line: 30),
            ]);
        var storefront = Inventory(
            [Component("Storefront.Web")],
            [Finding("Storefront.Web", FindingKinds.HttpClient, "http://orders-api/api/orders", line: 10)]);
        return (folder,
        [
            new EstateInput("orders", Write(folder, "orders", orders)),
            new EstateInput("billing", Write(folder, "billing", billing)),
            new EstateInput("storefront", Write(folder, "storefront", storefront)),
        ]);
    }

    [Fact]
    public void Estate_ShouldJoinChannelsCallsAndStoresAcrossRepositories()
    {
        var (_, inputs) = Estate();

        var (estate, stats) = EstateMerge.Merge(inputs);

        Assert.Equal(["billing", "orders", "storefront"], stats.Read);
        Assert.Equal(["billing", "orders", "storefront"], estate.Repositories!.Select(r => r.Name));

        // Two repositories have an "Api": each is qualified; the others keep their names.
        Assert.Equal(
            ["Billing.Worker billing", "Orders.Api orders", "Storefront.Web storefront", "billing/Api billing", "orders/Api orders"],
            estate.Components.Select(c => $"{c.Name} {c.Repository}").Order(StringComparer.Ordinal));
        var edges = estate.Graph.Edges.Select(e => $"{e.From} -{e.Kind}-> {e.To}").ToList();

        // The publisher in orders and the consumer in billing meet at one channel: no orphan.
        Assert.Contains("component:Orders.Api -publishes-> channel:RabbitMQ.Client:queue:billing.invoices", edges);
        Assert.Contains("channel:RabbitMQ.Client:queue:billing.invoices -consumes-> component:Billing.Worker", edges);
        Assert.Empty(estate.Graph.Orphans);

        // The storefront's call by service name reaches the component in the orders repository.
        Assert.Contains("component:Storefront.Web -http-> component:Orders.Api", edges);

        // The database both repositories reach is shared, and each of its components gets the scanner's INV4005.
        var shared = Assert.Single(estate.Graph.SharedStores);
        Assert.Equal(["Billing.Worker", "Orders.Api"], shared.Components);
        Assert.Equal(
            ["Billing.Worker billing", "Orders.Api orders"],
            estate.Findings.Where(f => f.RuleId == RuleIdentifiers.SharedDataStore).Select(f => $"{f.Component} {f.Repository}").Order(StringComparer.Ordinal));

        // The same call in two repositories' "Api" is two findings, with fingerprints told apart.
        var partnerCalls = estate.Findings.Where(f => f.Target == "https://partner.example.com/v1").ToList();
        Assert.Equal(2, partnerCalls.Select(f => f.Fingerprint).Distinct().Count());
        Assert.NotNull(estate.Assessment);
        Assert.Contains(estate.Assessment!.Maturity.Components, c => c.Component == "orders/Api");
    }

    [Fact]
    public void EstatesExports_ShouldKeepTheRepositories()
    {
        var (_, inputs) = Estate();
        var (estate, _) = EstateMerge.Merge(inputs);

        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(new InventoryScanner.Reporting.Exports.BackstageWriter().Render(estate)));
        var entities = stream.Documents.Select(d => (YamlDotNet.RepresentationModel.YamlMappingNode)d.RootNode).ToList();
        string Value(YamlDotNet.RepresentationModel.YamlMappingNode node, params string[] path) =>
            path.Aggregate((YamlDotNet.RepresentationModel.YamlNode)node, (n, key) => ((YamlDotNet.RepresentationModel.YamlMappingNode)n)[key]).ToString();
        Assert.Equal(["billing", "orders", "storefront"], entities.Where(e => Value(e, "kind") == "System").Select(e => Value(e, "metadata", "name")));
        Assert.Equal("orders", Value(entities.Single(e => Value(e, "kind") == "Component" && Value(e, "metadata", "name") == "orders-api"), "spec", "system"));
        Assert.Equal("billing", Value(entities.Single(e => Value(e, "kind") == "Component" && Value(e, "metadata", "title") == "billing/Api"), "spec", "system"));

        var rows = new InventoryScanner.Reporting.Exports.CsvWriter().Render(estate).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(rows, r => r.StartsWith("storefront,Storefront.Web,http-client,outbound,", StringComparison.Ordinal));
    }

    [Fact]
    public void HostMapOfOneRepository_ShouldJoinItsCallsToAComponentOfAnother()
    {
        var (folder, inputs) = Estate();
        var storefront = Inventory([Component("Storefront.Web")], [Finding("Storefront.Web", FindingKinds.HttpClient, "https://billing.contoso.internal/api/invoices", line: 10)]);
        var path = Write(folder, "storefront", new Inventory
        {
            Tool = storefront.Tool,
            Root = storefront.Root,
            Components = storefront.Components,
            Excluded = [],
            Findings = storefront.Findings,
            Graph = storefront.Graph,
            Hosts = new Dictionary<string, string> { ["billing.contoso.internal"] = "Billing.Worker" },
        });

        var (estate, _) = EstateMerge.Merge([inputs[0], inputs[1], new EstateInput("storefront", path)]);

        Assert.Contains(estate.Graph.Edges, e => e.From == "component:Storefront.Web" && e.To == "component:Billing.Worker" && e.Kind == "http");
        Assert.Equal("Billing.Worker", estate.Hosts!["billing.contoso.internal"]);
    }

    [Fact]
    public void Orphans_ShouldBeListedWhenTheOtherEndIsInNoRepository()
    {
        var (_, inputs) = Estate(ordersPublishesTo: "queue:billing.refunds");

        var (estate, _) = EstateMerge.Merge(inputs);

        Assert.Equal(
            ["channel:RabbitMQ.Client:queue:billing.invoices no-publisher", "channel:RabbitMQ.Client:queue:billing.refunds no-consumer"],
            estate.Graph.Orphans.Select(o => $"{o.Channel} {o.Missing}"));
    }

    [Fact]
    public void MergeOfOneInventory_ShouldHaveThatInventorysOwnGraphAndAssessment()
    {
        var folder = Directory.CreateTempSubdirectory("inventory-estate-").FullName;
        var shop = Inventory(
            [Component("Orders.Api"), Component("Billing.Worker")],
            [
                Finding("Orders.Api", FindingKinds.Database, "postgres:pg-prod/orders", "Npgsql", line: 20, symbol: "M:Orders.Repository.Save"),
                Finding("Billing.Worker", FindingKinds.Database, "postgres:pg-prod/orders", "Npgsql", line: 20, symbol: "M:Billing.Ledger.Post"),
                Finding("Orders.Api", FindingKinds.HttpClient, "https://partner.example.com/v1", line: 30, symbol: "M:Orders.Partner.Send"),
            ]);
        var path = Write(folder, "shop", shop);

        var (estate, _) = EstateMerge.Merge([new EstateInput("shop", path)]);

        var written = JsonNode.Parse(File.ReadAllText(path))!;
        var merged = JsonNode.Parse(new JsonReportWriter().Render(estate))!;
        Assert.True(JsonNode.DeepEquals(written["graph"], merged["graph"]), "the graph differs");
        Assert.True(JsonNode.DeepEquals(written["assessment"], merged["assessment"]), "the assessment differs");
    }

    [Fact]
    public void ReMergeAfterOneRepositoryIsRescanned_ShouldReadThatOneOnly_AndEqualAMergeFromScratch()
    {
        var (folder, inputs) = Estate();
        var cache = Path.Combine(folder, "out", EstateMerge.CacheFolder);
        EstateMerge.Merge(inputs, cache);

        // The storefront is rescanned: it now calls billing too.
        Write(folder, "storefront", Inventory(
            [Component("Storefront.Web")],
            [
                Finding("Storefront.Web", FindingKinds.HttpClient, "http://orders-api/api/orders", line: 10),
                Finding("Storefront.Web", FindingKinds.HttpClient, "http://billing-worker/api/invoices", line: 20),
            ]));

        var (incremental, stats) = EstateMerge.Merge(inputs, cache);
        var (scratch, _) = EstateMerge.Merge(inputs, cacheDirectory: null);

        Assert.Equal(["storefront"], stats.Read);
        Assert.Equal(["billing", "orders"], stats.Cached);
        Assert.Equal(new JsonReportWriter().Render(scratch), new JsonReportWriter().Render(incremental));
        Assert.Contains(incremental.Graph.Edges, e => e.From == "component:Storefront.Web" && e.To == "component:Billing.Worker");
    }

    [Theory]
    [InlineData("""{ "schemaVersion": 2, "findings": [] }""", "schema version 2")]
    [InlineData("""{ "runs": [] }""", "not an inventory.json")]
    [InlineData("""{ "schemaVersion": 1, "findings": [ { "kind": 3 } ] }""", "cannot be read as an inventory")]
    public void InputOfAnotherSchemaOrNoInventory_ShouldBeRefusedWithAClearMessage(string text, string message)
    {
        var (folder, inputs) = Estate();
        var other = Path.Combine(folder, "other.json");
        File.WriteAllText(other, text);

        var exception = Assert.Throws<EstateException>(() => EstateMerge.Merge([.. inputs, new EstateInput("other", other)]));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
        Assert.Contains(other, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InputsOfOtherToolVersions_ShouldBeReadAndSaidSo()
    {
        var (folder, inputs) = Estate();
        var older = File.ReadAllText(inputs[2].Path).Replace($"\"version\": \"{ToolInfo.Current.Version}\"", "\"version\": \"0.0.9\"", StringComparison.Ordinal);
        File.WriteAllText(inputs[2].Path, older);

        var (estate, _) = EstateMerge.Merge(inputs);

        Assert.Contains(estate.Messages, m => m.Contains("different InventoryScanner versions", StringComparison.Ordinal) && m.Contains("storefront: 0.0.9", StringComparison.Ordinal));
        Assert.Equal(5, estate.Components.Count);
        Assert.Throws<EstateException>(() => EstateMerge.Merge([inputs[0], inputs[0] with { Path = inputs[1].Path }]));
    }
}
