using System.Diagnostics;
using System.Globalization;
using InventoryScanner.Workspace;

/// <summary>Runs the dotnet CLI and times it; medians of repeated runs.</summary>
internal static class Measure
{
    public static double Dotnet(string label, string[] arguments, bool allowFailure) => DotnetWithOutput(label, arguments, allowFailure).Seconds;

    public static (double Seconds, string Output) DotnetWithOutput(string label, string[] arguments, bool allowFailure)
    {
        var start = new ProcessStartInfo(MSBuildRegistration.DotnetExecutable ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        stopwatch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {stopwatch.Elapsed.TotalSeconds:0.00} s (exit {process.ExitCode})"));
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"{label} failed:\n{output}\n{error.Result}");
        }

        return (stopwatch.Elapsed.TotalSeconds, output + error.Result);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>This process's peak memory in MB: its high-water mark (VmHWM) on Linux, the peak working set elsewhere.</summary>
    public static long PeakMegabytes()
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        return line is null
            ? System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)
            : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }
}
