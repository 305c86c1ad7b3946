using System.Diagnostics;
using System.Text.RegularExpressions;

namespace InventoryScanner.Workspace;

/// <summary>Runs <c>dotnet restore</c> on the scan input and keeps its errors per project.</summary>
internal static partial class Restorer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Restore errors keyed by full project path; the empty key holds errors that name no project. When a solution's
    /// restore fails, the projects it left without restored assets are restored one at a time: one project that cannot
    /// restore (a missing workload, an SDK the mirror lacks) must not leave every other project unrestored.
    /// </summary>
    public static async Task<Dictionary<string, List<string>>> RestoreAsync(ScanInput input, IScanProgress progress, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        // Only C# projects are analysed: restoring the others (F#, C++) would only add their errors.
        var csharp = input.ProjectPaths.Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).ToList();
        var targets = input.SolutionPath is not null ? [input.SolutionPath] : csharp;
        foreach (var target in targets)
        {
            progress.Info($"restoring {System.IO.Path.GetFileName(target)}");
            Collect(await RunAsync(target, [], cancellationToken).ConfigureAwait(false), errors);
        }

        if (input.SolutionPath is null || errors.Count == 0)
        {
            return errors;
        }

        foreach (var project in csharp)
        {
            // A project the solution's restore reached has its assets file, written now or found up to date (NuGet
            // writes it even when packages are missing). Only projects it never reached are restored again.
            var assets = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(project)!, "obj", "project.assets.json");
            if (File.Exists(assets))
            {
                continue;
            }

            progress.Info($"restoring {System.IO.Path.GetFileName(project)} on its own (the solution's restore failed)");
            Collect(await RunAsync(project, [], cancellationToken).ConfigureAwait(false), errors);
        }

        return errors;
    }

    private static void Collect(List<string> output, Dictionary<string, List<string>> errors)
    {
        foreach (var line in output)
        {
            var match = RestoreError().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var project = match.Groups["project"].Success ? match.Groups["project"].Value : match.Groups["suffix"].Value;
            var key = project.Length > 0 ? System.IO.Path.GetFullPath(project.Trim()) : string.Empty;
            if (!errors.TryGetValue(key, out var list))
            {
                errors[key] = list = [];
            }

            var message = $"restore {match.Groups["code"].Value}: {match.Groups["message"].Value.Trim()}";
            if (!list.Contains(message))
            {
                list.Add(message);
            }
        }
    }

    /// <summary>Runs <c>dotnet restore</c> on one target and returns every line it printed.</summary>
    public static async Task<List<string>> RunAsync(string target, IEnumerable<string> extraArguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(MSBuildRegistration.DotnetExecutable ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // A scan is not a build: the repository's warnings-as-errors must not turn a substituted package version into a failed restore.
        foreach (var argument in new[] { "restore", target, "-nologo", "-v", "q", "-p:NuGetAudit=false", "-p:TreatWarningsAsErrors=false" }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var lines = new List<string>();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (lines) { lines.Add(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (lines) { lines.Add(e.Data); } } };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return [$"{target} : error NU0000: dotnet restore could not start: {exception.Message}"];
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            lines.Add($"{target} : error NU0000: dotnet restore did not finish within {Timeout.TotalMinutes} minutes");
        }

        lock (lines)
        {
            return [.. lines];
        }
    }

    // "/src/A/A.csproj : error NU1101: Unable to find package X." or "... error NU1101: ... [/src/A/A.csproj]"
    [GeneratedRegex(@"^\s*(?:(?<project>[^\s].*?\.(?:cs|vb|fs)proj)\s*:\s*)?error\s+(?<code>NU\d+)\s*:\s*(?<message>.*?)(?:\s*\[(?<suffix>[^\]]+)\])?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RestoreError();
}
