using System.Diagnostics;
using System.Globalization;
using InventoryScanner.Core.Model;
using InventoryScanner.Workspace;

// Usage: dotnet run -c Release --project tests/InventoryScanner.Benchmarks -- <solution|project|folder> [runs] [--skip-build]
// Restores once (not timed), then times `dotnet build --no-restore --no-incremental` and an in-process scan without
// restore, `runs` times each, and prints medians and their ratio. Peak memory is this process's high-water mark
// (VmHWM); the MSBuild build host that evaluates projects runs in its own process and is not included.
//
//        dotnet run -c Release --project tests/InventoryScanner.Benchmarks -- --analyzer-cost [<project> | --generate <files>] [runs]
// The analyzers' share of a build (see AnalyzerCostBenchmark).
//
//        dotnet run -c Release --project tests/InventoryScanner.Benchmarks -- --merge [sizes…]
// The estate merge's time and peak memory at 10, 100 and 1000 synthetic repositories (see MergeBenchmark).
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: InventoryScanner.Benchmarks <solution|project|folder> [runs] [--skip-build]");
    Console.Error.WriteLine("       InventoryScanner.Benchmarks --analyzer-cost [<project> | --generate <files>] [runs]");
    Console.Error.WriteLine("       InventoryScanner.Benchmarks --merge [sizes…]");
    return 2;
}

if (args[0] == "--merge")
{
    return MergeBenchmark.Run(args[1..]);
}

if (args[0] == "--analyzer-cost")
{
    return AnalyzerCostBenchmark.Run(args[1..]);
}

var target = Path.GetFullPath(args[0]);
var runs = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 3;
var skipBuild = args.Contains("--skip-build");

if (!MSBuildRegistration.TryRegister(Directory.Exists(target) ? target : Path.GetDirectoryName(target)!, out var error))
{
    Console.Error.WriteLine(error);
    return 3;
}

Console.WriteLine($"target: {target}");
Measure.Dotnet("restore", ["restore", target, "-v", "q", "-p:NuGetAudit=false", "-p:TreatWarningsAsErrors=false"], allowFailure: true);

var builds = new List<double>();
if (!skipBuild)
{
    for (var i = 0; i < runs; i++)
    {
        builds.Add(Measure.Dotnet("build", ["build", target, "--no-restore", "--no-incremental", "-v", "q", "-p:TreatWarningsAsErrors=false", "-p:NuGetAudit=false"], allowFailure: true));
    }
}

var scans = new List<(double Total, ScanTimings Timings, int Findings, int Files, int Analyzed)>();
for (var i = 0; i < runs; i++)
{
    var stopwatch = Stopwatch.StartNew();
    var result = await Scanner.ScanAsync(new ScanOptions { Path = target, Restore = false }, CancellationToken.None);
    stopwatch.Stop();
    scans.Add((stopwatch.Elapsed.TotalSeconds, result.Timings, result.Findings.Count, result.Components.Sum(c => c.FilesTotal), result.Components.Sum(c => c.FilesAnalyzed)));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"scan {i + 1}: {stopwatch.Elapsed.TotalSeconds:0.00} s (load {result.Timings.Load.TotalSeconds:0.00} s, analyse {result.Timings.Analyze.TotalSeconds:0.00} s), {result.Findings.Count} findings, {result.Components.Sum(c => c.FilesAnalyzed)} of {result.Components.Sum(c => c.FilesTotal)} files bound"));
}

var scanMedian = Measure.Median(scans.Select(s => s.Total));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scan median: {scanMedian:0.00} s; load {Measure.Median(scans.Select(s => s.Timings.Load.TotalSeconds)):0.00} s; analyse {Measure.Median(scans.Select(s => s.Timings.Analyze.TotalSeconds)):0.00} s"));
if (builds.Count > 0)
{
    var buildMedian = Measure.Median(builds);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"build median: {buildMedian:0.00} s; scan/build = {scanMedian / buildMedian:0.00}x"));
}

Console.WriteLine($"peak memory (this process): {Measure.PeakMegabytes()} MB");
return 0;
