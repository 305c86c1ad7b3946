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
/// Runs the analyzer catalog over a compilation: the analyzers whose words some file holds, over the whole compilation
/// at once, with the files that hold no words cut down to their declarations (<see cref="DeclarationsOnly"/>), so the
/// compiler binds the statements of the files that matter and only the declarations of the rest.
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
        var trees = compilation.SyntaxTrees.ToArray();
        var words = AnalyzerCatalog.WordsOf(compilation, cancellationToken);
        var subsets = new ImmutableArray<DiagnosticAnalyzer>[trees.Length];
        var forAnalysis = new SyntaxTree[trees.Length];
        Parallel.For(
            0,
            trees.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism), CancellationToken = cancellationToken },
            index =>
            {
                subsets[index] = catalog.AnalyzersFor(trees[index], options, words, cancellationToken);
                forAnalysis[index] = subsets[index].IsEmpty ? DeclarationsOnly.Of(trees[index], cancellationToken) : trees[index];
            });

        // One analysis of the whole compilation, not one per file: CompilationWithAnalyzers forks the compilation and
        // starts every analyzer afresh for each file it is asked about, which on garnet cost more than binding every
        // file (https://github.com/dotnet/roslyn/issues/66714 explains the fork).
        var triggered = catalog.Analyzers.Where(analyzer => subsets.Any(subset => subset.Contains(analyzer))).ToImmutableArray();
        var all = new List<Diagnostic>();
        var telemetry = new List<(CompilationWithAnalyzers, ImmutableArray<DiagnosticAnalyzer>)>();
        var analysed = compilation;
        if (!triggered.IsEmpty)
        {
            analysed = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(forAnalysis);
            var withAnalyzers = analysed.WithAnalyzers(triggered, analyzerOptions);
            var result = await withAnalyzers.GetAnalysisResultAsync(cancellationToken).ConfigureAwait(false);
            all.AddRange(result.GetAllDiagnostics());
            telemetry.Add((withAnalyzers, triggered));
        }

        // Additional files (appsettings*.json, web.config) hold no code to bind: the analyzers no source file needed
        // still read them, one file at a time.
        var rest = catalog.Analyzers.RemoveRange(triggered);
        if (!rest.IsEmpty && !options.AdditionalFiles.IsEmpty)
        {
            var withRest = compilation.WithAnalyzers(rest, analyzerOptions);
            foreach (var file in options.AdditionalFiles)
            {
                var result = await withRest.GetAnalysisResultAsync(file, cancellationToken).ConfigureAwait(false);
                all.AddRange(result.GetAllDiagnostics());
            }

            telemetry.Add((withRest, rest));
        }

        var analyzerTimes = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        if (measureAnalyzers)
        {
            foreach (var (withAnalyzers, analyzers) in telemetry)
            {
                foreach (var analyzer in analyzers)
                {
                    analyzerTimes[analyzer.GetType().Name] = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false)).ExecutionTime;
                }
            }
        }

        var analyzerTime = TimeSpan.FromTicks(analyzerTimes.Values.Sum(t => t.Ticks));

        var analyzed = subsets.Count(subset => !subset.IsEmpty);
        return new CompilationAnalysis(all.Where(d => !d.IsSuppressed).ToImmutableArray(), analyzed, trees.Length, failures.Distinct().ToList())
        {
            Suppressed = all.Where(d => d.IsSuppressed).Select(d => (d, SuppressionReason(d, analysed))).ToList(),
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
