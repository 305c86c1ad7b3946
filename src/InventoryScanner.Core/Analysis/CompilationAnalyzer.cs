using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InventoryScanner.Core.Analysis;

/// <summary>What the analyzers reported over one compilation, and how much of it they had to look at.</summary>
public sealed record CompilationAnalysis(
    ImmutableArray<Diagnostic> Diagnostics,
    int FilesAnalyzed,
    int FilesTotal,
    IReadOnlyList<string> Messages)
{
    /// <summary>
    /// Diagnostics the code suppresses (<c>#pragma warning disable</c>, <c>[SuppressMessage]</c>), with how: they are not
    /// in <see cref="Diagnostics"/>. A suppressed secret is still listed, as accepted, with that reason.
    /// </summary>
    public IReadOnlyList<(Diagnostic Diagnostic, string Reason)> Suppressed { get; init; } = [];

    /// <summary>The time spent in the analyzers' own callbacks (summed over threads), when it was measured.</summary>
    public TimeSpan AnalyzerTime { get; init; }

    /// <summary><see cref="AnalyzerTime"/> per analyzer (its type name), when it was measured.</summary>
    public IReadOnlyDictionary<string, TimeSpan> AnalyzerTimes { get; init; } = new Dictionary<string, TimeSpan>();
}

/// <summary>
/// Runs the analyzer catalog over a compilation one file at a time: files the pre-filter rules out are never bound, a
/// file runs only the analyzers whose words it holds, and the compilation's own diagnostics are never asked for (that
/// would bind everything a second time).
/// </summary>
public static class CompilationAnalyzer
{
    public static async Task<CompilationAnalysis> AnalyzeAsync(
        Compilation compilation,
        AnalyzerOptions options,
        AnalyzerCatalog catalog,
        int maxParallelism,
        CancellationToken cancellationToken,
        bool measureAnalyzers = false)
    {
        var failures = new ConcurrentBag<string>();
        var analyzerOptions = new CompilationWithAnalyzersOptions(
            options,
            onAnalyzerException: (exception, analyzer, _) => failures.Add($"analyzer {analyzer.GetType().Name} failed: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: measureAnalyzers,
            reportSuppressedDiagnostics: true);
        var withAnalyzers = compilation.WithAnalyzers(catalog.Analyzers, analyzerOptions);

        var trees = compilation.SyntaxTrees.ToArray();
        var words = AnalyzerCatalog.WordsOf(compilation, cancellationToken);
        var results = new ImmutableArray<Diagnostic>[trees.Length];
        var analyzed = 0;

        // CompilationWithAnalyzers is thread-safe; files of one project are bound in parallel.
        await Parallel.ForEachAsync(
            Enumerable.Range(0, trees.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism), CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var tree = trees[index];
                // Only the analyzers whose words the file holds: an HTTP call's file need not run the broker rules.
                var analyzers = catalog.AnalyzersFor(tree, options, words, token);
                if (analyzers.IsEmpty)
                {
                    results[index] = [];
                    return;
                }

                Interlocked.Increment(ref analyzed);
                var model = compilation.GetSemanticModel(tree);
                var syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, analyzers, token).ConfigureAwait(false);
                var semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, analyzers, token).ConfigureAwait(false);
                results[index] = syntax.AddRange(semantic);
            }).ConfigureAwait(false);

        // Additional files (appsettings*.json, web.config) hold no code to bind; their actions are cheap and always run.
        var additional = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var file in options.AdditionalFiles)
        {
            var result = await withAnalyzers.GetAnalysisResultAsync(file, cancellationToken).ConfigureAwait(false);
            additional.AddRange(result.GetAllDiagnostics());
        }

        var analyzerTimes = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        if (measureAnalyzers)
        {
            foreach (var analyzer in catalog.Analyzers)
            {
                analyzerTimes[analyzer.GetType().Name] = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false)).ExecutionTime;
            }
        }

        var analyzerTime = TimeSpan.FromTicks(analyzerTimes.Values.Sum(t => t.Ticks));

        var all = results.SelectMany(r => r).Concat(additional).ToList();
        return new CompilationAnalysis(all.Where(d => !d.IsSuppressed).ToImmutableArray(), analyzed, trees.Length, failures.Distinct().ToList())
        {
            Suppressed = all.Where(d => d.IsSuppressed).Select(d => (d, SuppressionReason(d, compilation))).ToList(),
            AnalyzerTime = analyzerTime,
            AnalyzerTimes = analyzerTimes,
        };
    }

    private static string SuppressionReason(Diagnostic diagnostic, Compilation compilation)
    {
        var attribute = diagnostic.GetSuppressionInfo(compilation)?.Attribute;
        if (attribute is null)
        {
            return $"suppressed in the code (#pragma warning disable {diagnostic.Id})";
        }

        var justification = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Justification").Value.Value as string;
        return string.IsNullOrWhiteSpace(justification)
            ? $"suppressed in the code ([SuppressMessage] for {diagnostic.Id}, without a justification)"
            : $"suppressed in the code ([SuppressMessage]: {justification})";
    }
}
