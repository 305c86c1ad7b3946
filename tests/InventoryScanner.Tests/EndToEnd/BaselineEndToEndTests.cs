using System.Text.Json;
using System.Text.Json.Nodes;

namespace InventoryScanner.Tests.EndToEnd;

/// <summary>
/// A team's baseline in CI: <c>inventory baseline</c>, then a change that shifts lines and adds one secret, then
/// <c>scan --baseline --fail-on new</c> and <c>inventory diff</c>: the secret is the one new finding, everywhere.
/// </summary>
[Collection(ScannerCollection.Name)]
public sealed class BaselineEndToEndTests
{
    private const string AddedSecret = "Ledger!2026-rotated";

    [Fact]
    public async Task ScanAfterAChange_ShouldFindOnlyTheAddedSecretNew_InEveryOutput_AndFailOnItAlone()
    {
        var copy = Directory.CreateTempSubdirectory("inventory-baseline-e2e-").FullName;
        FixtureCopy.WithoutBuildOutput(Path.GetDirectoryName(RepositoryPaths.Sample)!, copy);
        var solution = Path.Combine(copy, Path.GetFileName(RepositoryPaths.Sample));
        var baselineFolder = Path.Combine(copy, ".inventory");

        var baseline = await CliRun.RunAsync(baselineFolder, ["baseline", solution, "--no-restore", "-q", "--out", baselineFolder]);
        Assert.True(baseline.ExitCode == 0, baseline.Error);
        var baselineFile = Path.Combine(baselineFolder, "inventory.baseline.json");
        Assert.DoesNotContain(copy, File.ReadAllText(baselineFile), StringComparison.Ordinal);

        // The change: lines inserted above every finding of a file, and one more credential in it.
        var worker = Path.Combine(copy, "src", "Billing.Worker", "BillingWorker.cs");
        var text = File.ReadAllText(worker);
        text = text.Replace("namespace Contoso.Billing;\n", "namespace Contoso.Billing;\n\n// Inserted lines shift every finding below.\n// And another.\n\n", StringComparison.Ordinal);
        text = text.Replace("    private static readonly HttpClient Payments", $"    private const string LedgerPassword = \"{AddedSecret}\";\n\n    private static readonly HttpClient Payments", StringComparison.Ordinal);
        File.WriteAllText(worker, text);

        var scan = await CliRun.ScanAsync(solution, "--no-restore", "--baseline", baselineFile, "--fail-on", "new", "--format", "json,sarif,md,html");

        Assert.Equal(1, scan.ExitCode);
        var inventory = JsonDocument.Parse(scan.Read("inventory.json")).RootElement;
        var fresh = inventory.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("baseline").GetString() == "new").ToList();
        var secret = Assert.Single(fresh);
        Assert.Equal(("secret", "LedgerPassword"), (secret.GetProperty("kind").GetString(), secret.GetProperty("target").GetString()));
        Assert.All(inventory.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("baseline").GetString() != "new"), f => Assert.Equal("known", f.GetProperty("baseline").GetString()));
        Assert.Equal(0, inventory.GetProperty("baseline").GetProperty("gone").GetInt32());

        // Standard error lists the one finding that failed the scan, as new, without its value.
        Assert.Contains("1 finding(s) matching --fail-on 'new':", scan.Error, StringComparison.Ordinal);
        Assert.Single(scan.Error.Split('\n'), line => line.EndsWith("(new)", StringComparison.Ordinal));

        var results = JsonNode.Parse(scan.Read("inventory.sarif"))!["runs"]![0]!["results"]!.AsArray();
        Assert.Equal(1, results.Count(r => (string?)r!["baselineState"] == "new"));
        Assert.All(results.Where(r => (string?)r!["baselineState"] != "new"), r => Assert.Equal("unchanged", (string?)r!["baselineState"]));
        Assert.Contains("**1 new**", scan.Read("report.md"), StringComparison.Ordinal);
        Assert.Contains("<section id=\"baseline\">", scan.Read("report.html"), StringComparison.Ordinal);
        foreach (var (name, output) in scan.AllOutputs())
        {
            Assert.False(output.Contains(AddedSecret, StringComparison.Ordinal), $"{name} holds the added secret");
        }

        // Only new secrets fail it: a new HTTP call would, this change has none.
        var calls = await CliRun.ScanAsync(solution, "--no-restore", "-q", "--baseline", baselineFile, "--fail-on", "new:http-client", "--format", "json");
        Assert.Equal(0, calls.ExitCode);

        // The diff of the baseline and the scan says the same, in each format.
        var diffFolder = Directory.CreateTempSubdirectory("inventory-diff-").FullName;
        var diff = await CliRun.RunAsync(diffFolder, ["diff", baselineFile, Path.Combine(scan.OutDirectory, "inventory.json")]);
        Assert.Equal(0, diff.ExitCode);
        Assert.StartsWith("1 added, 0 removed, 0 changed", diff.Output, StringComparison.Ordinal);
        Assert.Contains("+ Billing.Worker src/Billing.Worker/BillingWorker.cs:", diff.Output, StringComparison.Ordinal);
        var json = await CliRun.RunAsync(diffFolder, ["diff", baselineFile, Path.Combine(scan.OutDirectory, "inventory.json"), "--format", "json"]);
        var document = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal((1, 0, 0), (document.GetProperty("added").GetArrayLength(), document.GetProperty("removed").GetArrayLength(), document.GetProperty("changed").GetArrayLength()));
        var markdown = await CliRun.RunAsync(diffFolder, ["diff", baselineFile, Path.Combine(scan.OutDirectory, "inventory.json"), "--format", "md", "-o", Path.Combine(diffFolder, "comment.md")]);
        Assert.Equal(0, markdown.ExitCode);
        Assert.Contains("#### Added (1)", File.ReadAllText(Path.Combine(diffFolder, "comment.md")), StringComparison.Ordinal);
        foreach (var output in new[] { diff.Output, json.Output, File.ReadAllText(Path.Combine(diffFolder, "comment.md")) })
        {
            Assert.DoesNotContain(AddedSecret, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--fail-on new:secret", null, "--baseline")]
    [InlineData("--baseline {0}", """{ "kind": "inventory-baseline", "version": 9, "findings": [] }""", "newer InventoryScanner")]
    public async Task BaselineThatCannotBeUsed_ShouldBeAUsageError_BeforeAnyScan(string arguments, string? baseline, string message)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("inventory-baseline-").FullName, "inventory.baseline.json");
        if (baseline is not null)
        {
            File.WriteAllText(file, baseline);
        }

        var run = await CliRun.ScanAsync([RepositoryPaths.Sample, "--no-restore", .. string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments, file).Split(' ')]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(run.OutDirectory, "inventory.json")));
    }

    [Fact]
    public async Task EmptyBaselineFile_ShouldMakeEverythingNew()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("inventory-baseline-").FullName, "empty.json");
        File.WriteAllText(file, string.Empty);

        var run = await CliRun.ScanAsync(RepositoryPaths.Sample, "--no-restore", "-q", "--baseline", file, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var inventory = JsonDocument.Parse(run.Read("inventory.json")).RootElement;
        Assert.All(inventory.GetProperty("findings").EnumerateArray(), f => Assert.Equal("new", f.GetProperty("baseline").GetString()));
        Assert.Equal(0, inventory.GetProperty("baseline").GetProperty("known").GetInt32());
    }

    [Fact]
    public async Task ScansWithAHistory_ShouldBeRecorded_AndTrendAndTheReportShowThem()
    {
        var store = Path.Combine(Directory.CreateTempSubdirectory("inventory-history-e2e-").FullName, "history.db");
        var first = await CliRun.ScanAsync(RepositoryPaths.Sample, "--no-restore", "-q", "--format", "json", "--history", store);
        var second = await CliRun.ScanAsync(RepositoryPaths.Sample, "--no-restore", "-q", "--format", "html,md", "--history", store);
        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));

        var trend = await CliRun.RunAsync(Path.GetDirectoryName(store)!, ["trend", "--history", store, "--format", "json"]);
        Assert.Equal(0, trend.ExitCode);
        var scans = JsonDocument.Parse(trend.Output).RootElement.GetProperty("scans").EnumerateArray().ToList();
        Assert.Equal(2, scans.Count);
        var findings = JsonDocument.Parse(first.Read("inventory.json")).RootElement.GetProperty("findings").GetArrayLength();
        Assert.All(scans, s => Assert.Equal(findings, s.GetProperty("findings").GetInt32()));
        Assert.Contains("<section id=\"trend\">", second.Read("report.html"), StringComparison.Ordinal);
        Assert.Contains("<polyline", second.Read("report.html"), StringComparison.Ordinal);

        var missing = await CliRun.RunAsync(Path.GetDirectoryName(store)!, ["trend", "--history", store + ".missing"]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--history", missing.Error, StringComparison.Ordinal);
    }
}
