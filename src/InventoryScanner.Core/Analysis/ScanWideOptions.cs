using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InventoryScanner.Core.Analysis;

/// <summary>
/// Options the scanner sets for every project, as a global analyzer config would: they are added to the project's own
/// global options (the project's own value wins) and seen by the analyzers like any other.
/// </summary>
public static class ScanWideOptions
{
    public static AnalyzerOptions With(AnalyzerOptions options, IReadOnlyDictionary<string, string> globals) =>
        globals.Count == 0
            ? options
            : new AnalyzerOptions(options.AdditionalFiles, new Provider(options.AnalyzerConfigOptionsProvider, globals));

    private sealed class Provider(AnalyzerConfigOptionsProvider inner, IReadOnlyDictionary<string, string> globals) : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigOptions _global = new Overlay(inner.GlobalOptions, globals);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => inner.GetOptions(tree);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => inner.GetOptions(textFile);
    }

    private sealed class Overlay(AnalyzerConfigOptions inner, IReadOnlyDictionary<string, string> globals) : AnalyzerConfigOptions
    {
        public override IEnumerable<string> Keys => inner.Keys.Union(globals.Keys, KeyComparer);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) =>
            inner.TryGetValue(key, out value) || globals.TryGetValue(key, out value);
    }
}
