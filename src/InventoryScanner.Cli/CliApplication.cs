using System.CommandLine;
using InventoryScanner.Cli.Commands;

namespace InventoryScanner.Cli;

/// <summary>The command line: parsing, and the exit code for usage errors (System.CommandLine would use 1).</summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("InventoryScanner: an inventory of a .NET estate's integrations and hard-coded secrets.")
        {
            ScanCommand.Create(output, error),
            ScanCommand.CreateBaseline(output, error),
            DiffCommand.Create(output, error),
            TrendCommand.Create(output, error),
            MergeCommand.Create(output, error),
            ManifestCommand.Create(output, error),
            CompletionCommand.Create(output),
        };

        // "@contoso/payments" is a CODEOWNERS owner (diff --owner), not a response file to read arguments from.
        var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                error.WriteLine("error: " + parseError.Message);
            }

            error.WriteLine("Run 'inventory scan --help' for usage.");
            return ExitCodes.UsageError;
        }

        // Ctrl+C and SIGTERM cancel the scan's token; the scan stops within this time (a restore or a build host it
        // started is killed) and exits with 130 without writing reports. Without it the runtime ends the process at once.
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = TimeSpan.FromSeconds(10) };
        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
