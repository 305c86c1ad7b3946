using System.CommandLine;
using InventoryScanner.Core.Baseline;
using InventoryScanner.Reporting;

namespace InventoryScanner.Cli.Commands;

/// <summary><c>inventory diff &lt;old&gt; &lt;new&gt;</c>: what two scans differ by, matched by fingerprint.</summary>
internal static class DiffCommand
{
    private static readonly Argument<string> OldArgument = new("old")
    {
        Description = "The earlier inventory.json or baseline (inventory.baseline.json).",
    };

    private static readonly Argument<string> NewArgument = new("new")
    {
        Description = "The later inventory.json or baseline.",
    };

    private static readonly Option<string> FormatOption = new("--format")
    {
        Description = "text (default), md (for a pull-request comment) or json (added, removed, changed, maturity, sprawl).",
        HelpName = "text|md|json",
        DefaultValueFactory = _ => "text",
    };

    private static readonly Option<string?> OutOption = new("--out", "-o")
    {
        Description = "Write the diff to this file instead of standard output.",
    };

    private static readonly Option<string[]> OwnerOption = new("--owner")
    {
        Description = "Only findings this owner has by CODEOWNERS (@team, @user or an e-mail), repeated for several.",
        HelpName = "owner",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Command Create(TextWriter output, TextWriter error)
    {
        FormatOption.AcceptOnlyFromAmong([.. DiffWriter.Formats]);
        var command = new Command("diff", Description) { OldArgument, NewArgument, FormatOption, OutOption, OwnerOption };
        command.SetAction(parseResult => Run(parseResult, output, error));
        return command;
    }

    private const string Description = """
        List the integrations and secrets added, removed and changed between two scans, and the maturity levels and sprawl
        indexes that moved. Findings are matched by fingerprint, so code that moved or lines inserted above a finding are
        no change.

        Examples:
          inventory diff main/inventory.json pr/inventory.json
          inventory diff inventory.baseline.json inventory-report/inventory.json --format md -o comment.md
          inventory diff old.json new.json --owner @contoso/payments
        """;

    private static int Run(ParseResult parseResult, TextWriter output, TextWriter error)
    {
        try
        {
            var before = Snapshot.Read(parseResult.GetValue(OldArgument)!);
            var after = Snapshot.Read(parseResult.GetValue(NewArgument)!);
            var owners = parseResult.GetValue(OwnerOption) ?? [];
            Func<SnapshotFinding, bool>? filter = owners.Length == 0 ? null : f => f.Owners.Any(o => owners.Contains(o, StringComparer.OrdinalIgnoreCase));
            var text = DiffWriter.Render(InventoryDiff.Compare(before, after, filter), parseResult.GetValue(FormatOption)!);
            if (parseResult.GetValue(OutOption) is { } file)
            {
                File.WriteAllText(file, text);
            }
            else
            {
                output.Write(text);
            }

            return ExitCodes.Success;
        }
        catch (SnapshotException exception)
        {
            error.WriteLine("error: " + exception.Message);
            return ExitCodes.UsageError;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine("error: cannot write the diff: " + exception.Message);
            return ExitCodes.UsageError;
        }
    }
}
