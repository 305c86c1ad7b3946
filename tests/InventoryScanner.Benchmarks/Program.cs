// Usage: dotnet run -c Release --project tests/InventoryScanner.Benchmarks -- <solution|project|folder> [runs] [--skip-build] [--design-time-load | --no-build-eval] [--json FILE]
// Restores once, then scans in this process without restoring and times `dotnet build --no-restore --no-incremental`,
// `runs` times each: medians, their ratio, the scan's phases and its peak memory with its build host (see ScanBenchmark).
//
//        dotnet run -c Release --project tests/InventoryScanner.Benchmarks -- --synthetic [<folder>] [--scale 1,2,4] [--runs n] [--skip-build] [--json FILE]
// The same on a generated solution of about a million lines per scale, each scale in its own process (see ScaleBenchmark).
//
//        dotnet run -c Release --project tests/InventoryScanner.Benchmarks -- --analyzer-cost [<project> | --generate <files>] [runs]
// The analyzers' share of a build (see AnalyzerCostBenchmark).
//
//        dotnet run -c Release --project tests/InventoryScanner.Benchmarks -- --merge [sizes…]
// The estate merge's time and peak memory at 10, 100 and 1000 synthetic repositories (see MergeBenchmark).
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: InventoryScanner.Benchmarks <solution|project|folder> [runs] [--skip-build] [--design-time-load | --no-build-eval] [--json FILE]");
    Console.Error.WriteLine("       InventoryScanner.Benchmarks --synthetic [<folder>] [--scale 1,2,4] [--runs n] [--skip-build] [--json FILE]");
    Console.Error.WriteLine("       InventoryScanner.Benchmarks --analyzer-cost [<project> | --generate <files>] [runs]");
    Console.Error.WriteLine("       InventoryScanner.Benchmarks --merge [sizes…]");
    return 2;
}

if (args[0] == "--synthetic")
{
    return ScaleBenchmark.Run(args[1..]);
}

if (args[0] == "--merge")
{
    return MergeBenchmark.Run(args[1..]);
}

if (args[0] == "--analyzer-cost")
{
    return AnalyzerCostBenchmark.Run(args[1..]);
}

return await ScanBenchmark.RunAsync(args);
