using InventoryScanner.Analyzers;
using InventoryScanner.Core.Analysis;
using InventoryScanner.Core.Baseline;
using InventoryScanner.Core.Model;
using static InventoryScanner.Tests.Builders;

namespace InventoryScanner.Tests.Core;

/// <summary>The baseline file, the diff of two scans, and <c>--fail-on</c>'s conditions.</summary>
public sealed class BaselineTests
{
    private static SnapshotFinding Found(string fingerprint, string component = "Orders", string path = "src/Orders/Client.cs", int line = 10, string target = "https://crm.example.com", string rule = "INV1001", string kind = "http-client", string severity = "hidden", string? resilience = null, string[]? messaging = null) =>
        new(fingerprint, rule, kind, "System.Net.Http", component, path, line, target, severity, resilience, messaging ?? []);

    private static Snapshot Scan(params SnapshotFinding[] findings) => new(findings, new Dictionary<string, int>(), new Dictionary<string, int>(), null, null);

    [Fact]
    public void BaselineFile_ShouldBeSortedWithoutLinesTimestampsOrAbsolutePaths_AndTheSameWhateverTheOrder()
    {
        var findings = new[]
        {
            Found("b2", component: "Billing", path: "src/Billing/Worker.cs", line: 40),
            Found("a1", line: 12, resilience: "AddStandardResilienceHandler"),
            Found("c3", component: "Billing", path: "src/Billing/Api.cs", line: 7, rule: "INV9001", kind: "secret", target: "password", severity: "warning"),
        };
        var maturity = new Dictionary<string, int> { ["Orders"] = 2, ["Billing"] = 1 };
        var one = BaselineFile.Write(new Snapshot(findings, maturity, new Dictionary<string, int> { ["Orders"] = 30 }, 1, 42));
        var other = BaselineFile.Write(new Snapshot([.. findings.Reverse().Select(f => f with { Line = f.Line + 5 })], maturity.Reverse().ToDictionary(), new Dictionary<string, int> { ["Orders"] = 30 }, 1, 42));

        Assert.Equal(one, other);
        Assert.DoesNotContain("\"line\"", one, StringComparison.Ordinal);
        Assert.DoesNotContain("scannedAt", one, StringComparison.Ordinal);
        Assert.DoesNotContain(Environment.MachineName, one, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), one, StringComparison.Ordinal);
        var lines = one.Split('\n');
        Assert.Equal(["c3", "b2", "a1"], lines.Where(l => l.Contains("\"fingerprint\"", StringComparison.Ordinal)).Select(l => l.Split("\"fingerprint\":\"")[1][..2]));

