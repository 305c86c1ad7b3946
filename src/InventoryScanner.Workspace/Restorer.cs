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
    /// <remarks>With an <paramref name="overlay"/>, restore is given the overlay's paths (so it reads the replaced global.json)
    /// and the errors are keyed by the repository's own.</remarks>
    public static async Task<Dictionary<string, List<string>>> RestoreAsync(ScanInput input, SdkOverlay? overlay, SourceChoice sources, IScanProgress progress, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (sources.Arguments is not { } sourceArguments)
        {
            return errors; // no source answers: the scan said so, and analyses what the cache holds
        }

        // Only C# projects are analysed: restoring the others (F#, C++) would only add their errors.
        var csharp = input.ProjectPaths.Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).ToList();
        var targets = input.SolutionPath is not null ? [input.SolutionPath] : csharp;
        foreach (var target in targets)
        {
            progress.Info($"restoring {System.IO.Path.GetFileName(target)}");
            Collect(await RunAsync(overlay?.ToOverlay(target) ?? target, sourceArguments, cancellationToken, overlay?.OverlayRoot).ConfigureAwait(false), errors, overlay);
        }

        if (input.SolutionPath is not null && errors.Count > 0)
        {
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
                Collect(await RunAsync(overlay?.ToOverlay(project) ?? project, sourceArguments, cancellationToken, overlay?.OverlayRoot).ConfigureAwait(false), errors, overlay);
            }
        }

        return errors;
    }

    private static void Collect(List<string> output, Dictionary<string, List<string>> errors, SdkOverlay? overlay)
    {
        foreach (var line in output)
        {
            var match = RestoreError().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var project = match.Groups["project"].Success ? match.Groups["project"].Value : match.Groups["suffix"].Value;
            var key = project.Length > 0 ? System.IO.Path.GetFullPath(overlay?.ToRepository(project.Trim()) ?? project.Trim()) : string.Empty;
            if (!errors.TryGetValue(key, out var list))
            {
                errors[key] = list = [];
            }

            var text = match.Groups["message"].Value.Split('\n', 2)[0].Trim();
            var message = $"restore {match.Groups["code"].Value}: {overlay?.ToRepository(text) ?? text}";
            if (!list.Contains(message))
            {
                list.Add(message);
            }
        }
    }

    /// <summary>Runs <c>dotnet restore</c> on one target and returns every line it printed.</summary>
    /// <param name="workingDirectory">Where the .NET host looks for global.json (default: the target's folder). A process's
    /// working folder is always a real path, never a link: an overlay's own folder, not a path through its links.</param>
    public static async Task<List<string>> RunAsync(string target, IEnumerable<string> extraArguments, CancellationToken cancellationToken, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(MSBuildRegistration.DotnetExecutable ?? "dotnet")
        {
            // The .NET host reads the global.json of its working folder: the target's own, not the one where the scan was started.
            WorkingDirectory = workingDirectory ?? (Directory.Exists(target) ? target : System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(target))!),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // A scan is not a build: the repository's warnings-as-errors must not turn a substituted package version into a failed
        // restore, and a feed that cannot be reached (a company's private feed, off its network) must not fail the packages
        // the other feeds or the cache have; what only that feed has is then named per project (NU1101).
        foreach (var argument in new[] { "restore", target, "-nologo", "-v", "q", "-p:NuGetAudit=false", "-p:TreatWarningsAsErrors=false", "-p:RestoreIgnoreFailedSources=true" }.Concat(extraArguments))
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

    // "/src/A/A.csproj : error NU1101: Unable to find package X." or "... error NU1101: ... [/src/A/A.csproj]"; also the
    // MSBuild errors that stop a project's restore before NuGet runs: an SDK (MSB4236) or import (MSB4019) not found,
    // a project file that is not valid XML (MSB4025).
    [GeneratedRegex(@"^\s*(?:(?<project>[^\s].*?\.(?:cs|vb|fs)proj)\s*:\s*)?error\s+(?<code>NU\d+|MSB4236|MSB4019|MSB4025)\s*:\s*(?<message>.*?)(?:\s*\[(?<suffix>[^\]]+)\])?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RestoreError();
}
