using System.Text.Json;
using InventoryScanner.Workspace;

namespace InventoryScanner.Tests.EndToEnd;

/// <summary><c>.inventory-settings.json</c> at the scan root: globs that include and exclude, and option defaults (issue 14).</summary>
[Collection(ScannerCollection.Name)]
public sealed class SettingsFileTests
{
    [Fact]
    public async Task Settings_ShouldLeaveOutWhatTheyExclude_AndGiveTheDefaultsTheCommandLineDoesNot()
    {
        var repository = FixtureCopy.Repository(
            (ScanSettings.FileName, """
                {
                  // a team's scan of its own estate: samples are not production code
                  "exclude": ["samples/**", "deploy/staging/**"],
                  "options": { "format": ["json", "md"], "failOn": "error", "verbosity": "quiet" }
                }
                """),
            ("src/Api/Api.csproj", FixtureCopy.Project),
            ("src/Api/Partner.cs", FixtureCopy.PartnerClient("api.partner.example")),
            ("src/Api/appsettings.json", """{ "Partner": { "Url": "https://api.partner.example" } }"""),
            ("samples/Demo/Demo.csproj", FixtureCopy.Project),
            ("samples/Demo/Partner.cs", FixtureCopy.PartnerClient("demo.partner.example")),
            ("deploy/staging/.env", "DB_PASSWORD=q9Zr4Lm2Xv7Kp3Wt\n"),
            ("deploy/prod/.env", "DB_PASSWORD=Zx8Vb2Nm4Lk6Jh9G\n"));

        var run = await CliRun.ScanAsync(repository);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(File.Exists(Path.Combine(run.OutDirectory, "report.md")));
        Assert.False(File.Exists(Path.Combine(run.OutDirectory, "report.html")));
        Assert.Equal(string.Empty, run.Error);
        var inventory = JsonDocument.Parse(run.Read("inventory.json")).RootElement;
        Assert.Equal(["Api", "(repository files)"], inventory.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order(StringComparer.Ordinal).Reverse());
        var excluded = Assert.Single(inventory.GetProperty("excluded").EnumerateArray());
        Assert.Equal("samples/Demo/Demo.csproj", excluded.GetProperty("project").GetString());
        Assert.Equal("left out by .inventory-settings.json (exclude: samples/**)", excluded.GetProperty("reason").GetString());
        var paths = inventory.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["deploy/prod/.env", "src/Api/Partner.cs"], paths);

