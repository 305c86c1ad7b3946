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
    IReadOnlyList<string> Messages);

/// <summary>
/// Runs the analyzer catalog over a compilation one file at a time: files the pre-filter rules out are never bound,
/// and the compilation's own diagnostics are never asked for (that would bind everything a second time).
/// </summary>
public static class CompilationAnalyzer
{
    public static async Task<CompilationAnalysis> AnalyzeAsync(
        Compilation compilation,
        AnalyzerOptions options,
        AnalyzerCatalog catalog,
        CancellationToken cancellationToken)
    {
        var failures = new ConcurrentBag<string>();
        var analyzerOptions = new CompilationWithAnalyzersOptions(
            options,
            onAnalyzerException: (exception, analyzer, _) => failures.Add($"analyzer {analyzer.GetType().Name} failed: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(catalog.Analyzers, analyzerOptions);

        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var analyzed = 0;
        var total = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            total++;
            if (!catalog.MayReport(tree, options, cancellationToken))
            {
                continue;
            }

            analyzed++;
            var model = compilation.GetSemanticModel(tree);
            diagnostics.AddRange(await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, cancellationToken).ConfigureAwait(false));
            diagnostics.AddRange(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, cancellationToken).ConfigureAwait(false));
        }

        return new CompilationAnalysis(diagnostics.ToImmutable(), analyzed, total, failures.Distinct().ToList());
    }
}
