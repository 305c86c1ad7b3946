using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InventoryScanner.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs one analyzer over source compiled against this runtime's assemblies and returns its diagnostics, so tests can
/// read the structured properties the scanner consumes (the verifier checks locations and messages only).
/// </summary>
public static class AnalyzerRunner
{
    public const string PathMarker = "// path: ";

    private static readonly ImmutableArray<MetadataReference> RuntimeReferences =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

    public static Task<ImmutableArray<Diagnostic>> RunAsync(DiagnosticAnalyzer analyzer, params string[] sources) =>
        RunAsync(analyzer, [], sources);

    /// <summary>Runs with AdditionalFiles given as (path, text), such as appsettings.json.</summary>
    public static Task<ImmutableArray<Diagnostic>> RunAsync(DiagnosticAnalyzer analyzer, (string Path, string Text)[] additionalFiles, params string[] sources) =>
        RunAsync(analyzer, OutputKind.DynamicallyLinkedLibrary, additionalFiles, sources);

    /// <summary>
    /// Runs as the scanner runs a project: with its folder (<see cref="OptionKeys.ProjectDirectory"/>) and deployment files
    /// lent to it for their environment (<see cref="OptionKeys.AdditionalFileRole"/>).
    /// </summary>
    public static Task<ImmutableArray<Diagnostic>> RunInProjectAsync(DiagnosticAnalyzer analyzer, string projectDirectory, (string Path, string Text)[] additionalFiles, string[] lent, params string[] sources) =>
        RunAsync(analyzer, OutputKind.DynamicallyLinkedLibrary, additionalFiles, sources, provider: new ProjectOptions(projectDirectory, [.. lent]));

    /// <summary>Runs over a program with top-level statements (the first source), such as an AppHost's Program.cs.</summary>
    public static Task<ImmutableArray<Diagnostic>> RunProgramAsync(DiagnosticAnalyzer analyzer, params string[] sources) =>
        RunAsync(analyzer, OutputKind.ConsoleApplication, [], sources);

    /// <summary>
    /// Runs over sources that reference stub libraries compiled apart, each under its own assembly name
    /// (<c>OpenTelemetry.Extensions.Hosting</c>), for rules that recognise an API by the assembly that declares it.
    /// </summary>
    public static Task<ImmutableArray<Diagnostic>> RunWithLibrariesAsync(DiagnosticAnalyzer analyzer, (string Assembly, string Source)[] libraries, params string[] sources)
    {
        var references = RuntimeReferences;
        foreach (var (assembly, source) in libraries)
        {
            var library = CSharpCompilation.Create(assembly, [CSharpSyntaxTree.ParseText(source)], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var image = new MemoryStream();
            var emitted = library.Emit(image);
            Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
            references = references.Add(MetadataReference.CreateFromImage(image.ToArray()));
        }

        return RunAsync(analyzer, OutputKind.DynamicallyLinkedLibrary, [], sources, references);
    }

    private static async Task<ImmutableArray<Diagnostic>> RunAsync(DiagnosticAnalyzer analyzer, OutputKind outputKind, (string Path, string Text)[] additionalFiles, string[] sources, ImmutableArray<MetadataReference>? references = null, AnalyzerConfigOptionsProvider? provider = null)
    {
        // A source whose first line is "// path: <path>" gets that path (generated proxies live in known folders).
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(
            source,
            path: source.StartsWith(PathMarker, StringComparison.Ordinal) ? source[PathMarker.Length..source.IndexOf('\n', StringComparison.Ordinal)].Trim() : $"/0/Test{i}.cs")).ToArray();
        var compilation = CSharpCompilation.Create(
            "Test",
            trees,
            references ?? RuntimeReferences,
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
        ImmutableArray<AdditionalText> texts = [.. additionalFiles.Select(file => (AdditionalText)new InMemoryAdditionalText(file.Path, file.Text))];
        var options = provider is null ? new AnalyzerOptions(texts) : new AnalyzerOptions(texts, provider);
        var diagnostics = await compilation
            .WithAnalyzers([analyzer], options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        AssertTheScannerWouldBindWhereItReports(analyzer, compilation, diagnostics);
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    /// <summary>
    /// The scanner binds only the files that hold one of an analyzer's trigger words (or name one of the compilation's
    /// client types): every file an analyzer reports in, in any test, must hold one, or a scan would lose the report.
    /// </summary>
    private static void AssertTheScannerWouldBindWhereItReports(DiagnosticAnalyzer analyzer, Compilation compilation, ImmutableArray<Diagnostic> diagnostics)
    {
        var declared = analyzer.GetType().GetCustomAttributes(typeof(TriggerWordsAttribute), false).Cast<TriggerWordsAttribute>().SingleOrDefault();
        if (declared is not { Words.Length: > 0 })
        {
            return; // an analyzer without words sees every file
        }

        string[] words = [.. declared.Words, .. declared.GeneratedCodeWords, .. Http.ClientTypes.NamesToBind(compilation, CancellationToken.None)];
        foreach (var tree in diagnostics.Select(d => d.Location.SourceTree).OfType<SyntaxTree>().Distinct())
        {
            var text = tree.GetText().ToString();
            Assert.True(
                words.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase)),
                $"{analyzer.GetType().Name} reported in {tree.FilePath}, which holds none of its trigger words: a scan would not bind the file");
        }
    }

    /// <summary>The one inventory fact the sources produce; anti-pattern warnings on the same call are left to their own tests.</summary>
    public static async Task<Diagnostic> SingleAsync(DiagnosticAnalyzer analyzer, params string[] sources)
    {
        var diagnostics = await RunAsync(analyzer, sources);
        return Assert.Single(diagnostics, d => d.Properties.GetValueOrDefault(FindingProperties.Kind) != FindingKinds.AntiPattern);
    }
}

internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) =>
        Microsoft.CodeAnalysis.Text.SourceText.From(text);
}

internal sealed class ProjectOptions(string projectDirectory, HashSet<string> lent) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new() { [OptionKeys.ProjectDirectory] = projectDirectory });

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new Options(lent.Contains(textFile.Path) ? new() { [OptionKeys.AdditionalFileRole] = OptionKeys.EnvironmentRole } : []);

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
