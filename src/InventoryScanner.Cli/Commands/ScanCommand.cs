using System.CommandLine;
using InventoryScanner.Core.Baseline;
using InventoryScanner.Core.Passes;
using InventoryScanner.Core.Model;
using InventoryScanner.Reporting;
using InventoryScanner.Workspace;

namespace InventoryScanner.Cli.Commands;

/// <summary><c>inventory scan &lt;path&gt;</c>: scan, build the inventory, write the reports.</summary>
internal static class ScanCommand
{
    private static readonly Argument<string> PathArgument = new("path")
    {
        Description = "A .sln, .slnx or .csproj file, or a folder (every project file under it).",
    };

    private static readonly Option<string> OutOption = new("--out", "-o")
    {
        Description = "Folder for inventory.json, report.html and report.md.",
        DefaultValueFactory = _ => "inventory-report",
    };

    private static readonly Option<bool> NoRestoreOption = new("--no-restore")
    {
        Description = "Do not run 'dotnet restore' before loading the projects, and download nothing (old-format .NET Framework projects then use only the reference assemblies and packages already in the NuGet cache).",
    };

    private static readonly Option<bool> NoBuildEvalOption = new("--no-build-eval")
    {
        Description = "Do not evaluate any MSBuild file of the scanned repository (no restore, no project load): every project is analysed from its source files alone. For code you do not trust.",
    };

    private static readonly Option<bool> DesignTimeLoadOption = new("--design-time-load")
    {
        Description = "Load every project with MSBuild's design-time build, as an IDE does, instead of evaluating restored projects and reading their references from project.assets.json (slower; the same inventory).",
    };

    private static readonly Option<string?> FrameworkOption = new("--framework", "-f")
    {
        Description = "The target framework a multi-targeted project is analysed for, when it targets it (default: its first by name, as an IDE shows it); code under #if for other frameworks is not seen.",
        HelpName = "tfm",
    };

    private static readonly Option<bool> IncludeTestsOption = new("--include-tests")
    {
        Description = "Scan test projects too (recognised by their xunit, NUnit, MSTest or Microsoft.NET.Test.Sdk references).",
    };

    private static readonly Option<string?> FailOnOption = new("--fail-on")
    {
        Description = "Exit with 1 when a finding matches: a severity (hidden, info, warning, error: that or higher), new (not in --baseline), new:<severity> or new:<kind> (new:secret, new:http-client); comma-separated, any one fails.",
        HelpName = "condition",
    };

    private static readonly Option<string?> BaselineOption = new("--baseline")
    {
        Description = "A baseline (inventory.baseline.json, or an earlier inventory.json): each finding is marked new or known in every output, and --fail-on new fails only on what is new.",
        HelpName = "file",
    };

    private static readonly Option<string[]> FormatOption = new("--format")
    {
        Description = "Outputs to write: json, html, md, sarif (inventory.sarif, for code scanning), repeated or comma-separated (default: json, html, md).",
        HelpName = "json|html|md|sarif",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [.. ReportWriterFactory.DefaultFormats],
        CustomParser = ParseFormats,
    };

