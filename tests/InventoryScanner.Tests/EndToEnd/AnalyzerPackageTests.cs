using System.Diagnostics;
using System.Text.RegularExpressions;

namespace InventoryScanner.Tests.EndToEnd;

/// <summary>
/// The analyzer package as a consumer meets it: packed, referenced by a throw-away project from a local feed, and run
/// by `dotnet build`, which must print the warnings with their IDs and locations.
/// </summary>
[Collection(ScannerCollection.Name)]
public sealed partial class AnalyzerPackageTests
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

    [Fact]
    public async Task PackedAnalyzers_ShouldWarnInAConsumerBuild_AndEditorConfigShouldSilenceOne()
    {
        var work = Directory.CreateTempSubdirectory("inventory-package-").FullName;
        var feed = Path.Combine(work, "feed");
        var version = "0.0.1-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var packageProject = Path.Combine(RepositoryPaths.Root, "analyzers", "InventoryScanner.Analyzers.Package", "InventoryScanner.Analyzers.Package.csproj");
        var pack = await DotnetAsync(RepositoryPaths.Root, "pack", packageProject, "-o", feed, $"-p:Version={version}", "-v", "q", "-tl:off");
        Assert.True(pack.ExitCode == 0, pack.Output);
        var package = Path.Combine(feed, $"InventoryScanner.Analyzers.{version}.nupkg");
        Assert.True(File.Exists(package), pack.Output);
        using (var archive = System.IO.Compression.ZipFile.OpenRead(package))
        {
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

        var consumer = Path.Combine(work, "Consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <RestorePackagesPath>{Path.Combine(work, "packages")}</RestorePackagesPath>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="InventoryScanner.Analyzers" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Partner.cs"), ConsumerCode);
        File.WriteAllText(Path.Combine(consumer, "appsettings.json"), ConsumerSettings);

        var first = Warnings((await DotnetAsync(consumer, "build", "-v", "m", "-tl:off", "-clp:NoSummary")).Output);
        Assert.Equal(
            [
                "Partner.cs(10,28): INV1004",
                "Partner.cs(11,22): INV1003",
                "Partner.cs(6,37): INV9001",
                "appsettings.json(1,36): INV9001",
            ],
            first);

        File.WriteAllText(Path.Combine(consumer, ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.INV1003.severity = none\n");
        var second = Warnings((await DotnetAsync(consumer, "build", "--no-incremental", "-v", "m", "-tl:off", "-clp:NoSummary")).Output);
        Assert.Equal(["Partner.cs(10,28): INV1004", "Partner.cs(6,37): INV9001", "appsettings.json(1,36): INV9001"], second);
        Assert.DoesNotContain("Winter2024!", string.Join("\n", first));

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
}
