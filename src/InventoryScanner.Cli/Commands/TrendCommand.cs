using System.CommandLine;
using InventoryScanner.Core.History;
using InventoryScanner.Reporting;

namespace InventoryScanner.Cli.Commands;

/// <summary><c>inventory trend</c>: how the scans recorded with <c>--history</c> moved.</summary>
internal static class TrendCommand
{
    private static readonly Option<string> HistoryOption = new("--history")
    {
        Description = $"The history store (default {HistoryStore.DefaultPath} under the current folder).",
        HelpName = "path",
        DefaultValueFactory = _ => HistoryStore.DefaultPath,
    };

    private static readonly Option<string> FormatOption = new("--format")
    {
        Description = "table (default), md or json (every scan with its counts per kind and each component's scores).",
        HelpName = "table|md|json",
        DefaultValueFactory = _ => "table",
    };

    public static Command Create(TextWriter output, TextWriter error)
    {
        FormatOption.AcceptOnlyFromAmong([.. TrendWriter.Formats]);
        var command = new Command("trend", Description) { HistoryOption, FormatOption };
        command.SetAction(parseResult => Run(parseResult, output, error));
        return command;
    }

    private const string Description = """
        Show how the recorded scans moved: findings, integration points, secrets, the estate's maturity level and sprawl
        index, and the priorities' total effort, each with its change since the scan before.

        Examples:
          inventory trend
          inventory trend --history audit/history.db --format md
        """;

    private static int Run(ParseResult parseResult, TextWriter output, TextWriter error)
    {
        var path = parseResult.GetValue(HistoryOption)!;
        if (!File.Exists(path))
        {
            error.WriteLine($"error: no history at '{path}': record scans with 'inventory scan <path> --history'");
            return ExitCodes.UsageError;
        }

        try
        {
            using var store = HistoryStore.Open(path);
            output.Write(TrendWriter.Render(store.Scans(), parseResult.GetValue(FormatOption)!));
            return ExitCodes.Success;
        }
        catch (HistoryException exception)
        {
            error.WriteLine("error: " + exception.Message);
            return ExitCodes.UsageError;
        }
    }
}
