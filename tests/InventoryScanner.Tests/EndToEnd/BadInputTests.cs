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
        foreach (var (name, language) in new[] { ("VbLegacy", "VB.NET"), ("FsharpTool", "F#"), ("NativeBridge", "C++") })
        {
            Assert.Equal("failed", components[name].GetProperty("analysis").GetString());
            var reason = Assert.Single(components[name].GetProperty("messages").EnumerateArray()).GetString()!;
            Assert.StartsWith(language + " projects are not analysed: ", reason, StringComparison.Ordinal);
        }

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
    [InlineData(new[] { "scan", ".", "-v", "loud" }, "'loud' not recognized")]
    [InlineData(new[] { "scan", ".", "--max-parallel", "abc" }, "--max-parallel takes a whole number of 1 or more, not 'abc'")]
    [InlineData(new[] { "scan", ".", "--max-parallel", "0" }, "--max-parallel takes a whole number of 1 or more, not '0'")]
    [InlineData(new[] { "scan", ".", "--max-parallel", "-3" }, "--max-parallel takes a whole number of 1 or more, not '-3'")]
    [InlineData(new[] { "scan", ".", "--format", "json,pdf" }, "'pdf' is not a report format; use json, html, md")]
    public async Task UsageErrors_ShouldExitWithTwoAndOneClearLine(string[] arguments, string expected)
    {
        var outDirectory = Directory.CreateTempSubdirectory("inventory-e2e-").FullName;
        var rooted = arguments.Select(a => a is "." or "global.json" ? Path.Combine(RepositoryPaths.Root, a) : a).ToArray();

        var run = await CliRun.RunAsync(outDirectory, rooted);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", run.Error);

        // No .NET type names: 'InventoryScanner.Cli.Verbosity', 'System.Nullable`1[System.Int32]'.
        Assert.DoesNotContain("System.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("InventoryScanner.", run.Error, StringComparison.Ordinal);
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

        var run = await CliRun.ScanAsync(empty, "--format", "json,md");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("nothing", run.Error);
        Assert.Contains("no project files were found", run.Read("report.md"));

        // Only reports that were written are named: this run wrote no HTML.
        Assert.Contains($"see {Path.Combine(run.OutDirectory, "report.md")} for why", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("report.html", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutputPathThatIsAFile_ShouldExitWithTwoAndAClearMessage()
    {
        var file = Path.GetTempFileName();
        var run = await CliRun.RunAsync(file, ["scan", RepositoryPaths.BrokenFixture, "--no-restore", "--out", file, "-v", "detailed"]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: cannot write the reports to '{file}': it is a file", run.Error);

        // Checked before the scan starts, not after minutes of work.
        Assert.DoesNotContain("loading", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("analysing", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportThatCannotBeWritten_ShouldLeaveTheEarlierReportsWhole()
    {
        var outDirectory = Directory.CreateTempSubdirectory("inventory-e2e-").FullName;
        File.WriteAllText(Path.Combine(outDirectory, "inventory.json"), "{ \"earlier\": true }");
        Directory.CreateDirectory(Path.Combine(outDirectory, "report.md"));

        var run = await CliRun.RunAsync(outDirectory, ["scan", RepositoryPaths.BrokenFixture, "--no-restore", "--out", outDirectory, "-v", "quiet"]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: cannot write the reports to", run.Error);
        Assert.Equal("{ \"earlier\": true }", File.ReadAllText(Path.Combine(outDirectory, "inventory.json")));
        Assert.False(File.Exists(Path.Combine(outDirectory, "report.html")));
        Assert.Empty(Directory.EnumerateFiles(outDirectory, "*.tmp"));
    }

    [Fact]
    public async Task MalformedSlnx_ShouldScanTheFolderInsteadAndSaySo()
    {
        var folder = Directory.CreateTempSubdirectory("inventory-slnx-").FullName;
        FixtureCopy.WithoutBuildOutput(Path.Combine(RepositoryPaths.BrokenFixture, "Good"), Path.Combine(folder, "Good"));
        File.WriteAllText(Path.Combine(folder, "Estate.slnx"), "<Solution><Project Path=\"Good/Good.csproj\"></Solution");

        var run = await CliRun.ScanAsync(Path.Combine(folder, "Estate.slnx"), "--no-restore", "-v", "quiet");

        Assert.True(run.ExitCode == 0, run.Error);
        var inventory = JsonDocument.Parse(run.Read("inventory.json")).RootElement;
        Assert.Contains(inventory.GetProperty("messages").EnumerateArray(), m => m.GetString()!.StartsWith("solution 'Estate.slnx' could not be read", StringComparison.Ordinal));
        Assert.Equal("Good", Assert.Single(inventory.GetProperty("components").EnumerateArray()).GetProperty("name").GetString());
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task CtrlC_ShouldStopTheScanCleanly_WithExitCode130_AndNoReport()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // SIGINT is sent with kill(1); Windows has no equivalent for a console child process.
        }

        var outDirectory = Path.Combine(Directory.CreateTempSubdirectory("inventory-e2e-").FullName, "out");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "inventory.dll"), "scan", RepositoryPaths.Sample, "--out", outDirectory, "-v", "detailed" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = new System.Text.StringBuilder();
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            error.AppendLine(line);
            if (line.StartsWith("restoring", StringComparison.Ordinal) || line.StartsWith("loading", StringComparison.Ordinal))
            {
                break; // the scan is under way: the command line's Ctrl+C handler is in place
            }
        }

        // The runtime installs its signal handling on a thread of its own just after start-up; a person's Ctrl+C comes later.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        error.Append(await process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        await output;

        Assert.Equal(130, process.ExitCode);
        Assert.Contains("cancelled; no report was written", error.ToString());
        Assert.DoesNotContain("   at ", error.ToString());
        Assert.False(File.Exists(Path.Combine(outDirectory, "inventory.json")));
    }

    [Fact]
    public async Task Quiet_ShouldPrintNothingButErrors()
    {
        var run = await CliRun.ScanAsync(RepositoryPaths.BrokenFixture, "--no-restore", "--quiet");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void LiveProgress_ShouldBeLeftToTerminals()
    {
        Assert.False(InventoryScanner.Cli.LiveProgress.IsInteractive(new StringWriter()));
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
        Assert.Contains("53 finding(s)", output);
        Assert.True(File.Exists(Path.Combine(outDirectory, "report.html")));
    }
}
