using System.Diagnostics;
using System.Text.Json;

namespace InventoryScanner.Tests.EndToEnd;

[Collection(ScannerCollection.Name)]
public sealed class BadInputTests
{
    [Fact]
    public async Task FolderWithBrokenProjects_ShouldAnalyseWhatItCanAndSayWhatItCouldNot()
    {
        var run = await CliRun.ScanAsync(RepositoryPaths.BrokenFixture);

        Assert.True(run.ExitCode == 0, run.Error);
        var inventory = JsonDocument.Parse(run.Read("inventory.json")).RootElement;
        var components = inventory.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal("semantic", components["Good"].GetProperty("analysis").GetString());
        Assert.Contains(components["Good"].GetProperty("messages").EnumerateArray(), m => m.GetString() == "Good/appsettings.json could not be read (expected ',' or '}' (line 3)); its values and secrets are not in the inventory");
        Assert.Equal("syntax", components["Malformed"].GetProperty("analysis").GetString());
        Assert.Contains(components["Malformed"].GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("not valid XML", StringComparison.Ordinal));
        Assert.Equal("failed", components["VbLegacy"].GetProperty("analysis").GetString());
        Assert.Contains(components["VbLegacy"].GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("VB.NET", StringComparison.Ordinal));

        var findings = inventory.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("component").GetString()} {f.GetProperty("kind").GetString()} {f.GetProperty("target").GetString()} {f.GetProperty("confidence").GetString()}")
            .ToList();
        Assert.Equal(
            [
                "Good http-client https://status.example.org/ping high",
                "Good anti-pattern https://status.example.org/ping high",
                "Malformed http-client https://gateway.partner.example/v1/forward high",
                "Malformed anti-pattern https://gateway.partner.example/v1/forward high",
                "Malformed queue-publish exchange:partner low",
            ],
            findings);
    }

    [Theory]
    [InlineData(new string[0], "Required command was not provided")]
    [InlineData(new[] { "scan" }, "Required argument missing")]
    [InlineData(new[] { "scan", "/no/such/path.sln" }, "does not exist")]
    [InlineData(new[] { "scan", ".", "--fail-on", "sometimes" }, "sometimes")]
    [InlineData(new[] { "scan", "global.json" }, "is not a .sln, .slnx or .csproj file")]
    public async Task UsageErrors_ShouldExitWithTwoAndOneClearLine(string[] arguments, string expected)
    {
        var outDirectory = Directory.CreateTempSubdirectory("inventory-e2e-").FullName;
        var rooted = arguments.Select(a => a is "." or "global.json" ? Path.Combine(RepositoryPaths.Root, a) : a).ToArray();

        var run = await CliRun.RunAsync(outDirectory, rooted);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task SolutionListingAMissingProject_ShouldScanTheRestAndNameTheMissingOne()
    {
        var run = await CliRun.ScanAsync(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "Solutions", "MissingProject.sln"), "-v", "quiet");

        Assert.Equal(0, run.ExitCode);
        var inventory = JsonDocument.Parse(run.Read("inventory.json")).RootElement;
        Assert.Contains(inventory.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("Gone.csproj', which does not exist", StringComparison.Ordinal));
        var component = Assert.Single(inventory.GetProperty("components").EnumerateArray());
        Assert.Equal("Good", component.GetProperty("name").GetString());
        Assert.Equal("../Broken/Good/Good.csproj", component.GetProperty("project").GetString());
    }

    [Fact]
    public async Task MalformedSolution_ShouldSayItCouldNotBeReadAndExitWithThree()
    {
        var run = await CliRun.ScanAsync(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "Solutions", "Malformed.sln"), "-v", "quiet");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("solution 'Malformed.sln' could not be read", run.Read("report.md"));
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task FolderWithoutProjects_ShouldExitWithThree()
    {
        var empty = Directory.CreateTempSubdirectory("inventory-empty-").FullName;
        File.WriteAllText(Path.Combine(empty, "notes.txt"), "no code here");

        var run = await CliRun.ScanAsync(empty);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("nothing", run.Error);
        Assert.Contains("no project files were found", run.Read("report.md"));
    }

    [Fact]
    public async Task OutputPathThatIsAFile_ShouldExitWithTwoAndAClearMessage()
    {
        var file = Path.GetTempFileName();
        var run = await CliRun.RunAsync(file, ["scan", RepositoryPaths.BrokenFixture, "--no-restore", "--out", file, "-v", "quiet"]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: cannot write the reports to", run.Error);
    }

    [Fact]
    public async Task InstalledCommand_ShouldScanTheSampleOutOfProcess()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "inventory.dll");
        var outDirectory = Directory.CreateTempSubdirectory("inventory-e2e-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { cli, "scan", RepositoryPaths.Sample, "--no-restore", "--out", outDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, error);
        Assert.Contains("44 finding(s)", output);
        Assert.True(File.Exists(Path.Combine(outDirectory, "report.html")));
    }
}
