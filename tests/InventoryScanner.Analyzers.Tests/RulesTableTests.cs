using System.Text;
using InventoryScanner.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InventoryScanner.Analyzers.Tests;

/// <summary>The rules table of docs/rules.md is generated from the descriptors; this fails when the two drift apart.</summary>
public sealed class RulesTableTests
{
    private const string Marker = "<!-- rules -->";

    [Fact]
    public void RulesTable_ShouldMatchTheDescriptors()
    {
        var readme = File.ReadAllText(Path.Combine(RuleCatalogueTests.RepositoryRoot(), "docs", "rules.md"));
        var start = readme.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length;
        var end = readme.IndexOf(Marker, start, StringComparison.Ordinal);
        Assert.True(start > Marker.Length && end > start, "docs/rules.md needs a table between two <!-- rules --> markers");

        var actual = readme[start..end].Trim();
        Assert.Equal(Expected(), actual);
    }

    private static string Expected()
    {
        var configurable = new HashSet<string> { RuleIdentifiers.HardcodedCredential, RuleIdentifiers.PlainHttp, RuleIdentifiers.HttpClientCall, RuleIdentifiers.GrpcClientCall };
        var fixable = typeof(MoveToConfigurationCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
            .ToHashSet();
        var builder = new StringBuilder();
        builder.Append("| Id | Category | Description | Severity | Is enabled | Code fix | Configurable |\n");
        builder.Append("|---|---|---|---|---|---|---|");
        var descriptors = typeof(RuleIdentifiers).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .OrderBy(d => d.Id, StringComparer.Ordinal);
        foreach (var d in descriptors)
        {
            builder.Append('\n').Append($"| [{d.Id}](../analyzers/docs/rules/{d.Id}.md) | {d.Category} | {d.Title} | {d.DefaultSeverity} | {(d.IsEnabledByDefault ? "✔️" : "❌")} | {(fixable.Contains(d.Id) ? "✔️" : "❌")} | {(configurable.Contains(d.Id) ? "✔️" : "❌")} |");
        }

        return builder.ToString();
    }
}