        var file = Path.Combine(Directory.CreateTempSubdirectory("inventory-baseline-").FullName, BaselineFile.FileName);
        File.WriteAllText(file, one);
        var read = Snapshot.Read(file);
        Assert.Equal(findings.Select(f => f with { Line = 0 }).OrderBy(f => f.Fingerprint), read.Findings.OrderBy(f => f.Fingerprint), new SnapshotFindingComparer());
        Assert.Equal((1, 42, 2), (read.EstateMaturity, read.EstateSprawl, read.Maturity["Orders"]));
    }

    [Theory]
    [InlineData("""{ "kind": "inventory-baseline", "version": 2, "findings": [] }""", "written by a newer InventoryScanner")]
    [InlineData("""{ "kind": "inventory-baseline", "version": 0, "findings": [] }""", "no longer reads")]
    [InlineData("""{ "kind": "inventory-baseline", "findings": [] }""", "without a version")]
    [InlineData("""{ "schemaVersion": 7, "findings": [] }""", "schema version 7")]
    [InlineData("""{ "results": [] }""", "not an inventory.json or a baseline")]
    [InlineData("""[1, 2]""", "not a JSON object")]
    [InlineData("""{ "kind": """, "cannot be read")]
    public void BaselineOfAnotherVersionOrNoBaselineAtAll_ShouldBeRefusedWithAClearMessage(string text, string message)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("inventory-baseline-").FullName, "old.json");
        File.WriteAllText(file, text);

        var exception = Assert.Throws<SnapshotException>(() => Snapshot.Read(file));
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
        Assert.Contains(file, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LineShifts_ShouldBeNoChange()
    {
        var diff = InventoryDiff.Compare(Scan(Found("a1", line: 10), Found("b2", line: 20)), Scan(Found("a1", line: 14), Found("b2", line: 31)));

        Assert.True(diff.IsEmpty);
    }

    [Fact]
    public void Diff_ShouldListAddedRemovedAndWhatChangedUnderAFingerprint()
    {
        var before = new Snapshot(
            [
                Found("a1", target: "https://crm.example.com/v1"),
                Found("b2", path: "src/Orders/Other.cs"),
                Found("c3", path: "src/Orders/Pay.cs", target: "https://pay.example.com"),
                Found("d4", path: "src/Orders/Consumer.cs", rule: "INV2002", kind: "queue-consume", target: "queue:orders", messaging: ["deadLetter=none found", "errorHandling=none"]),
            ],
            new Dictionary<string, int> { ["Orders"] = 1 },
            new Dictionary<string, int> { ["Orders"] = 60 },
            1,
            60);
        var after = new Snapshot(
            [
                Found("a9", target: "https://crm.example.com/v2"),
                Found("c3", path: "src/Orders/Pay.cs", target: "https://pay.example.com", resilience: "AddStandardResilienceHandler"),
                Found("d4", path: "src/Orders/Consumer.cs", rule: "INV2002", kind: "queue-consume", target: "queue:orders", messaging: ["deadLetter=configured", "errorHandling=none"]),
                Found("e5", component: "Billing", path: "src/Billing/Api.cs", rule: "INV9001", kind: "secret", target: "password", severity: "warning"),
            ],
            new Dictionary<string, int> { ["Orders"] = 2, ["Billing"] = 1 },
            new Dictionary<string, int> { ["Orders"] = 45 },
            1,
            45);

        var diff = InventoryDiff.Compare(before, after);

        Assert.Equal(["e5"], diff.Added.Select(f => f.Fingerprint));
        Assert.Equal(["b2"], diff.Removed.Select(f => f.Fingerprint));
        Assert.Equal(
            [
                "target a9: https://crm.example.com/v1 → https://crm.example.com/v2",
                "messaging d4: deadLetter=none found → deadLetter=configured",
                "resilience c3: none → AddStandardResilienceHandler",
            ],
            diff.Changed.Select(c => $"{c.What} {c.Finding.Fingerprint}: {c.Before} → {c.After}"));
        Assert.Equal(["Billing: → 1", "Orders: 1 → 2"], diff.Maturity.Select(m => $"{m.Component}: {m.Before}{(m.Before is null ? "" : " ")}→ {m.After}"));
        Assert.Equal(["(estate): 60 → 45", "Orders: 60 → 45"], diff.Sprawl.Select(m => $"{m.Component}: {m.Before} → {m.After}"));
    }

    [Fact]
    public void FingerprintsOfAFindingThatMovedFileInItsSymbol_OrOfReorderedProjects_ShouldNotChange()
    {
        Finding Call(string path, int line) => Finding("Orders", FindingKinds.HttpClient, "https://crm.example.com", path: path, line: line, symbol: "M:Orders.CrmClient.Get");

        // A partial class split across files, a renamed file: the containing symbol is the identity, not the path.
        Assert.Equal(FindingFactory.FingerprintOf(Call("src/Orders/CrmClient.cs", 10)), FindingFactory.FingerprintOf(Call("src/Orders/CrmClient.Http.cs", 3)));

        var first = new[] { Call("src/Orders/A.cs", 10), Call("src/Orders/A.cs", 20), Finding("Billing", FindingKinds.HttpClient, "https://pay.example.com", path: "src/Billing/B.cs") };
        var second = new[] { first[2], first[1], first[0] }.Select(f => Finding(f.Component, f.Kind, f.Target, path: f.Path, line: f.Line, symbol: f.Symbol)).ToArray();
        FindingFactory.AssignFingerprints(first);
        FindingFactory.AssignFingerprints(second);
        Assert.Equal(first.Select(f => f.Fingerprint).Order(StringComparer.Ordinal), second.Select(f => f.Fingerprint).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EmptyBaseline_ShouldMakeEverythingNew()
    {
        var inventory = Inventory([Component("Orders")], [Finding("Orders", FindingKinds.HttpClient, "https://crm.example.com"), Finding("Orders", FindingKinds.HttpClient, "https://pay.example.com", line: 20)]);

        var summary = BaselineComparison.Apply(inventory, Snapshot.Empty, "empty.json");

        Assert.Equal(new BaselineSummary("empty.json", 2, 0, 0), summary);
        Assert.All(inventory.Findings, f => Assert.Equal(BaselineComparison.New, f.Baseline));
    }

    [Theory]
    [InlineData("warning", false, "INV9001 INV4005")]
    [InlineData("new", true, "INV9001 INV1001")]
    [InlineData("new:secret", true, "INV9001")]
    [InlineData("new:warning", true, "INV9001")]
    [InlineData("new:http-client,error", true, "INV1001")]
    public void FailOnConditions_ShouldPickTheirFindings(string text, bool needsBaseline, string failing)
    {
        var secret = Marked(Finding("Orders", FindingKinds.Secret, "password", ruleId: "INV9001", line: 5, severity: "warning"), BaselineComparison.New);
        var shared = Marked(Finding("Orders", FindingKinds.AntiPattern, "postgres:orders", ruleId: "INV4005", line: 6, severity: "warning"), BaselineComparison.Known);
        var call = Marked(Finding("Orders", FindingKinds.HttpClient, "https://crm.example.com", ruleId: "INV1001", line: 7), BaselineComparison.New);
        var testDouble = Marked(Finding("Orders.Tests", FindingKinds.Secret, "password", ruleId: "INV9001", line: 8, severity: "warning"), BaselineComparison.New);
        testDouble.Details = new Dictionary<string, string> { [TestScope.Key] = TestScope.Test };

        var failOn = FailOn.Parse(text, out var problem);

        Assert.Null(problem);
        Assert.Equal(needsBaseline, failOn.NeedsBaseline);
        Assert.Equal(failing, string.Join(' ', failOn.Failing([secret, shared, call, testDouble]).Select(f => f.RuleId)));
    }

    [Theory]
    [InlineData("new:nonsense")]
    [InlineData("loud")]
    [InlineData(",")]
    public void FailOnConditionThatIsNone_ShouldSayWhatIs(string text)
    {
        FailOn.Parse(text, out var problem);

        Assert.NotNull(problem);
    }

    private static Finding Marked(Finding finding, string baseline)
    {
        finding.Baseline = baseline;
        return finding;
    }

    private sealed class SnapshotFindingComparer : IEqualityComparer<SnapshotFinding>
    {
        public bool Equals(SnapshotFinding? x, SnapshotFinding? y) =>
            x is not null && y is not null && x with { Messaging = [] } == y with { Messaging = [] } && x.Messaging.SequenceEqual(y.Messaging);

        public int GetHashCode(SnapshotFinding obj) => obj.Fingerprint.GetHashCode(StringComparison.Ordinal);
    }
}
