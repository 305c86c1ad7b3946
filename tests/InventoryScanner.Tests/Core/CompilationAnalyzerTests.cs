using System.Collections.Immutable;
using InventoryScanner.Core.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InventoryScanner.Tests.Core;

public sealed class CompilationAnalyzerTests
{
    private static readonly ImmutableArray<MetadataReference> References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) == "netstandard.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

    [Fact]
    public async Task FilesWithoutTriggerWords_ShouldNotBeBoundAndNothingShouldBeMissed()
    {
        var compilation = Compile(
            """
            class Partner
            {
                System.Threading.Tasks.Task Call(System.Net.Http.HttpClient client) => client.GetAsync("https://partner.example/api");
                const string Password = "Hunter2-Hunter2";
            }
            """,
            """
            class Calculator
            {
                int Add(int a, int b) => a + b;
                string Greeting => "hello world";
            }
            """);

        var filtered = await CompilationAnalyzer.AnalyzeAsync(compilation, new AnalyzerOptions([]), AnalyzerCatalog.Default, maxParallelism: 2, CancellationToken.None);
        var everything = await compilation.WithAnalyzers(AnalyzerCatalog.Default.Analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.Equal(1, filtered.FilesAnalyzed);
        Assert.Equal(2, filtered.FilesTotal);
        Assert.Equal(
            everything.Select(d => $"{d.Id} {d.Location.GetLineSpan()}").Order(),
            filtered.Diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()}").Order());
        Assert.Equal(2, filtered.Diagnostics.Length);
    }

    [Fact]
    public void TriggerWordAcrossAChunkBoundary_ShouldStillBeSeen()
    {
        var padding = new string(' ', (64 * 1024) - 4);
        var tree = CSharpSyntaxTree.ParseText("//" + padding + "BasicPublish");

        Assert.True(AnalyzerCatalog.Default.MayReport(tree, new AnalyzerOptions([]), CancellationToken.None));
        Assert.False(AnalyzerCatalog.Default.MayReport(CSharpSyntaxTree.ParseText("class C { }"), new AnalyzerOptions([]), CancellationToken.None));
    }

    private static Compilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Test",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, path: $"/src/File{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}
