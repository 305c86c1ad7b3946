using InventoryScanner.Core.Passes;
using InventoryScanner.Core.Analysis;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Tests;

/// <summary>Small inventories for tests of the graph and the reports.</summary>
internal static class Builders
{
    public static Component Component(string name, string analysis = AnalysisLevel.Semantic) =>
        new() { Name = name, Project = $"src/{name}/{name}.csproj", Analysis = analysis };

    public static Finding Finding(string component, string kind, string target, string library = "System.Net.Http", string? evidence = null, int line = 10, string ruleId = "INV0000", string? symbol = null, string? path = null) => new()
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
        Severity = "hidden",
        Message = "message",
        Symbol = symbol ?? "M:" + component + ".Run",
    };

    public static Inventory Inventory(IReadOnlyList<Component> components, IReadOnlyList<Finding> findings)
    {
        // A root with no allowlist in it: every pass runs as in a scan.
        var scan = new ScanResult(Path.Combine(Path.GetTempPath(), "inventory-builders-no-root"), components, [], findings, []);
        return InventoryPipeline.Run(scan, "sample.sln", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
    }
}
