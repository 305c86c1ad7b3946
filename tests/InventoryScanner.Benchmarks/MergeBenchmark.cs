using System.Diagnostics;
using System.Globalization;
using InventoryScanner.Analyzers;
using InventoryScanner.Core.Estate;
using InventoryScanner.Core.Model;
using InventoryScanner.Core.Passes;
using InventoryScanner.Reporting;

/// <summary>
/// <c>--merge [sizes…]</c>: the time and peak memory of <c>inventory merge</c> over synthetic estates of 10, 100 and
/// 1000 repositories (by default). Each repository has five components that call the next repositories' services by
/// service name, publish to and consume from shared channels, and share a database with a neighbour, so the estate's
/// joins are exercised. Each size is merged in a fresh process (<c>--merge-one</c>), so its peak memory is its own.
/// </summary>
internal static class MergeBenchmark
{
    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "--one")
        {
            return One(int.Parse(args[1], CultureInfo.InvariantCulture));
        }

        var sizes = args.Length == 0 ? [10, 100, 1000] : args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        Console.WriteLine("repositories | components | findings | inventories (MB) | merge (s) | per repository (ms) | peak memory (MB)");
        foreach (var size in sizes)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "InventoryScanner.Benchmarks.dll"), "--merge", "--one", size.ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            Console.Write(process.StandardOutput.ReadToEnd());
            process.WaitForExit();
        }

        return 0;
    }

    private static int One(int repositories)
    {
        var folder = Directory.CreateTempSubdirectory("inventory-merge-bench-").FullName;
        var inputs = new List<EstateInput>();
        long bytes = 0;
        for (var r = 0; r < repositories; r++)
        {
            var name = "repo" + r.ToString("0000", CultureInfo.InvariantCulture);
            var path = Path.Combine(folder, name, "inventory.json");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var text = new JsonReportWriter().Render(Repository(r, repositories));
            File.WriteAllText(path, text);
            bytes += text.Length;
            inputs.Add(new EstateInput(name, path));
        }

        // Generation is not timed; the merge is, from reading the files to the estate's assessment.
        GC.Collect();
        var stopwatch = Stopwatch.StartNew();
        var (estate, stats) = EstateMerge.Merge(inputs);
        stopwatch.Stop();
        Console.Error.WriteLine($"  {repositories}: " + string.Join(", ", stats.Phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Phase} {p.Time.TotalSeconds:0.00} s"))));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{repositories} | {estate.Components.Count} | {estate.Findings.Count} | {bytes / 1048576.0:0.0} | {stopwatch.Elapsed.TotalSeconds:0.00} | {stopwatch.Elapsed.TotalMilliseconds / repositories:0.0} | {Measure.PeakMegabytes()}"));
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    /// <summary>One synthetic repository's inventory, made by the scanner's own pipeline (fingerprints, graph, assessment).</summary>
    private static Inventory Repository(int index, int count)
    {
        var components = Enumerable.Range(0, 5).Select(c => new Component { Name = $"Service{index:0000}.Part{c}", Project = $"src/Part{c}/Part{c}.csproj", Analysis = AnalysisLevel.Semantic }).ToList();
        var findings = new List<Finding>();
        var line = 1;
        foreach (var component in components)
        {
            for (var k = 1; k <= 3; k++)
            {
                var callee = (index + k) % count;
                findings.Add(Make(component.Name, FindingKinds.HttpClient, $"http://service{callee:0000}-part{k % 5}/api/items/{{id}}", "System.Net.Http", line++));
            }

            findings.Add(Make(component.Name, FindingKinds.QueuePublish, $"queue:events-{index % 50}", "RabbitMQ.Client", line++));
            findings.Add(Make(component.Name, FindingKinds.QueueConsume, $"queue:events-{(index + 1) % 50}", "RabbitMQ.Client", line++));
            findings.Add(Make(component.Name, FindingKinds.Database, $"postgres:pg-{index / 2}/db", "Npgsql", line++));
            findings.Add(Make(component.Name, FindingKinds.HttpClient, $"https://partner{index % 20}.example.com/v1", "System.Net.Http", line++));
        }

        var scan = new ScanResult($"repo{index}", components, [], findings, []);
        return InventoryPipeline.Run(scan, $"repo{index}", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    private static Finding Make(string component, string kind, string target, string library, int line) => new()
    {
        RuleId = "INV0000",
        Kind = kind,
        Library = library,
        Component = component,
        Target = target,
        Path = $"src/{component}/Client.cs",
        Line = line,
        Column = 9,
        Evidence = "call();",
        Confidence = Confidence.High,
        Severity = "hidden",
        Message = kind + " " + target,
        Symbol = $"M:{component}.Run{line}",
    };
}