        // The command line still wins over the settings file.
        var html = await CliRun.ScanAsync(repository, "--format", "html", "--no-restore");
        Assert.True(File.Exists(Path.Combine(html.OutDirectory, "report.html")));
        Assert.False(File.Exists(Path.Combine(html.OutDirectory, "inventory.json")));
    }

    [Fact]
    public async Task InvalidSettings_ShouldBeIgnoredWithAClearWarning_AndTheScanShouldGoOn()
    {
        var repository = FixtureCopy.Repository(
            (ScanSettings.FileName, """{ "exclude": "samples/**", "options": { "maxParallel": 0, "colour": true } }"""),
            ("src/Api/Api.csproj", FixtureCopy.Project),
            ("src/Api/Partner.cs", FixtureCopy.PartnerClient("api.partner.example")));

        var run = await CliRun.ScanAsync(repository, "--no-restore", "-v", "minimal");

        Assert.True(run.ExitCode == 0, run.Error);
        const string Expected = ".inventory-settings.json is not valid (/exclude: Value is \"string\" but should be \"array\"; /options/maxParallel: 0 should be at least 1; /options/colour: not a known setting); it was ignored and the scan used the defaults";
        Assert.Contains("warning: " + Expected, run.Error, StringComparison.Ordinal);
        Assert.Contains(JsonDocument.Parse(run.Read("inventory.json")).RootElement.GetProperty("messages").EnumerateArray(), m => m.GetString() == Expected);
        Assert.Contains("api.partner.example", run.Read("inventory.json"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("src/Api/Api.csproj", null)]
    [InlineData("src/samples/Demo/Demo.csproj", "exclude: **/samples/**")]
    [InlineData("tools/Bench/Bench.Benchmarks.csproj", "exclude: **/*.Benchmarks.csproj")]
    [InlineData("legacy/Old/Old.csproj", "include: src/**, tools/**")]
    public void ExcludedBy_ShouldApplyIncludeThenExclude(string path, string? expected)
    {
        var settings = new ScanSettings { Include = ["src/**", "tools/**"], Exclude = ["**/samples/**", "**/*.Benchmarks.csproj"] };
        var root = Path.Combine(Path.GetTempPath(), "repo");

        Assert.Equal(expected, settings.ExcludedBy(root, Path.Combine(root, path)));
    }

    [Fact]
    public void ExcludedBy_ShouldKeepAProjectsOwnFiles_UnlessExcluded()
    {
        var settings = new ScanSettings { Include = ["src/Api/Api.csproj"], Exclude = ["**/appsettings.Development.json"] };
        var root = Path.Combine(Path.GetTempPath(), "repo");

        Assert.Null(settings.ExcludedBy(root, Path.Combine(root, "src/Api/appsettings.json"), byInclude: false));
        Assert.NotNull(settings.ExcludedBy(root, Path.Combine(root, "src/Api/appsettings.Development.json"), byInclude: false));
        Assert.NotNull(settings.ExcludedBy(root, Path.Combine(root, "docker-compose.yml")));
    }
}

/// <summary>The settings file's assessment section: rate, hours, pins and manual hours reach the priorities, effort and ROI.</summary>
[Collection(ScannerCollection.Name)]
public sealed class AssessmentSettingsTests
{
    [Fact]
    public async Task AssessmentSettings_ShouldSetTheRateHoursPinsAndTheRoi()
    {
        var repository = FixtureCopy.Repository(
            (ScanSettings.FileName, """
                {
                  "assessment": {
                    "hourlyRate": 150, "currency": "USD",
                    "hoursPerSite": { "R1": 3 },
                    "manualHoursPerWeek": { "Api": 2 },
                    "pin": ["Api:M1"]
                  }
                }
                """),
            ("src/Api/Api.csproj", FixtureCopy.Project),
            ("src/Api/Partner.cs", FixtureCopy.PartnerClient("api.partner.example")));

        var run = await CliRun.ScanAsync(repository, "--no-restore", "-v", "quiet", "--format", "json,md,html");

        Assert.True(run.ExitCode == 0, run.Error);
        var assessment = JsonDocument.Parse(run.Read("inventory.json")).RootElement.GetProperty("assessment");
        var priorities = assessment.GetProperty("priorities").EnumerateArray().ToList();
        Assert.Equal("M1", priorities[0].GetProperty("criterion").GetString());
        var r1 = priorities.Single(p => p.GetProperty("criterion").GetString() == "R1");
        Assert.Equal(3, r1.GetProperty("hours").GetDouble());
        var effort = assessment.GetProperty("effort");
        Assert.Equal(("USD", 150.0), (effort.GetProperty("currency").GetString(), effort.GetProperty("hourlyRate").GetDouble()));
        var hours = priorities.Sum(p => p.GetProperty("hours").GetDouble());
        Assert.Equal(hours * 150, effort.GetProperty("cost").GetDouble());

        // 2 h a week × 52 × 150 = 15,600 a year against the cost of Api's priorities.
        var roi = Assert.Single(assessment.GetProperty("roi").EnumerateArray());
        Assert.Equal(15600, roi.GetProperty("annualLabour").GetDouble());
        var cost = hours * 150;
        Assert.Equal(Math.Round((15600 - cost) / cost * 100, 1), roi.GetProperty("netRoiPercent").GetDouble());
        Assert.Equal(Math.Round(cost / (15600.0 / 12), 1), roi.GetProperty("paybackMonths").GetDouble());
        Assert.Contains("annual labour = 2 h/week × 52 × 150 = 15600", roi.GetProperty("formula").GetString(), StringComparison.Ordinal);
        Assert.Contains("| Api | 2 | 15600 |", run.Read("report.md"), StringComparison.Ordinal);
        Assert.Contains("<h3>Return on fixing</h3>", run.Read("report.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void AssessmentSettings_WithAnUnknownCriterion_ShouldBeRefusedByTheSchema()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("inventory-settings-").FullName, ScanSettings.FileName);
        File.WriteAllText(file, """{ "assessment": { "hoursPerSite": { "X9": 1 }, "hourlyRate": 0 } }""");

        var settings = ScanSettings.Read(file);

        Assert.NotNull(settings.Problem);
        Assert.Contains("/assessment/hourlyRate", settings.Problem, StringComparison.Ordinal);
        Assert.Contains("/assessment/hoursPerSite", settings.Problem, StringComparison.Ordinal);
        Assert.Equal(100, settings.Assessment.HourlyRate);
    }

    [Fact]
    public async Task HostMap_ShouldJoinCallsToTheComponentThatServesTheHost_AndBeRecorded()
    {
        var repository = FixtureCopy.Repository(
            ("Orders/Orders.csproj", FixtureCopy.Project),
            ("Orders/Client.cs", """
                class Client
                {
                    async System.Threading.Tasks.Task Run(System.Net.Http.HttpClient http) => await http.GetAsync("https://billing.contoso.internal/api/invoices");
                }
                """),
            ("Billing/Billing.csproj", FixtureCopy.Project),
            ("Billing/Api.cs", "class Api { }"),
            (ScanSettings.FileName, """{ "hosts": { "billing.contoso.internal": "Billing" } }"""));

        var run = await CliRun.ScanAsync(repository, "--no-restore", "-q", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var inventory = System.Text.Json.JsonDocument.Parse(run.Read("inventory.json")).RootElement;
        Assert.Equal("Billing", inventory.GetProperty("hosts").GetProperty("billing.contoso.internal").GetString());
        Assert.Contains(inventory.GetProperty("graph").GetProperty("edges").EnumerateArray(), e => e.GetProperty("from").GetString() == "component:Orders" && e.GetProperty("to").GetString() == "component:Billing");
    }
}
