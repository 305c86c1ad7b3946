using InventoryScanner.Cli;

namespace InventoryScanner.Tests.EndToEnd;

/// <summary>One run of the command line, in process, with its console output and report folder.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error, string OutDirectory)
{
    public static async Task<CliRun> ScanAsync(params string[] arguments)
    {
        var outDirectory = Directory.CreateTempSubdirectory("inventory-e2e-").FullName;
        return await RunAsync(outDirectory, ["scan", .. arguments, "--out", outDirectory]);
    }

    public static async Task<CliRun> RunAsync(string outDirectory, string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApplication.RunAsync(arguments, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString(), outDirectory);
    }

    public string Read(string file) => File.ReadAllText(Path.Combine(OutDirectory, file));

    /// <summary>Everything the run wrote: console streams and every file in the report folder.</summary>
    public IEnumerable<(string Name, string Text)> AllOutputs()
    {
        yield return ("stdout", Output);
        yield return ("stderr", Error);
        if (Directory.Exists(OutDirectory))
        {
            foreach (var file in Directory.EnumerateFiles(OutDirectory, "*", SearchOption.AllDirectories))
            {
                yield return (Path.GetFileName(file), File.ReadAllText(file));
            }
        }
    }
}

/// <summary>The README's main command, run once (with restore) for every test of the sample.</summary>
public sealed class SampleScanFixture : IAsyncLifetime
{
    internal CliRun Run { get; private set; } = null!;

    public async Task InitializeAsync() => Run = await CliRun.ScanAsync(RepositoryPaths.Sample, "--format", "json,html,md,sarif,csv,dot,graphml,backstage,structurizr,cyclonedx");

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class ScannerCollection : ICollectionFixture<SampleScanFixture>
{
    public const string Name = "scanner end to end";
}