    private static readonly Option<string?> HistoryOption = new("--history")
    {
        Description = $"Record this scan in a history store (SQLite; default {Core.History.HistoryStore.DefaultPath} under the scan root): counts, scores and fingerprints, keyed by commit and date. 'inventory trend' reads it; the HTML report charts it.",
        HelpName = "path",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<string?> CacheOption = new("--cache")
    {
        Description = "Keep each project's analysis between scans (default folder .inventory/cache under the scan root): a project whose files, references and options are unchanged since the last scan is read back instead of analysed again.",
        HelpName = "folder",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<string?> SarifFactsOption = new("--sarif-facts")
    {
        Description = "What inventory.sarif does with the integration facts (hidden rules), which are not problems: note (in, at level note: the whole inventory; the default) or omit (left out: a code-scanning tab of warnings and errors only).",
        HelpName = "note|omit",
    };

    private static readonly Option<string?> TemplatesOption = new("--templates")
    {
        Description = "A folder of Scriban templates that override the built-in ones (report.html.scriban, report.md.scriban, partials/_*.scriban).",
    };

    private static readonly Option<int?> ParallelOption = new("--max-parallel")
    {
        Description = "Projects analysed at once, 1 or more (default: the number of cores).",
        HelpName = "n",
        CustomParser = ParseParallelism,
    };

    private static readonly Option<string> VerbosityOption = new("--verbosity", "-v")
    {
        Description = "quiet, minimal, normal (live progress on a terminal, a line per project otherwise), detailed or diagnostic (which also prints stack traces).",
        HelpName = "level",
        DefaultValueFactory = _ => "normal",
    };

    private static readonly Option<bool> QuietOption = new("--quiet", "-q")
    {
        Description = "Print only errors: the same as --verbosity quiet.",
    };

    public static Command Create(TextWriter output, TextWriter error)
    {
        FailOnOption.CompletionSources.Add(_ => [.. FailOn.Severities.Concat(["new"]).Concat(FailOn.Severities.Select(s => "new:" + s)).Concat(FailOn.Kinds.Select(k => "new:" + k)).Select(v => new System.CommandLine.Completions.CompletionItem(v))]);
        FailOnOption.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0)
            {
                FailOn.Parse(result.Tokens[0].Value, out var problem);
                if (problem is not null)
                {
                    result.AddError(problem);
                }
            }
        });
        SarifFactsOption.AcceptOnlyFromAmong("note", "omit");
        FormatOption.CompletionSources.Add(_ => ReportWriterFactory.Formats.Select(format => new System.CommandLine.Completions.CompletionItem(format)));
        VerbosityOption.AcceptOnlyFromAmong([.. Enum.GetNames<Verbosity>().Select(n => n.ToLowerInvariant())]);
        var command = new Command("scan", Description)
        {
            PathArgument, OutOption, NoRestoreOption, NoBuildEvalOption, DesignTimeLoadOption, FrameworkOption, CacheOption, IncludeTestsOption, FailOnOption, BaselineOption, HistoryOption, FormatOption, SarifFactsOption, TemplatesOption, ParallelOption, VerbosityOption, QuietOption,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, output, error, cancellationToken));
        return command;
    }

    /// <summary>
    /// <c>inventory baseline &lt;path&gt;</c>: the same scan, writing only <c>inventory.baseline.json</c>, by default into the
    /// current folder (where a team commits it).
    /// </summary>
    public static Command CreateBaseline(TextWriter output, TextWriter error)
    {
        var command = new Command(BaselineCommandName, BaselineDescription)
        {
            PathArgument, OutOption, NoRestoreOption, NoBuildEvalOption, DesignTimeLoadOption, FrameworkOption, IncludeTestsOption, ParallelOption, VerbosityOption, QuietOption,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, output, error, cancellationToken));
        return command;
    }

    private const string BaselineCommandName = "baseline";

    private const string BaselineDescription = """
        Scan and write inventory.baseline.json: the findings and scores a team accepts as its starting point, stable for git
        (sorted, no line numbers, timestamps, absolute paths or machine names). Commit it; then 'inventory scan --baseline
        inventory.baseline.json --fail-on new' fails only on what a change introduces, and 'inventory diff' compares with it.

        Examples:
          inventory baseline MyEstate.sln             writes ./inventory.baseline.json
          inventory baseline . -o .inventory          writes .inventory/inventory.baseline.json
        """;

    private const string Description = """
        Scan a solution, project or folder and write the inventory and reports.

        Examples:
          inventory scan MyEstate.sln                          scan a solution; reports in ./inventory-report
          inventory scan . -o audit --format json,md           every project under this folder; JSON and Markdown only
          inventory scan src/Api/Api.csproj --fail-on warning  fail (exit 1) on anti-patterns and secrets, as CI would
          inventory scan . --baseline inventory.baseline.json --fail-on new:secret
                                                               fail only on a secret the change introduced
          inventory scan legacy/ --no-build-eval               code you do not trust: no MSBuild file of it is run
          inventory scan . --format sarif --sarif-facts omit    inventory.sarif for a code-scanning tab (problems only)
          inventory scan . --history                           record the scan in .inventory/history.db; see 'inventory trend'
          inventory scan . --cache                             rescan only the projects that changed since the last scan
        """;

    private static async Task<int> RunAsync(ParseResult parseResult, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var path = parseResult.GetValue(PathArgument)!;

        // The scan root's settings file gives defaults for what the command line does not say.
        var settings = ScanSettings.ForScanPath(path);
        var defaults = settings.Options;
        var verbosityName = Given(parseResult, VerbosityOption) ? parseResult.GetValue(VerbosityOption)! : defaults.Verbosity ?? parseResult.GetValue(VerbosityOption)!;
        var verbosity = parseResult.GetValue(QuietOption) ? Verbosity.Quiet : Enum.Parse<Verbosity>(verbosityName, ignoreCase: true);
        var baselineOnly = parseResult.CommandResult.Command.Name == BaselineCommandName;
        var outDirectory = Given(parseResult, OutOption) ? Path.GetFullPath(parseResult.GetValue(OutOption)!)
            : baselineOnly ? Path.GetFullPath(".")
            : defaults.Out is null ? Path.GetFullPath(parseResult.GetValue(OutOption)!)
            : Path.GetFullPath(defaults.Out, Path.GetDirectoryName(settings.Path!)!);
        var formats = baselineOnly ? [BaselineFile.FormatName]
            : Given(parseResult, FormatOption) ? parseResult.GetValue(FormatOption)! : defaults.Format?.ToArray() ?? parseResult.GetValue(FormatOption)!;
        var sarifFacts = (Given(parseResult, SarifFactsOption) ? parseResult.GetValue(SarifFactsOption) : defaults.SarifFacts ?? parseResult.GetValue(SarifFactsOption)) == "omit" ? SarifFacts.Omit : SarifFacts.Note;
        var threshold = baselineOnly ? null : Given(parseResult, FailOnOption) ? parseResult.GetValue(FailOnOption) : defaults.FailOn ?? parseResult.GetValue(FailOnOption);
        var noRestore = parseResult.GetValue(NoRestoreOption) || defaults.Restore == false;
        string? failOnProblem = null;
        var failOn = threshold is null ? null : FailOn.Parse(threshold, out failOnProblem);
        if (failOnProblem is not null)
        {
            // Only a settings file's value gets here: the command line's is refused by the parser.
            error.WriteLine("error: " + failOnProblem);
            return ExitCodes.UsageError;
        }

        var baselinePath = parseResult.GetValue(BaselineOption);
        if (failOn?.NeedsBaseline == true && baselinePath is null)
        {
            error.WriteLine($"error: --fail-on {threshold} compares with a baseline: give one with --baseline <file> (an empty file makes everything new)");
            return ExitCodes.UsageError;
        }

        // The baseline is read before the scan: a file that cannot be compared is said now, not after minutes of work.
        Snapshot? baseline = null;
        if (baselinePath is not null)
        {
            try
            {
                baseline = File.Exists(baselinePath) && new FileInfo(baselinePath).Length == 0 ? Snapshot.Empty : Snapshot.Read(baselinePath);
            }
            catch (SnapshotException exception)
            {
                error.WriteLine("error: " + exception.Message);
                return ExitCodes.UsageError;
            }
        }

        if (OutputProblem(outDirectory) is { } problem)
        {
            // Said before the scan, not after minutes of work.
            error.WriteLine($"error: cannot write the reports to '{outDirectory}': {problem}");
            return ExitCodes.UsageError;
        }

        try
        {
            var templates = parseResult.GetValue(TemplatesOption) is { } folder ? TemplateSource.FromDirectory(folder) : TemplateSource.Embedded;
            var options = new ScanOptions
            {
                Path = path,
                Restore = !noRestore && !parseResult.GetValue(NoBuildEvalOption),
                EvaluateProjects = !parseResult.GetValue(NoBuildEvalOption),
                DesignTimeLoad = parseResult.GetValue(DesignTimeLoadOption),
                Framework = parseResult.GetValue(FrameworkOption),
                CacheDirectory = parseResult.GetResult(CacheOption) is null ? null
                    : parseResult.GetValue(CacheOption) is { Length: > 0 } cacheFolder ? Path.GetFullPath(cacheFolder) : Path.Combine(ScanRoot(path), ScanOptions.DefaultCacheFolder),
                DownloadReferences = !noRestore,
                IncludeTests = parseResult.GetValue(IncludeTestsOption) || defaults.IncludeTests == true,
                MaxParallelism = parseResult.GetValue(ParallelOption) ?? defaults.MaxParallel ?? Environment.ProcessorCount,
                Settings = settings,
                Progress = new ConsoleProgress(error, verbosity),
            };

            // A person at a terminal sees live progress; logs (CI, redirected output, other verbosities) get plain lines.
            var result = verbosity == Verbosity.Normal && LiveProgress.IsInteractive(error)
                ? await LiveProgress.RunAsync(error, progress => Scanner.ScanAsync(options with { Progress = progress }, cancellationToken)).ConfigureAwait(false)
                : await Scanner.ScanAsync(options, cancellationToken).ConfigureAwait(false);
            var inventory = InventoryPipeline.Run(result, path, DateTimeOffset.UtcNow);
            if (baseline is not null)
            {
                BaselineComparison.Apply(inventory, baseline, baselinePath!.Replace('\\', '/'));
            }

            if (parseResult.GetResult(HistoryOption) is not null)
            {
                var store = parseResult.GetValue(HistoryOption) is { Length: > 0 } given ? Path.GetFullPath(given) : Path.Combine(ScanRoot(path), Core.History.HistoryStore.DefaultPath);
                try
                {
                    using var history = Core.History.HistoryStore.Open(store);
                    var (repository, _) = Core.Owners.RepositoryRoot.Of(ScanRoot(path));
                    var (commit, branch) = Core.History.GitHead.Read(repository);
                    history.Record(inventory, commit, branch, inventory.ScannedAt);
                    inventory.History = history.Scans();
                }
                catch (Core.History.HistoryException exception)
                {
                    // The scan's reports matter more than its record: they are written, and the history's problem is said.
                    error.WriteLine("warning: the scan was not recorded: " + exception.Message);
                }
            }

            IReadOnlyList<string> written;
            try
            {
                written = ReportWriterFactory.WriteAll(inventory, outDirectory, formats.Distinct(), templates, sarifFacts);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: cannot write the reports to '{outDirectory}': {exception.Message}");
                return ExitCodes.UsageError;
            }

            if (verbosity >= Verbosity.Minimal)
            {
                WriteSummary(output, inventory, written);
            }

            if (!inventory.Components.Any(c => c.Analysis != AnalysisLevel.Failed))
            {
                // Name a report that was written: the most readable one of those asked for.
                var report = written.OrderBy(f => Path.GetExtension(f) switch { ".html" => 0, ".md" => 1, _ => 2 }).FirstOrDefault();
                error.WriteLine($"error: nothing in '{path}' could be scanned" + (report is null ? string.Empty : $"; see {report} for why"));
                return ExitCodes.NothingScanned;
            }

            // Test doubles in test projects do not fail a scan: they are listed apart.
            var failing = failOn is null ? [] : failOn.Failing(inventory.Findings);
            if (failing.Count > 0)
            {
                error.WriteLine(FailOn.Severities.Contains(threshold!) ? $"{failing.Count} finding(s) at or above '{threshold}':" : $"{failing.Count} finding(s) matching --fail-on '{threshold}':");
                foreach (var finding in failing)
                {
                    // Messages name a secret's word, never its value.
                    error.WriteLine($"  {finding.Path}:{finding.Line}: {finding.Severity} {finding.RuleId}: {finding.Message}" + (finding.Baseline == BaselineComparison.New ? " (new)" : string.Empty));
                }

                return ExitCodes.FindingsAtOrAboveThreshold;
            }

            return ExitCodes.Success;
        }
        catch (ScanInputException exception)
        {
            error.WriteLine("error: " + exception.Message);
            return ExitCodes.UsageError;
        }
        catch (Exception exception) when (exception is DirectoryNotFoundException or ReportTemplateException)
        {
            error.WriteLine("error: " + exception.Message);
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("cancelled; no report was written, earlier reports are left as they were");
            return ExitCodes.Cancelled;
        }
        catch (Exception exception)
        {
            error.WriteLine($"error: unexpected {exception.GetType().Name}: {exception.Message}");
            if (verbosity >= Verbosity.Diagnostic)
            {
                error.WriteLine(exception.ToString());
            }

            return ExitCodes.InternalError;
        }
    }

    private static void WriteSummary(TextWriter output, Inventory inventory, IReadOnlyList<string> written)
    {
        var levels = inventory.Components.GroupBy(c => c.Analysis).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        var kinds = inventory.Findings.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        output.WriteLine($"Scanned {inventory.Components.Count} project(s) ({string.Join(", ", levels)}); {inventory.Excluded.Count} excluded.");
        output.WriteLine($"{inventory.Findings.Count} finding(s){(inventory.Findings.Count > 0 ? ": " + string.Join(", ", kinds) : string.Empty)}.");
        foreach (var file in written)
        {
            output.WriteLine("Wrote " + file);
        }
    }

    /// <summary>The folder a scan path names: itself, or a solution's or project's folder.</summary>
    private static string ScanRoot(string path)
    {
        var full = Path.GetFullPath(path);
        return Directory.Exists(full) ? full : Path.GetDirectoryName(full)!;
    }

    /// <summary>Whether the command line gave <paramref name="option"/> (not its default).</summary>
    private static bool Given(ParseResult parseResult, Option option) => parseResult.GetResult(option) is { Implicit: false };

    /// <summary>Why the reports could not be written to <paramref name="directory"/>, found out by writing a file there; null when they can.</summary>
    private static string? OutputProblem(string directory)
    {
        if (File.Exists(directory))
        {
            return "it is a file";
        }

        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".inventory-write-check-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return exception.Message;
        }
    }

    /// <summary><c>--format json,md</c>, <c>--format json md</c> and <c>--format json --format md</c> alike.</summary>
    private static string[] ParseFormats(System.CommandLine.Parsing.ArgumentResult result)
    {
        var formats = result.Tokens
            .SelectMany(token => token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(format => format.ToLowerInvariant())
            .ToArray();
        foreach (var unknown in formats.Where(f => !ReportWriterFactory.Formats.Contains(f)))
        {
            result.AddError($"'{unknown}' is not a report format; use {string.Join(", ", ReportWriterFactory.Formats)}");
        }

        return formats.Length == 0 ? [.. ReportWriterFactory.DefaultFormats] : formats;
    }

    private static int? ParseParallelism(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 1)
        {
            return value;
        }

        result.AddError($"--max-parallel takes a whole number of 1 or more, not '{text}'");
        return null;
    }
}
