using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using InventoryScanner.Core.Passes;
using InventoryScanner.Reporting;
using InventoryScanner.Workspace;

/// <summary>
/// A scan against a clean <c>dotnet build</c> of the same code, in one run: restores once (timed, not part of either),
/// builds <c>runs</c> times from clean (<c>--no-incremental</c>), scans <c>runs</c> times in this process without
/// restoring, and prints the medians, their ratio, the scan's peak memory (this process and the MSBuild build host it
/// starts) and the scan's phases: MSBuild load, binding, analyzers (their own callbacks, summed over threads), each
/// inventory pass (graph, assessment…) and rendering (JSON, HTML, Markdown). <c>--json FILE</c> writes the same as JSON
/// so runs can be compared; <c>--design-time-load</c> scans with MSBuild's design-time build instead of evaluation,
/// <c>--no-build-eval</c> without evaluating any MSBuild file.
/// </summary>
internal static class ScanBenchmark
{
    public sealed record Phases(double Load, double Analyze, double Binding, double AnalyzersCpu, Dictionary<string, double> Passes, double Rendering, Dictionary<string, double>? ByAnalyzer = null);

    public sealed record ScanRun(double Seconds, Phases Phases, int Findings, int FilesBound, int FilesTotal, long PeakMegabytes);

    public sealed record Result(string Target, string Machine, DateTimeOffset At, double RestoreSeconds, List<double> Builds, List<ScanRun> Scans, double? BuildMedian, double ScanMedian, double? Ratio, long PeakMegabytes, Dictionary<string, int> FindingsByKind);

    public static async Task<int> RunAsync(string[] args)
    {
        var target = Path.GetFullPath(args[0]);
        var runs = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 3;
        var skipBuild = args.Contains("--skip-build");
        var designTime = args.Contains("--design-time-load");
        var noBuildEval = args.Contains("--no-build-eval");
        var json = Option(args, "--json");

        if (!MSBuildRegistration.TryRegister(Directory.Exists(target) ? target : Path.GetDirectoryName(target)!, out var error))
        {
            Console.Error.WriteLine(error);
            return 3;
        }

        var result = await MeasureAsync(target, runs, skipBuild, designTime, noBuildEval).ConfigureAwait(false);
        Print(result);
        if (json is not null)
        {
            File.WriteAllText(json, JsonSerializer.Serialize(result, Options));
            Console.WriteLine($"wrote {json}");
        }

        return 0;
    }

    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static async Task<Result> MeasureAsync(string target, int runs, bool skipBuild, bool designTime, bool noBuildEval)
    {
        Console.WriteLine($"target: {target}");
        var restore = Measure.Dotnet("restore", ["restore", target, "-v", "q", "-p:NuGetAudit=false", "-p:TreatWarningsAsErrors=false"], allowFailure: true);

        // Scans first: the builds' output would otherwise sit in obj/ and bin/ (the scan does not read it, but a clean
        // tree is what an auditor scans).
        var scans = new List<ScanRun>();
        Dictionary<string, int> byKind = [];
        for (var i = 0; i < runs; i++)
        {
            var passes = new Dictionary<string, double>(StringComparer.Ordinal);
            var stopwatch = Stopwatch.StartNew();
            InventoryScanner.Core.Model.ScanResult scan;
            double rendering;
            long peak;
            int findings;
            using (var memory = new Measure.MemorySampler())
            {
                scan = await Scanner.ScanAsync(new ScanOptions { Path = target, Restore = false, MeasureAnalyzers = true, DesignTimeLoad = designTime, EvaluateProjects = !noBuildEval }, CancellationToken.None).ConfigureAwait(false);
                var inventory = InventoryPipeline.Run(scan, target, DateTimeOffset.UtcNow, timed: (pass, elapsed) => passes[pass] = elapsed.TotalSeconds);
                var render = Stopwatch.StartNew();
                var output = Directory.CreateTempSubdirectory("inventory-benchmark-").FullName;
                ReportWriterFactory.WriteAll(inventory, output, ["json", "html", "md"], TemplateSource.Embedded);
                rendering = render.Elapsed.TotalSeconds;
                Directory.Delete(output, recursive: true);
                stopwatch.Stop();
                peak = memory.PeakMegabytes;
                findings = inventory.Findings.Count;
                byKind = inventory.Findings.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
            }

            var threads = Math.Max(1, Environment.ProcessorCount);
            var analyze = scan.Timings.Analyze.TotalSeconds;
            var analyzers = scan.Timings.Analyzers.TotalSeconds;
            var phases = new Phases(scan.Timings.Load.TotalSeconds, analyze, Math.Max(0, analyze - (analyzers / threads)), analyzers, passes, rendering, scan.Timings.ByAnalyzer.OrderByDescending(a => a.Value).ToDictionary(a => a.Key, a => a.Value.TotalSeconds));
            var run = new ScanRun(stopwatch.Elapsed.TotalSeconds, phases, findings, scan.Components.Sum(c => c.FilesAnalyzed), scan.Components.Sum(c => c.FilesTotal), peak);
            scans.Add(run);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scan {i + 1}: {run.Seconds:0.00} s (load {phases.Load:0.00} s, analyse {phases.Analyze:0.00} s of which analyzers {analyzers:0.00} s cpu, passes {passes.Values.Sum():0.00} s, rendering {rendering:0.00} s), {findings} findings, {run.FilesBound} of {run.FilesTotal} files bound, peak {peak} MB"));
        }

        var builds = new List<double>();
        if (!skipBuild)
        {
            for (var i = 0; i < runs; i++)
            {
                builds.Add(Measure.Dotnet("build", ["build", target, "--no-restore", "--no-incremental", "-v", "q", "-p:TreatWarningsAsErrors=false", "-p:NuGetAudit=false"], allowFailure: true));
            }
        }

        var scanMedian = Measure.Median(scans.Select(s => s.Seconds));
        double? buildMedian = builds.Count > 0 ? Measure.Median(builds) : null;
        return new Result(
            target,
            $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
            DateTimeOffset.UtcNow,
            restore,
            builds,
            scans,
            buildMedian,
            scanMedian,
            buildMedian is { } b && b > 0 ? scanMedian / b : null,
            scans.Max(s => s.PeakMegabytes),
            byKind);
    }

    private static void Print(Result result)
    {
        var median = (Func<ScanRun, double> select) => Measure.Median(result.Scans.Select(select));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scan median: {result.ScanMedian:0.00} s: load {median(s => s.Phases.Load):0.00} s, binding {median(s => s.Phases.Binding):0.00} s, analyzers {median(s => s.Phases.AnalyzersCpu):0.00} s cpu, passes {median(s => s.Phases.Passes.Values.Sum()):0.00} s, rendering {median(s => s.Phases.Rendering):0.00} s"));
        if (result.BuildMedian is { } build)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"build median: {build:0.00} s; scan/build = {result.Ratio:0.000}x"));
        }

        Console.WriteLine($"peak memory (scan and its build host): {result.PeakMegabytes} MB");
        if (result.Scans.LastOrDefault()?.Phases.ByAnalyzer is { Count: > 0 } byAnalyzer)
        {
            Console.WriteLine("analyzers (cpu): " + string.Join(", ", byAnalyzer.Take(8).Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Key} {a.Value:0.00} s"))));
        }
        Console.WriteLine("findings: " + string.Join(", ", result.FindingsByKind.Select(k => $"{k.Key} {k.Value}")));
    }
}
