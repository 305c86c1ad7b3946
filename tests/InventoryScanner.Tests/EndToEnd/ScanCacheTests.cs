using System.Text.Json;

namespace InventoryScanner.Tests.EndToEnd;

/// <summary><c>--cache</c>: unchanged projects are read back, changed ones (and the projects that use them) analysed again.</summary>
[Collection(ScannerCollection.Name)]
public sealed class ScanCacheTests
{
    private const string Library = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
        </Project>
        """;

    private const string App = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
          <ItemGroup><ProjectReference Include="../Shared/Shared.csproj" /></ItemGroup>
        </Project>
        """;

    [Fact]
    public async Task Rescan_ShouldReadUnchangedProjectsBack_AndAnalyseWhatChanged()
    {
        var repository = FixtureCopy.Repository(
            ("src/Shared/Shared.csproj", Library),
            ("src/Shared/Partner.cs", FixtureCopy.PartnerClient("partner.example.com")),
            ("src/Orders/Orders.csproj", App),
            ("src/Orders/Billing.cs", """
                class Billing
                {
                    System.Threading.Tasks.Task<string> Invoice(System.Net.Http.HttpClient http) => http.GetStringAsync("https://billing.example.com/invoices");
                }
                """),
            ("src/Shipping/Shipping.csproj", Library),
            ("src/Shipping/Carrier.cs", "class Carrier { System.Threading.Tasks.Task<string> Track(System.Net.Http.HttpClient http) => http.GetStringAsync(\"https://carrier.example.com/track\"); }"));

        var first = await Scan(repository);
        var unchanged = await Scan(repository);

        Assert.Contains("0 of 3 project(s) were unchanged", Cache(first), StringComparison.Ordinal);
        Assert.Contains("3 of 3 project(s) were unchanged", Cache(unchanged), StringComparison.Ordinal);
        Assert.Equal(Inventory(first), Inventory(unchanged));

        // A leaf project's file: that project only.
        File.AppendAllText(Path.Combine(repository, "src", "Shipping", "Carrier.cs"), "\nclass Depot { System.Threading.Tasks.Task<string> Open(System.Net.Http.HttpClient http) => http.GetStringAsync(\"https://depot.example.com/\"); }\n");
        var leaf = await Scan(repository);
        Assert.Contains("2 of 3 project(s) were unchanged", Cache(leaf), StringComparison.Ordinal);
        Assert.Contains("https://depot.example.com/", Inventory(leaf), StringComparison.Ordinal);

        // A library's file: the library and the project that references it.
        File.AppendAllText(Path.Combine(repository, "src", "Shared", "Partner.cs"), "\n// changed\n");
        Assert.Contains("1 of 3 project(s) were unchanged", Cache(await Scan(repository)), StringComparison.Ordinal);

        // A configuration file the analysis reads is an input too.
        File.WriteAllText(Path.Combine(repository, "src", "Orders", "appsettings.json"), """{ "Billing": { "Password": "Zt4!kq9#Wm2vXr7p" } }""");
        var configured = await Scan(repository);
        Assert.Contains("2 of 3 project(s) were unchanged", Cache(configured), StringComparison.Ordinal);
        Assert.Contains("appsettings.json", Inventory(configured), StringComparison.Ordinal);

        // A damaged entry is analysed again, not trusted and not fatal.
        foreach (var entry in Directory.EnumerateFiles(Path.Combine(repository, ".inventory", "cache"), "*.json"))
        {
            File.WriteAllText(entry, "{ not json");
        }

        var damaged = await Scan(repository);
        Assert.Equal(0, damaged.ExitCode);
        Assert.Contains("0 of 3 project(s) were unchanged", Cache(damaged), StringComparison.Ordinal);
        Assert.Equal(Inventory(configured), Inventory(damaged));
    }

    [Fact]
    public async Task UnchangedRescan_ShouldNeitherRestoreNorEvaluate_AndAChangeEvaluationReadsShouldEvaluateAgain()
    {
        var repository = FixtureCopy.Repository(
            ("src/Shipping/Shipping.csproj", Library),
            ("src/Shipping/Carrier.cs", "class Carrier { System.Threading.Tasks.Task<string> Track(System.Net.Http.HttpClient http) => http.GetStringAsync(\"https://carrier.example.com/track\"); }"));

        var first = await Restored(repository);
        var unchanged = await Restored(repository);

        Assert.DoesNotContain("restore was not run", Messages(first), StringComparison.Ordinal);
        Assert.Contains("restore was not run", Messages(unchanged), StringComparison.Ordinal);
        Assert.Contains("1 of 1 project evaluation(s) were unchanged", Messages(unchanged), StringComparison.Ordinal);
        Assert.Equal(Inventory(first), Inventory(unchanged));

        // A file added under the project's folder may be one the globs include: evaluated and restored again.
        File.WriteAllText(Path.Combine(repository, "src", "Shipping", "Depot.cs"), """
            class Depot { System.Threading.Tasks.Task<string> Open(System.Net.Http.HttpClient http) => http.GetStringAsync("https://depot.example.com/"); }
            #if YARD
            class Yard { System.Threading.Tasks.Task<string> Open(System.Net.Http.HttpClient http) => http.GetStringAsync("https://yard.example.com/"); }
            #endif
            """);
        var added = await Restored(repository);
        Assert.DoesNotContain("restore was not run", Messages(added), StringComparison.Ordinal);
        Assert.DoesNotContain("project evaluation(s) were unchanged", Messages(added), StringComparison.Ordinal);
        Assert.Contains("https://depot.example.com/", Inventory(added), StringComparison.Ordinal);
        Assert.DoesNotContain("https://yard.example.com/", Inventory(added), StringComparison.Ordinal);

        // A Directory.Build.props that appears in a folder above: imported from now on, so evaluated again.
        File.WriteAllText(Path.Combine(repository, "Directory.Build.props"), "<Project><PropertyGroup><DefineConstants>$(DefineConstants);YARD</DefineConstants></PropertyGroup></Project>");
        var imported = await Restored(repository);
        Assert.DoesNotContain("project evaluation(s) were unchanged", Messages(imported), StringComparison.Ordinal);
        Assert.Contains("https://yard.example.com/", Inventory(imported), StringComparison.Ordinal);
    }

    private static Task<CliRun> Restored(string repository) => CliRun.ScanAsync(repository, "--cache", "-q", "--format", "json");

    private static string Messages(CliRun run) =>
        string.Join("\n", JsonDocument.Parse(run.Read("inventory.json")).RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetString()));

    private static Task<CliRun> Scan(string repository) => CliRun.ScanAsync(repository, "--no-restore", "--cache", "-q", "--format", "json");

    private static string Cache(CliRun run) =>
        string.Join("\n", Messages(run).Split('\n').Where(m => m.Contains("scan cache", StringComparison.Ordinal)));

    /// <summary>The inventory without what differs between two scans of the same code: the time and the cache's message.</summary>
    private static string Inventory(CliRun run)
    {
        var root = JsonDocument.Parse(run.Read("inventory.json")).RootElement;
        return string.Join("\n", root.EnumerateObject()
            .Where(p => p.Name is not ("scannedAt" or "messages"))
            .Select(p => p.Name + "=" + p.Value.GetRawText()));
    }
}
