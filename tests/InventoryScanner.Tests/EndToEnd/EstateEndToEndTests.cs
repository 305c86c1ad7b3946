using System.Text.Json;

namespace InventoryScanner.Tests.EndToEnd;

/// <summary><c>inventory merge</c> on the command line: folders of inventories, named inputs, every report, the cache.</summary>
[Collection(ScannerCollection.Name)]
public sealed class EstateEndToEndTests(SampleScanFixture fixture)
{
    [Fact]
    public async Task MergeOfAFolderOfInventories_ShouldWriteTheEstatesReports_AndReuseUnchangedParts()
    {
        var inventories = Directory.CreateTempSubdirectory("inventory-estate-e2e-").FullName;
        foreach (var repository in new[] { "contoso-east", "contoso-west" })
        {
            Directory.CreateDirectory(Path.Combine(inventories, repository));
            // Two scans of one estate at two sites: the same code, each scan its own root.
            var text = fixture.Run.Read("inventory.json").Replace("\"root\": \"", $"\"root\": \"{repository}:", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(inventories, repository, "inventory.json"), text);
        }

        var output = Path.Combine(inventories, "estate");
        var first = await CliRun.RunAsync(output, ["merge", inventories, "-o", output, "--format", "json,html,md,sarif"]);
        var second = await CliRun.RunAsync(output, ["merge", inventories, "-o", output, "--format", "json"]);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("Merged 2 repositories (2 read, 0 unchanged)", first.Output, StringComparison.Ordinal);
        Assert.Contains("Merged 2 repositories (0 read, 2 unchanged)", second.Output, StringComparison.Ordinal);
        var estate = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "inventory.json"))).RootElement;
        var sample = JsonDocument.Parse(fixture.Run.Read("inventory.json")).RootElement;
        Assert.Equal(["contoso-east", "contoso-west"], estate.GetProperty("repositories").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(2 * sample.GetProperty("components").GetArrayLength(), estate.GetProperty("components").GetArrayLength());
        Assert.All(estate.GetProperty("components").EnumerateArray(), c => Assert.StartsWith(c.GetProperty("repository").GetString() + "/", c.GetProperty("name").GetString(), StringComparison.Ordinal));
        Assert.Contains("repository contoso-east", File.ReadAllText(Path.Combine(output, "report.html")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "inventory.sarif")));

        var missing = await CliRun.RunAsync(output, ["merge", Path.Combine(inventories, "nowhere")]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);
    }
}
