using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

/// <summary>
/// What the analyzers add to a build, the way a consumer of the package pays for them. Builds the same project
/// `runs` times without and with the analyzer assembly (injected through CustomAfterMicrosoftCommonTargets, so the
/// project itself is untouched), the latter with ReportAnalyzer, and prints the median wall times, their difference,
/// and the compiler's own account of the time spent in our analyzers. `--generate N` writes a project of N files of
/// ordinary code, one in ten of which calls other services, reads configuration or holds credential-named members.
/// </summary>
internal static partial class AnalyzerCostBenchmark
{
    public static int Run(string[] args)
    {
        string project;
        var rest = args;
        if (args.Length >= 2 && args[0] == "--generate")
        {
            project = Generate(int.Parse(args[1], CultureInfo.InvariantCulture));
            rest = args[2..];
        }
        else if (args.Length >= 1)
        {
            project = Path.GetFullPath(args[0]);
            rest = args[1..];
        }
        else
        {
            Console.Error.WriteLine("usage: --analyzer-cost [<project> | --generate <files>] [runs]");
            return 2;
        }

        var runs = rest.Length > 0 && int.TryParse(rest[0], out var n) ? n : 3;
        var analyzer = typeof(InventoryScanner.Analyzers.RuleIdentifiers).Assembly.Location;
        var inject = Path.Combine(Path.GetTempPath(), "inventory-analyzer-cost.targets");
        File.WriteAllText(inject, $"""
            <Project>
              <ItemGroup Condition="'$(InventoryAnalyzers)' == 'true'">
                <Analyzer Include="{analyzer}" />
              </ItemGroup>
            </Project>
            """);

        Console.WriteLine($"project: {project}");
        // A project that does not restore (the sample has one on purpose) fails its build in both runs alike.
        Measure.Dotnet("restore", ["restore", project, "-v", "q", "-p:NuGetAudit=false"], allowFailure: true);
        string[] common = ["build", project, "--no-restore", "--no-incremental", "-v", "d", "-tl:off", "-p:TreatWarningsAsErrors=false", $"-p:CustomAfterMicrosoftCommonTargets={inject}"];

        var without = new List<double>();
        var with = new List<double>();
        var ours = new List<double>();
        var allAnalyzers = new List<double>();
        var byAnalyzer = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (var i = 0; i < runs; i++)
        {
            without.Add(Measure.Dotnet("build without", [.. common, "-p:InventoryAnalyzers=false"], allowFailure: true));
            var (seconds, output) = Measure.DotnetWithOutput("build with", [.. common, "-p:InventoryAnalyzers=true", "-p:ReportAnalyzer=true"], allowFailure: true);
            with.Add(seconds);
            ours.Add(OurAnalyzerSeconds().Matches(output).Sum(m => double.Parse(m.Groups["seconds"].Value, CultureInfo.InvariantCulture)));
            allAnalyzers.Add(TotalAnalyzerSeconds().Matches(output).Sum(m => double.Parse(m.Groups["seconds"].Value, CultureInfo.InvariantCulture)));
            foreach (var timed in OurAnalyzer().Matches(output).GroupBy(m => m.Groups["name"].Value))
            {
                byAnalyzer.TryAdd(timed.Key, []);
                byAnalyzer[timed.Key].Add(timed.Sum(m => double.Parse(m.Groups["seconds"].Value, CultureInfo.InvariantCulture)));
            }
        }

        var withoutMedian = Measure.Median(without);
        var withMedian = Measure.Median(with);
        var oursMedian = Measure.Median(ours);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"build without: {withoutMedian:0.00} s; with: {withMedian:0.00} s; difference {withMedian - withoutMedian:+0.00;-0.00} s ({(withMedian - withoutMedian) / withoutMedian:+0.0%;-0.0%})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ReportAnalyzer: InventoryScanner.Analyzers {oursMedian:0.000} s of {Measure.Median(allAnalyzers):0.000} s analyzer time; {oursMedian / withMedian:0.0%} of the build's wall time"));
        Console.WriteLine("ours by analyzer: " + string.Join(", ", byAnalyzer
            .Select(a => (a.Key, Seconds: Measure.Median(a.Value)))
            .OrderByDescending(a => a.Seconds)
            .Take(10)
            .Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Key} {a.Seconds:0.000} s"))));
        return 0;
    }

    /// <summary>A web project of <paramref name="files"/> files (the shared framework has IConfiguration and HttpClient).</summary>
    private static string Generate(int files)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"inventory-generated-{files}");
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Generated.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
                <Nullable>disable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <AdditionalFiles Include="appsettings.json" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "appsettings.json"), """{ "Partners": { "P0": "https://partner0.example.com/" } }""");
        for (var i = 0; i < files; i++)
        {
            File.WriteAllText(Path.Combine(directory, $"Service{i}.cs"), Source(i));
        }

        var lines = Directory.EnumerateFiles(directory, "*.cs").Sum(f => File.ReadLines(f).Count());
        Console.WriteLine($"generated {files} files, {lines} lines, in {directory}");
        return Path.Combine(directory, "Generated.csproj");
    }

    private static string Source(int i)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $$"""
            using Microsoft.Extensions.Configuration;

            namespace Generated.Module{{i / 50}};

            public sealed record Order{{i}}(int Id, string Name, decimal Total, DateTime Placed);

            public sealed class Service{{i}}
            {
                private readonly HttpClient _http;
                private readonly IConfiguration _configuration;
                private readonly Dictionary<int, Order{{i}}> _orders = new();
                private const string Separator = ";";

                public Service{{i}}(HttpClient http, IConfiguration configuration)
                {
                    _http = http;
                    _configuration = configuration;
                }

            """);
        if (i % 10 == 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $$"""
                    private readonly string _apiKey = "k{{i}}-9fQ2x7LmZ4pW8rT1";
                    public string PasswordHint { get; } = "use the vault";

                    public Task<string> FetchAsync(int id) => _http.GetStringAsync($"https://partner{{i % 20}}.example.com/items/{id}");

                    public Task<string> ConfiguredAsync() => _http.GetStringAsync(_configuration["Partners:P{{i % 20}}"] + "status");

                    public async Task<string> LegacyAsync()
                    {
                        using var client = new HttpClient();
                        return await client.GetStringAsync("http://legacy{{i}}.example.net/export");
                    }

                """);
        }

        for (var k = 0; k < 8; k++)
        {
            builder.Append(CultureInfo.InvariantCulture, $$"""
                    public int Compute{{k}}(int[] values)
                    {
                        var total = 0;
                        foreach (var value in values)
                        {
                            total += value % {{k + 2}} == 0 ? value * {{k + 1}} : -value;
                        }

                        return total;
                    }

                    public string Describe{{k}}(Order{{i}} order) => $"{order.Id}{Separator}{order.Name}{Separator}{order.Total:0.00} at {order.Placed:O}";

                    public IEnumerable<Order{{i}}> Recent{{k}}(DateTime since) =>
                        _orders.Values.Where(o => o.Placed > since && o.Total > {{k * 10}}m).OrderByDescending(o => o.Placed).Take({{k + 5}});

                    public string Label{{k}}(string token) => string.IsNullOrEmpty(token) ? "none" : token.Trim().ToUpperInvariant() + "-{{k}}";

                """);
        }

        builder.Append("}\n");
        return builder.ToString();
    }

    [GeneratedRegex(@"^\s*(?<seconds>\d+(?:\.\d+)?)\s+\S+\s+InventoryScanner\.Analyzers, Version=", RegexOptions.Multiline)]
    private static partial Regex OurAnalyzerSeconds();

    [GeneratedRegex(@"^\s*(?<seconds>\d+(?:\.\d+)?)\s+\S+\s+InventoryScanner\.Analyzers\.(?:\w+\.)*(?<name>\w+Analyzer)\b", RegexOptions.Multiline)]
    private static partial Regex OurAnalyzer();

    [GeneratedRegex(@"Total analyzer execution time: (?<seconds>\d+(?:\.\d+)?) seconds", RegexOptions.Multiline)]
    private static partial Regex TotalAnalyzerSeconds();
}
