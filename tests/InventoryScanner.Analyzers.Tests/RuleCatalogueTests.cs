using System.Reflection;
using Microsoft.CodeAnalysis;
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

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void EveryRulePage_ShouldSayWhyGiveExamplesAndHowToConfigure(string id)
    {
        var descriptor = Analyzers.SelectMany(a => a.SupportedDiagnostics).First(d => d.Id == id);
        var headings = File.ReadAllLines(Path.Combine(RepositoryRoot(), "analyzers", "docs", "rules", id + ".md"))
            .Where(l => l.StartsWith("## ", StringComparison.Ordinal))
            .ToList();

        Assert.Contains("## Why it matters", headings);
        Assert.Contains(headings, h => h.StartsWith("## Configuration", StringComparison.Ordinal));
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Hidden)
        {
            // An inventory fact is not a mistake: its page shows what it records instead of a bad and a good example.
            Assert.Contains("## Example", headings);
            Assert.Contains("## What it records", headings);
        }
        else
        {
            Assert.Contains("## Non-compliant", headings);
            Assert.Contains("## Compliant", headings);
        }
    }

    /// <summary>
    /// The severity presets shipped in the package (configuration/*.globalconfig) name every rule, with the severity the
    /// preset promises for an anti-pattern (a warning by default) and for an inventory fact (hidden by default).
    /// </summary>
    [Theory]
    [InlineData("default", "warning", "silent")]
    [InlineData("strict", "error", "silent")]
    [InlineData("inventory", "warning", "suggestion")]
    [InlineData("none", "none", "none")]
    public void SeverityPreset_ShouldNameEveryRule(string preset, string antiPattern, string fact)
    {
        var path = Path.Combine(RepositoryRoot(), "analyzers", "InventoryScanner.Analyzers.Package", "configuration", preset + ".globalconfig");
        var lines = File.ReadAllLines(path);
        Assert.Contains("is_global = true", lines);
        Assert.Contains("global_level = -100", lines);

        var severities = lines.Where(l => l.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0].Trim()["dotnet_diagnostic.".Length..^".severity".Length], p => p[1].Trim());
        var expected = Analyzers.SelectMany(a => a.SupportedDiagnostics)
            .DistinctBy(d => d.Id)
            .ToDictionary(d => d.Id, d => d.DefaultSeverity == DiagnosticSeverity.Hidden ? fact : antiPattern);
        Assert.Equal(expected.OrderBy(p => p.Key), severities.OrderBy(p => p.Key));
    }

    [Fact]
    public void EveryAnalyzer_ShouldDeclareItsTriggerWords()
    {
        Assert.All(Analyzers, a => Assert.NotNull(a.GetType().GetCustomAttribute<TriggerWordsAttribute>()));
    }

    /// <summary>
    /// The pre-filter skips a file that holds none of an analyzer's trigger words, so every API of the broker catalogue
    /// must hold one in a name its callers write (a member, or the type the call site names): a library added to the
    /// catalogue without a trigger word would be found by the tests and missed in every real file.
    /// </summary>
    [Fact]
    public void BrokerCatalogue_ShouldBeReachableThroughTheTriggerWords()
    {
        var words = typeof(InventoryScanner.Analyzers.Rules.BrokerClientAnalyzer).GetCustomAttribute<TriggerWordsAttribute>()!.Words;

        Assert.All(InventoryScanner.Analyzers.Messaging.BrokerApi.All, api =>
        {
            var names = api.Members.Where(m => m != ".ctor").Append(api.SimpleName).Append(api.FactoryMethod ?? string.Empty);
            Assert.True(
                names.Any(name => words.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase))),
                $"{api.Library} {api.TypeName} ({string.Join(", ", api.Members)}): no trigger word of BrokerClientAnalyzer in its names");
        });
    }

    /// <summary>
    /// The same for the HTTP catalogue: a file that uses a library names one of its types, or calls one of its request
    /// methods (every prefix must begin a trigger word); a registration names a trigger word of the HTTP or gRPC rule.
    /// </summary>
    [Fact]
    public void HttpCatalogue_ShouldBeReachableThroughTheTriggerWords()
    {
        var words = typeof(InventoryScanner.Analyzers.Rules.HttpClientCallAnalyzer).GetCustomAttribute<TriggerWordsAttribute>()!.Words;
        var grpcWords = typeof(InventoryScanner.Analyzers.Rules.GrpcClientCallAnalyzer).GetCustomAttribute<TriggerWordsAttribute>()!.Words;

        Assert.All(InventoryScanner.Analyzers.Http.HttpLibrary.All, library => Assert.True(
            library.SimpleTypeNames.Any(type => words.Any(word => type.Contains(word, StringComparison.OrdinalIgnoreCase)))
            || library.RequestPrefixes.All(prefix => words.Any(word => word.StartsWith(prefix, StringComparison.Ordinal))),
            $"{library.Name}: neither a type name nor every request prefix reaches a trigger word of HttpClientCallAnalyzer"));
        Assert.All(InventoryScanner.Analyzers.Http.HttpLibrary.RegistrationWords, registration => Assert.True(
            words.Concat(grpcWords).Any(word => registration.Contains(word, StringComparison.OrdinalIgnoreCase)),
            $"{registration}: no trigger word of the HTTP or gRPC rule in it"));
    }

    /// <summary>The same for the data-store catalogue: every type a connection is created as, and every call.</summary>
    [Fact]
    public void DataStoreCatalogue_ShouldBeReachableThroughTheTriggerWords()
    {
        var words = typeof(InventoryScanner.Analyzers.Rules.DataStoreAnalyzer).GetCustomAttribute<TriggerWordsAttribute>()!.Words;
        var names = InventoryScanner.Analyzers.DataStores.DataStoreApi.Constructors.Select(a => a.SimpleName)
            .Concat(InventoryScanner.Analyzers.DataStores.DataStoreApi.Contexts.Select(a => a.SimpleName))
                        // Static factories and helpers (Connect, Create, Parse, Execute…) are reached through their type's name.
            .Concat(InventoryScanner.Analyzers.DataStores.DataStoreApi.Calls.Select(a => new[] { "Connect", "Create", "Parse", "Execute" }.Any(p => a.Member!.StartsWith(p, StringComparison.Ordinal)) ? a.SimpleName : a.Member!));

        Assert.All(names, name => Assert.True(words.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase)), $"{name}: no trigger word of DataStoreAnalyzer in it"));
    }

    /// <summary>The same for the operations catalogue: every call, type, property and header it knows.</summary>
    [Fact]
    public void OperationsCatalogue_ShouldBeReachableThroughTheTriggerWords()
    {
        var words = typeof(InventoryScanner.Analyzers.Rules.OperationalReadinessAnalyzer).GetCustomAttribute<TriggerWordsAttribute>()!.Words;
        var names = InventoryScanner.Analyzers.Operations.OperationalApi.Calls.Select(a => a.Member)
            .Concat(InventoryScanner.Analyzers.Operations.OperationalApi.Creations.Select(a => a.Member))
            .Concat(InventoryScanner.Analyzers.Operations.OperationalApi.Assignments.Select(a => a.Property))
            .Concat(InventoryScanner.Analyzers.Operations.OperationalApi.CredentialHeaders)
            .Append("IHealthChecksBuilder")
            .Distinct();

        Assert.All(names, name => Assert.True(words.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase)), $"{name}: no trigger word of OperationalReadinessAnalyzer in it"));
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
