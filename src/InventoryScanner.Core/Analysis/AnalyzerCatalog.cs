using System.Buffers;
using System.Collections.Immutable;
using System.Reflection;
using InventoryScanner.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace InventoryScanner.Core.Analysis;

/// <summary>
/// The analyzers of the InventoryScanner.Analyzers assembly (the one detection engine) and the pre-filter their
/// <see cref="TriggerWordsAttribute"/>s define: a file that contains none of the words is never bound.
/// </summary>
public sealed class AnalyzerCatalog
{
    private readonly SearchValues<string>? _triggers;
    private readonly ImmutableArray<string> _optionKeys;

    private AnalyzerCatalog(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        Analyzers = analyzers;
        var words = new List<string>();
        var optionKeys = ImmutableArray.CreateBuilder<string>();
        var everyAnalyzerHasTriggers = true;
        foreach (var analyzer in analyzers)
        {
            var attribute = analyzer.GetType().GetCustomAttribute<TriggerWordsAttribute>();
            if (attribute is null)
            {
                everyAnalyzerHasTriggers = false;
                continue;
            }

            words.AddRange(attribute.Words);
            if (attribute.OptionKey is not null)
            {
                optionKeys.Add(attribute.OptionKey);
            }
        }

        // An analyzer that does not say what it looks for must see every file.
        _triggers = everyAnalyzerHasTriggers ? SearchValues.Create(words.Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), StringComparison.OrdinalIgnoreCase) : null;
        _optionKeys = optionKeys.ToImmutable();
    }

    public static AnalyzerCatalog Default { get; } = new(LoadAnalyzers(typeof(RuleIdentifiers).Assembly));

    public static AnalyzerCatalog Create(ImmutableArray<DiagnosticAnalyzer> analyzers) => new(analyzers);

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    /// <summary>True when the file may hold something an analyzer reports, so it must be bound and analysed.</summary>
    public bool MayReport(SyntaxTree tree, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (_triggers is null)
        {
            return true;
        }

        var text = tree.GetText(cancellationToken);
        if (Contains(text, _triggers))
        {
            return true;
        }

        foreach (var key in _optionKeys)
        {
            if (options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(key, out var configured))
            {
                var extra = configured.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (extra.Length > 0 && Contains(text, SearchValues.Create(extra, StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Contains(SourceText text, SearchValues<string> words)
    {
        // Read in overlapping chunks so a word split across two chunks is still seen, without copying the whole file.
        const int ChunkSize = 64 * 1024;
        const int Overlap = 64;
        var buffer = ArrayPool<char>.Shared.Rent(ChunkSize + Overlap);
        try
        {
            for (var start = 0; start < text.Length; start += ChunkSize)
            {
                var count = Math.Min(ChunkSize + Overlap, text.Length - start);
                text.CopyTo(start, buffer, 0, count);
                if (buffer.AsSpan(0, count).ContainsAny(words))
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers(Assembly assembly) =>
        assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>()?.Languages.Contains(LanguageNames.CSharp) == true)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();
}
