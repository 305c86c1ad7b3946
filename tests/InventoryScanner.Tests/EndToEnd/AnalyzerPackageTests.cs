using System.Diagnostics;
using System.Text.RegularExpressions;

namespace InventoryScanner.Tests.EndToEnd;

/// <summary>
/// The analyzer package as a consumer meets it: packed, referenced by a throw-away project from a local feed, and run
/// by `dotnet build`, which must print the warnings with their IDs and locations.
/// </summary>
[Collection(ScannerCollection.Name)]
public sealed partial class AnalyzerPackageTests : IClassFixture<AnalyzerPackageTests.PackedAnalyzers>
{
    private const string ConsumerCode = """
        using System.Net.Http;
        using System.Threading.Tasks;

        public static class Partner
        {
            private const string Password = "Winter2024!";

            public static async Task<string> PingAsync()
            {
                using var client = new HttpClient();
                return await client.GetStringAsync("https://partner.example/ping");
            }
        }
        """;

    private const string ConsumerSettings = """
        { "ConnectionStrings": { "Orders": "Server=sql01;Database=Orders;User Id=app;Password=Pr0d-Secret!" } }
        """;

    private const string LaunchSettings = """
        {
          "profiles": {
            "Consumer": {
              "commandName": "Project",
              "environmentVariables": { "PARTNER_PASSWORD": "q9Zr4Lm2Xv7Kp3Wt" }
            }
          }
        }
        """;

    private readonly PackedAnalyzers packed;

    public AnalyzerPackageTests(PackedAnalyzers packed) => this.packed = packed;

    [Fact]
    public void Package_ShouldHoldTheAnalyzersAndBuildProps_AndNoLibOrDependency()
    {
        Assert.True(File.Exists(packed.Package), packed.PackOutput);
        using var archive = System.IO.Compression.ZipFile.OpenRead(packed.Package);
        var entries = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/InventoryScanner.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/InventoryScanner.Analyzers.CodeFixes.dll", entries);
        Assert.Contains("build/InventoryScanner.Analyzers.props", entries);
        Assert.Contains("configuration/strict.globalconfig", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec);
        Assert.DoesNotContain("<dependency ", nuspec);
    }

    [Fact]
    public async Task PlainClassLibrary_WithoutAnyConfigurationFile_ShouldBuildAndShowTheWarnings()
    {
        // What `dotnet new classlib` makes: no Properties folder, no appsettings.json, no .env (issue 14: CS2001 before).
        var consumer = packed.NewConsumer("Plain");
        File.WriteAllText(Path.Combine(consumer, "Partner.cs"), ConsumerCode);

        var build = await DotnetAsync(consumer, "build", "-v", "m", "-tl:off", "-clp:NoSummary");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.DoesNotContain("CS2001", build.Output);
        Assert.Equal(["Partner.cs(10,28): INV1004", "Partner.cs(11,22): INV1003", "Partner.cs(6,37): INV9001"], Warnings(build.Output));
    }

    [Fact]
    public async Task PackedAnalyzers_ShouldWarnInAConsumerBuild_AndEditorConfigShouldSilenceOne()
    {
        var consumer = packed.NewConsumer("Consumer");
        File.WriteAllText(Path.Combine(consumer, "Partner.cs"), ConsumerCode);
        File.WriteAllText(Path.Combine(consumer, "appsettings.json"), ConsumerSettings);
        Directory.CreateDirectory(Path.Combine(consumer, "Properties"));
        File.WriteAllText(Path.Combine(consumer, "Properties", "launchSettings.json"), LaunchSettings);

        var build = await DotnetAsync(consumer, "build", "-v", "m", "-tl:off", "-clp:NoSummary");
        Assert.True(build.ExitCode == 0, build.Output);
        var first = Warnings(build.Output);
        Assert.Equal(
            [
                "Partner.cs(10,28): INV1004",
                "Partner.cs(11,22): INV1003",
                "Partner.cs(6,37): INV9001",
                "appsettings.json(1,36): INV9001",
                "launchSettings.json(5,53): INV9001",
            ],
            first);

        File.WriteAllText(Path.Combine(consumer, ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.INV1003.severity = none\n");
        var second = Warnings((await DotnetAsync(consumer, "build", "--no-incremental", "-v", "m", "-tl:off", "-clp:NoSummary")).Output);
        Assert.Equal(["Partner.cs(10,28): INV1004", "Partner.cs(6,37): INV9001", "appsettings.json(1,36): INV9001", "launchSettings.json(5,53): INV9001"], second);
        Assert.DoesNotContain("Winter2024!", build.Output);
        Assert.DoesNotContain("q9Zr4Lm2Xv7Kp3Wt", build.Output);

        // The strict preset turns the anti-patterns into errors; the .editorconfig line above still wins over it.
        var strict = await DotnetAsync(consumer, "build", "--no-incremental", "-p:InventoryScannerAnalysisMode=strict", "-v", "m", "-tl:off", "-clp:NoSummary");
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("error INV1004", strict.Output);
        Assert.Contains("error INV9001", strict.Output);
        Assert.DoesNotContain("INV1003", strict.Output);
    }

    /// <summary>"path/File.cs(6,39): warning INV9001: …" → "File.cs(6,39): INV9001", once each, in order.</summary>
    private static List<string> Warnings(string output) =>
        WarningLine().Matches(output)
            .Select(m => $"{Path.GetFileName(m.Groups["file"].Value)}({m.Groups["position"].Value}): {m.Groups["id"].Value}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    private static async Task<(int ExitCode, string Output)> DotnetAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"(?<file>[^\s:]+\.(?:cs|json))\((?<position>\d+,\d+)\): warning (?<id>INV\d{4})")]
    private static partial Regex WarningLine();

    /// <summary>The analyzer package, packed once onto a local feed, and a way to make consumers that restore only from it.</summary>
    public sealed class PackedAnalyzers : IAsyncLifetime
    {
        private readonly string work = Directory.CreateTempSubdirectory("inventory-package-").FullName;

        public string Version { get; } = "0.0.1-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

        public string Feed => Path.Combine(work, "feed");

        public string Package => Path.Combine(Feed, $"InventoryScanner.Analyzers.{Version}.nupkg");

        public string PackOutput { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            var packageProject = Path.Combine(RepositoryPaths.Root, "analyzers", "InventoryScanner.Analyzers.Package", "InventoryScanner.Analyzers.Package.csproj");
            var pack = await DotnetAsync(RepositoryPaths.Root, "pack", packageProject, "-o", Feed, $"-p:Version={Version}", "-v", "q", "-tl:off");
            PackOutput = pack.Output;
            Assert.True(pack.ExitCode == 0, pack.Output);
        }

        public Task DisposeAsync() => Task.CompletedTask;

        /// <summary>A `dotnet new classlib`-like project folder that references the packed analyzers and nothing else.</summary>
        public string NewConsumer(string name)
        {
            var consumer = Path.Combine(work, name);
            Directory.CreateDirectory(consumer);
            File.WriteAllText(Path.Combine(consumer, name + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <RestorePackagesPath>{Path.Combine(work, "packages")}</RestorePackagesPath>
                    <NuGetAudit>false</NuGetAudit>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="InventoryScanner.Analyzers" Version="{Version}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{Feed}" />
                  </packageSources>
                </configuration>
                """);
            return consumer;
        }
    }
}
