using System.Text.Json;
using System.Text.Json.Nodes;
using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;
using InventoryScanner.Reporting;
using InventoryScanner.Tests.EndToEnd;
using Json.Schema;
using static InventoryScanner.Tests.Builders;

namespace InventoryScanner.Tests.Reporting;

/// <summary>
/// <c>inventory.sarif</c> against the OASIS SARIF 2.1.0 schema (errata 01, shipped in <c>tests/…/Schemas</c>), and what
/// code scanning relies on: fingerprints, rules with help, repository-relative locations, suppressions, no secret.
/// </summary>
[Collection(ScannerCollection.Name)]
public sealed class SarifReportWriterTests(SampleScanFixture fixture)
{
    /// <summary>
    /// The OASIS schema says draft-04, which JsonSchema.Net does not evaluate; every keyword it uses (type, properties,
    /// items, enum, required, minimum, pattern, format, oneOf, anyOf, $ref to definitions) means the same in draft 7.
    /// </summary>
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "InventoryScanner.Tests", "Schemas", "sarif-schema-2.1.0.json"))
            .Replace("http://json-schema.org/draft-04/schema#", "http://json-schema.org/draft-07/schema#", StringComparison.Ordinal)
            .Replace("\"id\": \"https://docs.oasis-open.org", "\"$id\": \"https://docs.oasis-open.org", StringComparison.Ordinal);
        return JsonSchema.FromText(text);
    });

    [Fact]
    public void SampleSarif_ShouldBeValidAgainstTheSarif210Schema()
    {
        AssertValid(fixture.Run.Read("inventory.sarif"));
    }

    [Fact]
    public void SchemaCheck_ShouldRefuseALogWithoutItsDriver()
    {
        using var document = JsonDocument.Parse("""{ "version": "2.1.0", "runs": [ { "tool": { }, "results": [ { "message": { "text": "x" }, "level": "loud" } ] } ] }""");

        Assert.False(Schema.Value.Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void SampleSarif_ShouldHoldEveryFindingWithItsFingerprint_AndEveryRuleItUses()
    {
        var inventory = JsonDocument.Parse(fixture.Run.Read("inventory.json")).RootElement;
        var run = JsonNode.Parse(fixture.Run.Read("inventory.sarif"))!["runs"]![0]!;
        var results = run["results"]!.AsArray();
        var fingerprints = inventory.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("fingerprint").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(fingerprints, results.Select(r => (string?)r!["partialFingerprints"]![SarifReportWriter.FingerprintKey]).Order(StringComparer.Ordinal));

        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        Assert.Equal(
            results.Select(r => (string)r!["ruleId"]!).Distinct().Order(StringComparer.Ordinal),
            rules.Select(r => (string)r!["id"]!));
        Assert.All(rules, rule =>
        {
            Assert.Equal(RuleIdentifiers.GetHelpUri((string)rule!["id"]!), (string?)rule["helpUri"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)rule["shortDescription"]!["text"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)rule["fullDescription"]!["text"]));
        });
        Assert.Contains(rules, r => (string?)r!["id"] == RuleIdentifiers.SharedDataStore && (string?)r["name"] == nameof(RuleIdentifiers.SharedDataStore));
        Assert.All(results, r => Assert.Equal((int)r!["ruleIndex"]!, rules.Select(x => (string)x!["id"]!).ToList().IndexOf((string)r["ruleId"]!)));

        // Paths from the checkout's root (the sample sits in tests/sample of this repository), never absolute.
        var uris = results.Select(r => (string)r!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!).ToList();
        Assert.All(uris, uri => Assert.StartsWith("tests/sample/src/", uri, StringComparison.Ordinal));
        Assert.DoesNotContain(RepositoryPaths.Root, fixture.Run.Read("inventory.sarif"), StringComparison.Ordinal);

        // Facts are notes; the secrets and the shared-store warnings keep their level.
        Assert.Equal(
            inventory.GetProperty("findings").EnumerateArray().Count(f => f.GetProperty("severity").GetString() == "warning"),
            results.Count(r => (string?)r!["level"] == "warning"));
        Assert.All(results.Where(r => (string?)r!["properties"]!["kind"] == "secret"), r => Assert.Null(r!["locations"]![0]!["physicalLocation"]!["region"]!["snippet"]));
    }

    [Fact]
    public void AcceptedSecrets_ShouldBeSuppressedResults_WithTheirJustification()
    {
        var inventory = With(
            Inventory([Component("Crm")], [Finding("Crm", FindingKinds.HttpClient, "https://crm.example.com/api")]),
            accepted:
            [
                new AcceptedSecret("a1", "Crm", "src/Crm/appsettings.Development.json", 4, "Password", "local developer database") { RuleId = RuleIdentifiers.HardcodedCredential, Column = 7 },
                new AcceptedSecret("a2", "Crm", "src/Crm/Seed.cs", 12, "apiKey", "suppressed in the code ([SuppressMessage]: sandbox key)") { RuleId = RuleIdentifiers.HardcodedCredential, AcceptedBy = AcceptedSecret.SuppressedInCode },
            ]);

        var sarif = new SarifReportWriter().Render(inventory);

        AssertValid(sarif);
        var results = JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray();
        Assert.Equal(
            ["inSource accepted suppressed in the code ([SuppressMessage]: sandbox key)", "external accepted local developer database"],
            results.Where(r => r!["suppressions"] is not null).Select(r => $"{r!["suppressions"]![0]!["kind"]} {r["suppressions"]![0]!["status"]} {r["suppressions"]![0]!["justification"]}"));
        Assert.Contains("INV9001", JsonNode.Parse(sarif)!["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray().Select(r => (string?)r!["id"]));
    }

    [Fact]
    public void OmittedFacts_ShouldLeaveOnlyProblems_AndTheirRules()
    {
        var warning = Finding("Crm", FindingKinds.AntiPattern, "http://crm.example.com", line: 20, ruleId: RuleIdentifiers.PlainHttp, severity: "warning");
        var inventory = Inventory(
            [Component("Crm")],
            [Finding("Crm", FindingKinds.HttpClient, "http://crm.example.com/api", ruleId: RuleIdentifiers.HttpClientCall), warning]);

        var sarif = new SarifReportWriter(SarifFacts.Omit).Render(inventory);

        AssertValid(sarif);
        var run = JsonNode.Parse(sarif)!["runs"]![0]!;
        Assert.Equal([RuleIdentifiers.PlainHttp], run["results"]!.AsArray().Select(r => (string?)r!["ruleId"]));
        Assert.Equal([RuleIdentifiers.PlainHttp], run["tool"]!["driver"]!["rules"]!.AsArray().Select(r => (string?)r!["id"]));
        Assert.Equal("omit", (string?)run["properties"]!["sarifFacts"]);
    }

    [Fact]
    public void ScanRootBelowTheCheckout_ShouldPrefixEveryPath_AndEscapeIt()
    {
        var checkout = Directory.CreateTempSubdirectory("inventory-sarif-").FullName;
        Directory.CreateDirectory(Path.Combine(checkout, ".git"));
        var root = Directory.CreateDirectory(Path.Combine(checkout, "services", "My Estate")).FullName;
        var inventory = With(Inventory([Component("Crm")], [Finding("Crm", FindingKinds.HttpClient, "https://crm.example.com/api", path: "src/Crm Api/Client.cs")]), root: root);

        var sarif = new SarifReportWriter().Render(inventory);

        AssertValid(sarif);
        Assert.Equal("services/My Estate/", SarifReportWriter.RepositoryPrefix(root));
        var location = JsonNode.Parse(sarif)!["runs"]![0]!["results"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
        Assert.Equal(("services/My%20Estate/src/Crm%20Api/Client.cs", "SRCROOT"), ((string?)location["uri"], (string?)location["uriBaseId"]));
        Assert.DoesNotContain(checkout, sarif, StringComparison.Ordinal);
    }

    /// <summary>The inventory with another root (as the scan was given it) or accepted secrets.</summary>
    private static Inventory With(Inventory inventory, string? root = null, IReadOnlyList<AcceptedSecret>? accepted = null) => new()
    {
        Tool = inventory.Tool,
        Root = root ?? inventory.Root,
        Components = inventory.Components,
        Excluded = inventory.Excluded,
        Findings = inventory.Findings,
        Graph = inventory.Graph,
        Accepted = accepted ?? inventory.Accepted,
    };

    private static void AssertValid(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")).Take(10);
        Assert.True(result.IsValid, string.Join("\n", errors));
    }
}
