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
    public async Task FilesWithoutTriggerWords_ShouldBeBoundForTheirDeclarationsOnly_AndNothingShouldBeMissed()
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
        Assert.Equal(["INV1001", "INV1003", "INV9001"], filtered.Diagnostics.Select(d => d.Id).Order());
    }

    [Fact]
    public async Task ValuesInFilesWithoutTriggerWords_ShouldStillResolveTheTarget()
    {
        var compilation = Compile(
            """
            partial class Partner
            {
                private readonly System.Net.Http.HttpClient _client = new System.Net.Http.HttpClient();
                System.Threading.Tasks.Task Orders() => _client.GetAsync(Routes.Orders());
                System.Threading.Tasks.Task Stock() => _client.GetAsync(_stockPath);
                System.Threading.Tasks.Task Prices() => _client.GetAsync(Routes.Prices);
            }
            """,
            """
            static class Routes
            {
                public const string Prices = "/prices/current";
                public static string Orders() { var path = "orders/open"; return "/partner/" + path; }
                public static void Tidy(System.Collections.Generic.List<string> list) { list.Clear(); list.TrimExcess(); }
            }
            """,
            """
            partial class Partner
            {
                private readonly string _stockPath;
                public Partner() { _stockPath = "/stock/levels"; }
            }
            """);

        var filtered = await CompilationAnalyzer.AnalyzeAsync(compilation, new AnalyzerOptions([]), AnalyzerCatalog.Default, maxParallelism: 2, CancellationToken.None);
        var everything = await compilation.WithAnalyzers(AnalyzerCatalog.Default.Analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.Equal(1, filtered.FilesAnalyzed);
        Assert.Equal(Describe(everything), Describe(filtered.Diagnostics));
        var targets = filtered.Diagnostics.Select(d => d.Properties[InventoryScanner.Analyzers.FindingProperties.Target]).ToList();
        Assert.Contains("/prices/current", targets);
        Assert.Contains("/stock/levels", targets);

        static IEnumerable<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
            diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()} {string.Join(";", d.Properties.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))}").Order();
    }

    [Fact]
    public void DeclarationsOnly_ShouldBlankStatements_AndKeepPositionsAndWhatOtherFilesRead()
    {
        var source = """
            class Worker
            {
                private readonly string _name;
                public Worker() { _name = "kept"; }
                public void Run() { System.Console.WriteLine(_name); Step(); }
                public string Name() { return _name; }
                public int Count { get { return 3 + 4; } }
                public void Conditional()
                {
            #if DEBUG
                    Step();
            #endif
                }
                private void Step() { }
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source, path: "/src/Worker.cs");

        var declarations = DeclarationsOnly.Of(tree, CancellationToken.None);
        var text = declarations.GetText().ToString();

        Assert.Equal(source.Length, text.Length);
        Assert.Equal(source.Split('\n').Length, text.Split('\n').Length);
        Assert.Empty(declarations.GetDiagnostics());
        Assert.DoesNotContain("WriteLine", text);
        Assert.DoesNotContain("3 + 4", text);
        Assert.Contains("_name = \"kept\";", text);
        Assert.Contains("return _name;", text);
        Assert.Contains("Step();\n#endif", text.ReplaceLineEndings("\n"));
        Assert.Equal("/src/Worker.cs", declarations.FilePath);
    }

    [Fact]
    public async Task SecretHashes_ShouldBeSaltedPerRepository_AndStableForOne()
    {
        var compilation = Compile("""class Db { const string Password = "Hunter2-Hunter2"; }""");

        async Task<string> HashAsync(string? salt)
        {
            var globals = salt is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [InventoryScanner.Analyzers.OptionKeys.SecretSalt] = salt };
            var analysis = await CompilationAnalyzer.AnalyzeAsync(compilation, ScanWideOptions.With(new AnalyzerOptions([]), globals), AnalyzerCatalog.Default, maxParallelism: 1, CancellationToken.None);
            return Assert.Single(analysis.Diagnostics).Properties[InventoryScanner.Analyzers.FindingProperties.ValueHash]!;
        }

        var first = await HashAsync("repository-a");

        Assert.Equal(first, await HashAsync("repository-a"));
        Assert.NotEqual(first, await HashAsync("repository-b"));
        Assert.NotEqual(first, await HashAsync(null));
        Assert.Matches("^[0-9a-f]{16}$", first);
    }

    [Fact]
    public void RepositorySalt_ShouldBeTheSameInEveryCloneOfARepository_AndDifferBetweenRepositories()
    {
        if (Environment.GetEnvironmentVariable(InventoryScanner.Workspace.RepositorySalt.Variable) is not null)
        {
            return; // the environment sets the salt for every repository
        }

        var first = NewRepository("first");
        var second = NewRepository("second");
        var clone = Path.Combine(Directory.CreateTempSubdirectory("salt-").FullName, "clone");
        TestGit.Run(Path.GetTempPath(), "clone", "-q", first, clone);
        TestGit.Run(clone, "-c", "user.name=x", "-c", "user.email=x@example.com", "commit", "-q", "--allow-empty", "-m", "later work");

        var salt = InventoryScanner.Workspace.RepositorySalt.For(first);

        Assert.Equal("the repository's first commit", salt.Source);
        Assert.Matches("^[0-9a-f]{32}$", salt.Salt);
        Assert.Equal(salt, InventoryScanner.Workspace.RepositorySalt.For(clone));
        Assert.NotEqual(salt.Salt, InventoryScanner.Workspace.RepositorySalt.For(second).Salt);
        Assert.Null(InventoryScanner.Workspace.RepositorySalt.For(Directory.CreateTempSubdirectory("no-git-").FullName).Salt);
    }

    private static string NewRepository(string content)
    {
        var directory = Directory.CreateTempSubdirectory("salt-").FullName;
        File.WriteAllText(Path.Combine(directory, "README.md"), content);
        TestGit.Run(directory, "init", "-q");
        TestGit.Run(directory, "add", ".");
        TestGit.Run(directory, "-c", "user.name=x", "-c", "user.email=x@example.com", "commit", "-q", "-m", content);
        return directory;
    }


    [Fact]
    public async Task GeneratedFiles_ShouldBeBoundOnlyForWhatIsLookedForInGeneratedCode()
    {
        var compilation = Compile(
            """
            // <auto-generated />
            class MigrationSnapshot
            {
                void Build(System.Func<string, object> property) { property("Password"); property("ApiKey"); property("AccessToken"); }
            }
            """,
            """
            // <auto-generated>This code was generated by a tool.</auto-generated>
            class Settings
            {
                public string Orders => "Server=sql01;Database=Orders;User Id=app;Password=Gen3rated!";
                System.Threading.Tasks.Task Ping(System.Net.Http.HttpClient client) => client.GetAsync("https://generated.example/ping");
            }
            """);

        var result = await CompilationAnalyzer.AnalyzeAsync(compilation, new AnalyzerOptions([]), AnalyzerCatalog.Default, maxParallelism: 1, CancellationToken.None);

        Assert.Equal(1, result.FilesAnalyzed);
        var secret = Assert.Single(result.Diagnostics);
        Assert.Equal("INV9001", secret.Id);
    }

    [Fact]
    public void TriggerWordAcrossAChunkBoundary_ShouldStillBeSeen()
    {
        const string Before = "class C { void M() { ";
        var padding = new string(' ', (64 * 1024) - 2 - Before.Length - "x.".Length);
        var tree = CSharpSyntaxTree.ParseText(Before + padding + "x.BasicPublish(); } }");

        Assert.True(AnalyzerCatalog.Default.MayReport(tree, new AnalyzerOptions([]), CancellationToken.None));
        Assert.False(AnalyzerCatalog.Default.MayReport(CSharpSyntaxTree.ParseText("class C { }"), new AnalyzerOptions([]), CancellationToken.None));
    }

    [Fact]
    public void TriggerWordsOnlyInCommentsOrExcludedCode_ShouldNotBindTheFile()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            /// <summary>Sends the order; the caller Publishes it with BasicPublish.</summary>
            class C
            {
                // channel.BasicPublish("orders", body);
                /* var client = new HttpClient(); await client.GetAsync(url); password = "x"; */
            #if NEVER
                void M(IModel channel) => channel.BasicPublish("orders", "", null, body);
            #endif
                int Count() => 1;
            }
            """);

        Assert.False(AnalyzerCatalog.Default.MayReport(tree, new AnalyzerOptions([]), CancellationToken.None));
        Assert.True(AnalyzerCatalog.Default.MayReport(
            CSharpSyntaxTree.ParseText("class C { void M(IModel channel) => channel.BasicPublish(\"orders\", \"\", null, null); } // nothing here"),
            new AnalyzerOptions([]),
            CancellationToken.None));
    }

    private static Compilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Test",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, path: $"/src/File{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}
