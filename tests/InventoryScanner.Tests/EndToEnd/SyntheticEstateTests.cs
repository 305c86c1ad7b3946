using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using CsvHelper;
using YamlDotNet.RepresentationModel;

namespace InventoryScanner.Tests.EndToEnd;

/// <summary>
/// The synthetic estate of <c>tests/fixtures/Estate</c>: four repositories scanned one by one, as an estate's fan-out
/// does, then merged. What no single repository can see is asserted: the channel, the HTTP calls by Kubernetes and
/// compose service names, the shared database, the orphans, and the exports architects import.
/// </summary>
[Collection(ScannerCollection.Name)]
public sealed class SyntheticEstateTests
{
    private static readonly string[] Repositories = ["orders", "billing", "shipping", "deploy"];

    [Fact]
    public async Task RepositoriesScannedApart_ShouldJoinIntoOneEstate()
    {
        var work = Directory.CreateTempSubdirectory("inventory-synthetic-estate-").FullName;
        var inputs = new List<string>();
        foreach (var repository in Repositories)
        {
            var copy = Path.Combine(work, repository);
            FixtureCopy.WithoutBuildOutput(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "Estate", repository), copy);
            File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "Directory.Build.props"), Path.Combine(copy, "Directory.Build.props"));
            var scan = await CliRun.RunAsync(Path.Combine(work, "out", repository), ["scan", copy, "--no-restore", "-q", "--format", "json", "-o", Path.Combine(work, "out", repository)]);
            Assert.True(scan.ExitCode == 0, $"{repository}: {scan.Error}");
            inputs.Add($"{repository}={Path.Combine(work, "out", repository)}");
        }

        var output = Path.Combine(work, "estate");
        var merge = await CliRun.RunAsync(output, ["merge", .. inputs, "-o", output, "--format", "json,csv,graphml,backstage,structurizr"]);

        Assert.True(merge.ExitCode == 0, merge.Error);
        var estate = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "inventory.json"))).RootElement;
        var graph = estate.GetProperty("graph");
        var edges = graph.GetProperty("edges").EnumerateArray()
            .Select(e => $"{e.GetProperty("from").GetString()} -> {e.GetProperty("to").GetString()} {e.GetProperty("kind").GetString()}")
            .ToList();

        // A publisher in one repository, its consumers in two others.
        Assert.Contains("component:Orders.Api -> channel:RabbitMQ.Client:queue:order-placed publishes", edges);
        Assert.Contains("channel:RabbitMQ.Client:queue:order-placed -> component:Billing.Api consumes", edges);
        Assert.Contains("channel:RabbitMQ.Client:queue:order-placed -> component:Shipping.Worker consumes", edges);

        // billing-api is a Kubernetes Service of the deploy repository over the image the billing repository's compose
        // file builds; orders-api is the orders repository's compose service, the address shipping's compose sets.
        Assert.Contains("component:Orders.Api -> component:Billing.Api http", edges);
        Assert.Contains("component:Shipping.Worker -> component:Orders.Api http", edges);

        var shared = Assert.Single(graph.GetProperty("sharedStores").EnumerateArray());
        Assert.Equal(("sqlserver:sql-prod/Sales", "Billing.Api, Orders.Api"), (shared.GetProperty("label").GetString(), string.Join(", ", shared.GetProperty("components").EnumerateArray().Select(c => c.GetString()))));
        Assert.Equal(
            ["queue:order-cancelled no-consumer", "queue:parcel-returned no-publisher"],
            graph.GetProperty("orphans").EnumerateArray().Select(o => $"{o.GetProperty("label").GetString()} {o.GetProperty("missing").GetString()}").Order(StringComparer.Ordinal));

        // The look-alike Service selects no workload: no fact, no join.
        var services = estate.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("ruleId").GetString() == "INV1017").ToList();
        Assert.Equal(("billing-api", "deploy"), (Assert.Single(services).GetProperty("target").GetString(), services[0].GetProperty("repository").GetString()));

        AssertExports(output);
    }

    private static void AssertExports(string output)
    {
        var backstage = new YamlStream();
        backstage.Load(new StringReader(File.ReadAllText(Path.Combine(output, "catalog-info.yaml"))));
        var entities = backstage.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
        var orders = entities.Single(e => Scalar(e, "kind") == "Component" && Scalar((YamlMappingNode)e["metadata"], "title") == "Orders.Api");
        var dependsOn = ((YamlSequenceNode)((YamlMappingNode)orders["spec"])["dependsOn"]).Select(n => ((YamlScalarNode)n).Value).ToList();
        Assert.Contains("component:billing-api", dependsOn);
        Assert.Contains("resource:datastore-sqlserver-sql-prod-sales", dependsOn);
        Assert.Equal("orders", Scalar((YamlMappingNode)orders["spec"], "system"));

        using var reader = new CsvReader(new StringReader(File.ReadAllText(Path.Combine(output, "inventory.csv"))), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Select(r => (IDictionary<string, object>)r).ToList();
        Assert.Contains(rows, r => (string)r["Repository"] == "shipping" && (string)r["Kind"] == "queue-consume" && (string)r["Target"] == "queue:parcel-returned");
        Assert.Contains(rows, r => (string)r["Repository"] == "orders" && (string)r["Target"] == "http://billing-api/api/invoices");

        var graphMl = XDocument.Parse(File.ReadAllText(Path.Combine(output, "graph.graphml")));
        XNamespace ns = "http://graphml.graphdrawing.org/xmlns";
        Assert.Contains(graphMl.Descendants(ns + "edge"), e => (string?)e.Attribute("source") == "component:Shipping.Worker" && (string?)e.Attribute("target") == "component:Orders.Api");

        var dsl = File.ReadAllText(Path.Combine(output, "workspace.dsl"));
        Assert.Contains("component_orders_api -> component_billing_api \"Calls\" \"HTTP\"", dsl, StringComparison.Ordinal);
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}
