using System.Diagnostics;

namespace InventoryScanner.Workspace;

/// <summary>
/// Asks the machine's git about the scanned repository. Without git, outside a repository, or when git fails or takes
/// longer than the timeout, the answer is null and the caller goes on without it.
/// </summary>
internal static class GitCommand
{
    /// <summary>The standard output of <c>git -C directory arguments…</c>, or null.</summary>
    public static string? Run(string directory, TimeSpan timeout, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-C");
            start.ArgumentList.Add(directory);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            // Both streams read to the end before the wait, so a full pipe never blocks git.
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            error.Wait(timeout);
            return process.WaitForExit(timeout) && process.ExitCode == 0 ? output : null;
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return null; // no git on this machine
        }
    }
}
