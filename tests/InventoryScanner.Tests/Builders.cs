using InventoryScanner.Core.Passes;
using InventoryScanner.Core.Analysis;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Tests;

/// <summary>Small inventories for tests of the graph and the reports.</summary>
internal static class Builders
{
    public static Component Component(string name, string analysis = AnalysisLevel.Semantic) =>
        new() { Name = name, Project = $"src/{name}/{name}.csproj", Analysis = analysis };

    public static Finding Finding(string component, string kind, string target, string library = "System.Net.Http", string? evidence = null, int line = 10, string ruleId = "INV0000", string? symbol = null, string? path = null, string severity = "hidden") => new()
    {
        RuleId = ruleId,
        Kind = kind,
        Library = library,
        Component = component,
        Target = target,
        Path = path ?? $"src/{component}/File.cs",
        Line = line,
        Column = 9,
        Evidence = evidence ?? "call();",
        Confidence = "high",
        Severity = severity,
        Message = "message",
        Symbol = symbol ?? "M:" + component + ".Run",
    };

    public static Inventory Inventory(IReadOnlyList<Component> components, IReadOnlyList<Finding> findings)
    {
        // A root with no allowlist in it: every pass runs as in a scan.
        var scan = new ScanResult(Path.Combine(Path.GetTempPath(), "inventory-builders-no-root"), components, [], findings, []);
        return InventoryPipeline.Run(scan, "sample.sln", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
    }

    /// <summary>
    /// An estate of the size the report must stay readable at: <paramref name="components"/> components making
    /// <paramref name="edges"/> distinct edges (calls and channel ends) over a pool of partners and queues, picked by a fixed rule.
    /// </summary>
    public static Inventory LargeEstate(int components = 40, int edges = 300)
    {
        var names = Enumerable.Range(1, components).Select(i => $"Estate.Service{i:00}").ToList();
        var findings = new List<Finding>();
        var edgesMade = new HashSet<(string, int, int)>();
        var partners = edges / 5;
        var queues = Math.Max(1, components / 4);
        for (var i = 0; edgesMade.Count < edges; i++)
        {
            var c = i % components;
            var component = names[c];
            var kind = (i / components) % 4;
            var target = kind switch { 0 => (i * 7) % queues, 1 => ((i * 3) + 1) % queues, _ => (i * 13) % partners };
            if (!edgesMade.Add((component, Math.Min(kind, 2), target)))
            {
                continue;
            }

            findings.Add(kind switch
            {
                0 => Finding(component, Analyzers.FindingKinds.QueuePublish, $"queue:estate.events{target}", "RabbitMQ.Client", line: i + 1),
                1 => Finding(component, Analyzers.FindingKinds.QueueConsume, $"queue:estate.events{target}", "RabbitMQ.Client", line: i + 1),
                _ => Finding(component, Analyzers.FindingKinds.HttpClient, $"https://partner{target}.example/api/v1/resource{i}", line: i + 1),
            });
        }

        return Inventory(names.Select(name => Component(name)).ToList(), findings);
    }
}
