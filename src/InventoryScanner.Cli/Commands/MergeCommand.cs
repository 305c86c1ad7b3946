using System.CommandLine;
using InventoryScanner.Core.Estate;
using InventoryScanner.Reporting;

namespace InventoryScanner.Cli.Commands;

/// <summary><c>inventory merge &lt;inventory.json|folder|name=path&gt;... --out DIR</c>: many repositories' inventories as one estate.</summary>
internal static class MergeCommand
{
    private static readonly Argument<string[]> InputsArgument = new("inputs")
    {
        Description = "inventory.json files, folders holding them (each repository's in its own sub-folder), or name=path to name a repository.",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<string> OutOption = new("--out", "-o")
    {
        Description = "Folder for the estate's inventory.json and reports.",
        DefaultValueFactory = _ => "estate-report",
    };

    private static readonly Option<string[]> FormatOption = new("--format")
    {
        Description = "Outputs to write: json, html, md, sarif, baseline (default: json, html, md).",
        HelpName = "json|html|md|sarif|baseline",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [.. ReportWriterFactory.DefaultFormats],
    };

    private static readonly Option<bool> NoCacheOption = new("--no-cache")
    {
        Description = $"Parse every input again instead of reusing the parts of unchanged ones (kept in <out>/{EstateMerge.CacheFolder}).",
    };

    private static readonly Option<string?> ManifestOption = new("--manifest")
    {
        Description = "The estate manifest the inventories were scanned from: inputs are named after its repositories (a folder 'orders' or 'inventory-orders' is orders), and repositories without an inventory are said.",
        HelpName = "estate.yaml",
    };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("merge", Description) { InputsArgument, OutOption, FormatOption, NoCacheOption, ManifestOption };
        command.SetAction(parseResult => Run(parseResult, output, error));
        return command;
    }

    private const string Description = """
        Merge the inventories of several repositories into one estate: one graph across them (a channel's publishers and
        consumers in different repositories, HTTP calls to the repository that serves them, a database two repositories
        share), assessed as a whole, in every report format.

        Examples:
          inventory merge inventories/ -o estate                   every inventory.json under inventories/ (named by its folder)
          inventory merge orders=orders/inventory.json billing=billing/inventory.json
        """;

    private static int Run(ParseResult parseResult, TextWriter output, TextWriter error)
    {
        var outDirectory = Path.GetFullPath(parseResult.GetValue(OutOption)!);
        try
        {
            var inputs = Inputs(parseResult.GetValue(InputsArgument)!, outDirectory);
            if (parseResult.GetValue(ManifestOption) is { } manifestPath)
            {
                inputs = Named(inputs, EstateManifest.Read(manifestPath), error);
            }

            var cache = parseResult.GetValue(NoCacheOption) ? null : Path.Combine(outDirectory, EstateMerge.CacheFolder);
            var (estate, stats) = EstateMerge.Merge(inputs, cache);
            var formats = (parseResult.GetValue(FormatOption) ?? [])
                .SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(f => f.ToLowerInvariant())
                .Distinct()
                .ToList();
            if (formats.FirstOrDefault(f => !ReportWriterFactory.Formats.Contains(f)) is { } unknown)
            {
                error.WriteLine($"error: '{unknown}' is not a report format; use {string.Join(", ", ReportWriterFactory.Formats)}");
                return ExitCodes.UsageError;
            }

            var written = ReportWriterFactory.WriteAll(estate, outDirectory, formats, TemplateSource.Embedded);
            output.WriteLine($"Merged {inputs.Count} repositor{(inputs.Count == 1 ? "y" : "ies")} ({stats.Read.Count} read, {stats.Cached.Count} unchanged): {estate.Components.Count} component(s), {estate.Findings.Count} finding(s).");
            foreach (var message in estate.Messages.Where(m => !m.Contains(": ", StringComparison.Ordinal) || m.StartsWith("the inventories", StringComparison.Ordinal)))
            {
                error.WriteLine("warning: " + message);
            }

            foreach (var file in written)
            {
                output.WriteLine("Wrote " + file);
            }

            return ExitCodes.Success;
        }
        catch (EstateException exception)
        {
            error.WriteLine("error: " + exception.Message);
            return ExitCodes.UsageError;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write the estate to '{outDirectory}': {exception.Message}");
            return ExitCodes.UsageError;
        }
    }

    /// <summary>
    /// The inventories named on the command line: a file (its repository named by its folder, or by the scan it
    /// records when that folder is a report folder), a folder (each inventory.json under it, named by the folder that
    /// holds it, relative to the given one; the merge's own output folder left out), or name=path.
    /// </summary>
    internal static List<EstateInput> Inputs(IEnumerable<string> arguments, string outDirectory)
    {
        var inputs = new List<EstateInput>();
        foreach (var argument in arguments)
        {
            var separator = argument.IndexOf('=', StringComparison.Ordinal);
            var (name, path) = separator > 0 && !File.Exists(argument) ? (argument[..separator], argument[(separator + 1)..]) : ((string?)null, argument);
            if (File.Exists(path))
            {
                inputs.Add(new EstateInput(name ?? RepositoryName(Path.GetDirectoryName(Path.GetFullPath(path))!), path));
            }
            else if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "inventory.json", SearchOption.AllDirectories)
                    // Not the estate's own inventory of an earlier merge into a folder among the inputs.
                    .Where(f => !Path.GetFullPath(f).StartsWith(outDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (files.Count == 0)
                {
                    throw new EstateException($"'{path}' holds no inventory.json");
                }

                inputs.AddRange(files.Select(f => new EstateInput(
                    name is not null && files.Count == 1 ? name : Path.GetRelativePath(path, Path.GetDirectoryName(f)!).Replace('\\', '/') is var relative && relative != "." ? relative : RepositoryName(Path.GetFullPath(path)),
                    f)));
            }
            else
            {
                throw new EstateException($"'{path}' does not exist");
            }
        }

        return inputs;
    }

    /// <summary>
    /// Inputs named after the manifest's repositories: an input named <c>orders</c> or <c>inventory-orders</c> (the
    /// artifact of the reusable workflow) is <c>orders</c>; the manifest's repositories with no input are said (a scan
    /// that failed), inputs of no repository of it are kept under their own names.
    /// </summary>
    internal static List<EstateInput> Named(List<EstateInput> inputs, EstateManifest manifest, TextWriter error)
    {
        var named = new List<EstateInput>();
        foreach (var input in inputs)
        {
            var leaf = input.Repository.Split('/').Last();
            var repository = manifest.Repositories.FirstOrDefault(r => r.Name.Equals(leaf, StringComparison.OrdinalIgnoreCase) || ("inventory-" + r.Name).Equals(leaf, StringComparison.OrdinalIgnoreCase));
            named.Add(repository is null ? input : input with { Repository = repository.Name });
        }

        foreach (var missing in manifest.Repositories.Where(r => !named.Any(i => i.Repository == r.Name)))
        {
            error.WriteLine($"warning: the manifest's repository '{missing.Name}' has no inventory among the inputs (its scan failed or did not run); the estate goes on without it");
        }

        return named;
    }

    private static string RepositoryName(string folder)
    {
        var name = Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar));
        return name is "inventory-report" or "out" or "" ? Path.GetFileName(Path.GetDirectoryName(folder.TrimEnd(Path.DirectorySeparatorChar)) ?? "repository") : name;
    }
}
