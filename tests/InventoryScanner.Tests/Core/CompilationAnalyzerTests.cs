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
        Assert.Equal(["INV1001", "INV1003", "INV9001"], filtered.Diagnostics.Select(d => d.Id).Order());
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
        Git(Path.GetTempPath(), "clone", "-q", first, clone);
        Git(clone, "-c", "user.name=x", "-c", "user.email=x@example.com", "commit", "-q", "--allow-empty", "-m", "later work");

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
        Git(directory, "init", "-q");
        Git(directory, "add", ".");
        Git(directory, "-c", "user.name=x", "-c", "user.email=x@example.com", "commit", "-q", "-m", content);
        return directory;
    }

    private static void Git(string directory, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = System.Diagnostics.Process.Start(start)!;
        var error = git.StandardError.ReadToEnd();
        git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
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
