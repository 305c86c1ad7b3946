using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

/// <summary>
/// Scale without network: writes the synthetic solution (<see cref="SyntheticSolution"/>) at each scale asked (1, 2
/// and 4 by default), and runs the scan benchmark on each in a fresh process (so each peak is its own), then prints
/// time and memory per scale, per line of code, and against a clean build: cost should grow linearly with the code.
/// </summary>
internal static class ScaleBenchmark
{
    public static int Run(string[] args)
    {
        var directory = Path.GetFullPath(args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : Path.Combine(Path.GetTempPath(), "inventory-synthetic"));
        var scales = (ScanBenchmark.Option(args, "--scale") ?? "1,2,4").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var runs = ScanBenchmark.Option(args, "--runs") ?? "1";
        var skipBuild = args.Contains("--skip-build");
        var json = ScanBenchmark.Option(args, "--json");
        var rows = new List<(int Scale, SyntheticSolution.Expected Expected, ScanBenchmark.Result Result)>();
        foreach (var scale in scales)
        {
            var folder = Path.Combine(directory, $"scale-{scale}");
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            var (solution, expected) = SyntheticSolution.Generate(folder, scale);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scale {scale}: {expected.Projects} projects, {expected.Lines:N0} lines, written to {folder}"));
            var output = Path.Combine(directory, $"scale-{scale}.json");
            var self = Environment.ProcessPath!;
            var start = new ProcessStartInfo(self) { UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                start.ArgumentList.Add(typeof(ScaleBenchmark).Assembly.Location);
            }

            foreach (var argument in new[] { solution, runs, "--json", output }.Concat(skipBuild ? ["--skip-build"] : []))
            {
                start.ArgumentList.Add(argument);
            }

            using (var process = Process.Start(start)!)
            {
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    Console.Error.WriteLine($"scale {scale}: the benchmark exited with {process.ExitCode}");
                    return process.ExitCode;
                }
            }

            var result = JsonSerializer.Deserialize<ScanBenchmark.Result>(File.ReadAllText(output), ScanBenchmark.Options)!;
            rows.Add((scale, expected, result));
        }

        Console.WriteLine();
        Console.WriteLine("| scale | projects | lines | scan | per 100k lines | peak | MB per 100k lines | clean build | scan/build | http | publish | consume | database | secret |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (scale, expected, result) in rows)
        {
            var perLines = 100_000.0 / expected.Lines;
            int Found(string kind) => result.FindingsByKind.GetValueOrDefault(kind);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scale}× | {expected.Projects} | {expected.Lines:N0} | {result.ScanMedian:0.0} s | {result.ScanMedian * perLines:0.00} s | {result.PeakMegabytes} MB | {result.PeakMegabytes * perLines:0.0} | {(result.BuildMedian is { } b ? $"{b:0.0} s" : "-")} | {(result.Ratio is { } r ? $"{r:0.000}×" : "-")} | {Found("http-client")}/{expected.HttpCalls} | {Found("queue-publish")}/{expected.Publishes} | {Found("queue-consume")}/{expected.Consumes} | {Found("database")}/{expected.Databases} | {Found("secret")}/{expected.Secrets} |"));
        }

        if (json is not null)
        {
            File.WriteAllText(json, JsonSerializer.Serialize(rows.Select(r => new { r.Scale, r.Expected, r.Result }), ScanBenchmark.Options));
            Console.WriteLine($"wrote {json}");
        }

        return 0;
    }
}
