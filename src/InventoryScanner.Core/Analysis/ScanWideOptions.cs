using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using InventoryScanner.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InventoryScanner.Core.Analysis;

/// <summary>
/// Options the scanner sets for every project, as a global analyzer config would: they are added to the project's own
/// global options (the project's own value wins) and seen by the analyzers like any other. Files lent to a project for
/// the environment they give it get <see cref="OptionKeys.AdditionalFileRole"/> <c>environment</c>, as a build's item
/// metadata would give them. The project's folder is the scanner's (<see cref="OptionKeys.ProjectDirectory"/>): a build
/// evaluated through an SDK overlay reports the overlay's path.
/// </summary>
public static class ScanWideOptions
{
    public static AnalyzerOptions With(AnalyzerOptions options, IReadOnlyDictionary<string, string> globals, IReadOnlySet<string>? lent = null) =>
        globals.Count == 0 && (lent is null || lent.Count == 0)
            ? options
            : new AnalyzerOptions(options.AdditionalFiles, new Provider(options.AnalyzerConfigOptionsProvider, globals, lent ?? ImmutableHashSet<string>.Empty));

    /// <summary>The same for one project, whose folder is <paramref name="projectDirectory"/>.</summary>
    public static AnalyzerOptions ForProject(AnalyzerOptions options, IReadOnlyDictionary<string, string> globals, IReadOnlySet<string> lent, string projectDirectory) =>
        With(options, new Dictionary<string, string>(globals) { [OptionKeys.ProjectDirectory] = projectDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar }, lent);

    private static readonly IReadOnlyDictionary<string, string> EnvironmentRole = new Dictionary<string, string> { [OptionKeys.AdditionalFileRole] = OptionKeys.EnvironmentRole };

    private sealed class Provider(AnalyzerConfigOptionsProvider inner, IReadOnlyDictionary<string, string> globals, IReadOnlySet<string> lent) : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigOptions _global = new Overlay(inner.GlobalOptions, globals);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => inner.GetOptions(tree);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            lent.Contains(textFile.Path) ? new Overlay(inner.GetOptions(textFile), EnvironmentRole) : inner.GetOptions(textFile);
    }

    private sealed class Overlay(AnalyzerConfigOptions inner, IReadOnlyDictionary<string, string> globals) : AnalyzerConfigOptions
    {
        public override IEnumerable<string> Keys => inner.Keys.Union(globals.Keys, KeyComparer);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) =>
            key == OptionKeys.ProjectDirectory
                ? globals.TryGetValue(key, out value) || inner.TryGetValue(key, out value)
                : inner.TryGetValue(key, out value) || globals.TryGetValue(key, out value);
    }
}
