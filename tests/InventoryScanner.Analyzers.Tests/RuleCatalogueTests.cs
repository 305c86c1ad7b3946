using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InventoryScanner.Analyzers.Tests;

public sealed class RuleCatalogueTests
{
    private static readonly DiagnosticAnalyzer[] Analyzers = typeof(RuleIdentifiers).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToArray();

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct())
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void EveryRule_ShouldHaveAHelpPageAndAReleaseEntry(string id)
    {
        var descriptor = Analyzers.SelectMany(a => a.SupportedDiagnostics).First(d => d.Id == id);
        Assert.Equal(RuleIdentifiers.GetHelpUri(id), descriptor.HelpLinkUri);

        var root = RepositoryRoot();
        var page = Path.Combine(root, "analyzers", "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"missing {page}");
        Assert.StartsWith($"# {id} - {descriptor.Title}", File.ReadAllText(page));

        var releases = File.ReadAllText(Path.Combine(root, "analyzers", "InventoryScanner.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity}", releases);
    }

    [Fact]
    public void EveryAnalyzer_ShouldDeclareItsTriggerWords()
    {
        Assert.All(Analyzers, a => Assert.NotNull(a.GetType().GetCustomAttribute<TriggerWordsAttribute>()));
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "InventoryScanner.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("InventoryScanner.sln not found above " + AppContext.BaseDirectory);
    }
}
