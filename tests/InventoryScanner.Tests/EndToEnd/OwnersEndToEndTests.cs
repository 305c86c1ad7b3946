using System.Text.Json;
using System.Text.Json.Nodes;

namespace InventoryScanner.Tests.EndToEnd;

/// <summary>Owners from a repository's CODEOWNERS on components and findings, in every output, and as a diff filter.</summary>
[Collection(ScannerCollection.Name)]
public sealed class OwnersEndToEndTests
{
    [Fact]
    public async Task CodeOwners_ShouldOwnComponentsAndFindings_InEveryOutput_AndFilterADiff()
    {
        var repository = Directory.CreateTempSubdirectory("inventory-owners-e2e-").FullName;
        var sample = Path.Combine(repository, "estate");
        FixtureCopy.WithoutBuildOutput(Path.GetDirectoryName(RepositoryPaths.Sample)!, sample);
        Directory.CreateDirectory(Path.Combine(repository, ".git"));
        Directory.CreateDirectory(Path.Combine(repository, ".github"));
        File.WriteAllText(Path.Combine(repository, ".github", "CODEOWNERS"), """
            *                          @contoso/architects
            /estate/src/Billing.Worker/ @contoso/payments
            """);

        var scan = await CliRun.ScanAsync(Path.Combine(sample, Path.GetFileName(RepositoryPaths.Sample)), "--no-restore", "-q", "--format", "json,sarif,md,html");

        Assert.Equal(0, scan.ExitCode);
        var inventory = JsonDocument.Parse(scan.Read("inventory.json")).RootElement;
        Assert.Equal(".github/CODEOWNERS", inventory.GetProperty("ownersFile").GetString());
        var billing = inventory.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Billing.Worker");
        Assert.Equal(["@contoso/payments"], billing.GetProperty("owners").EnumerateArray().Select(o => o.GetString()));
        Assert.All(
            inventory.GetProperty("findings").EnumerateArray(),
            f => Assert.Equal(
                f.GetProperty("path").GetString()!.StartsWith("src/Billing.Worker/", StringComparison.Ordinal) ? "@contoso/payments" : "@contoso/architects",
                f.GetProperty("owners").EnumerateArray().Single().GetString()));
        var results = JsonNode.Parse(scan.Read("inventory.sarif"))!["runs"]![0]!["results"]!.AsArray();
        Assert.Contains(results, r => r!["properties"]!["owners"]!.AsArray().Select(o => (string?)o).SequenceEqual(["@contoso/payments"]));
        Assert.Contains("owners: @contoso/payments", scan.Read("report.md"), StringComparison.Ordinal);
        Assert.Contains("owners: @contoso/payments", scan.Read("report.html"), StringComparison.Ordinal);

        // A diff of an empty baseline and this scan, for the payments team only: Billing.Worker's findings.
        var empty = Path.Combine(repository, "empty.json");
        File.WriteAllText(empty, """{ "kind": "inventory-baseline", "version": 1, "findings": [] }""");
        var diff = await CliRun.RunAsync(repository, ["diff", empty, Path.Combine(scan.OutDirectory, "inventory.json"), "--owner", "@Contoso/Payments", "--format", "json"]);
        var added = JsonDocument.Parse(diff.Output).RootElement.GetProperty("added").EnumerateArray().ToList();
        Assert.NotEmpty(added);
        Assert.All(added, f => Assert.Equal("Billing.Worker", f.GetProperty("component").GetString()));
    }
}
