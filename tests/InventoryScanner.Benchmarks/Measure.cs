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

    /// <summary>
    /// Samples, every 100 ms until disposed, the resident memory of this process and of every process it started (the
    /// MSBuild build host of a scan's design-time build runs apart); <see cref="PeakMegabytes"/> is the largest sum
    /// seen. Linux only (/proc); elsewhere it reports this process's peak working set.
    /// </summary>
    public sealed class MemorySampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampling;
        private long _peakKilobytes;

        public MemorySampler()
        {
            _sampling = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    Sample();
                    try
                    {
                        await Task.Delay(100, _stop.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
            });
        }

        public long PeakMegabytes => Math.Max(Interlocked.Read(ref _peakKilobytes) / 1024, File.Exists("/proc/self/status") ? 0 : Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024));

        public void Dispose()
        {
            Sample();
            _stop.Cancel();
            _sampling.Wait();
            _stop.Dispose();
        }

        private void Sample()
        {
            if (!Directory.Exists("/proc"))
            {
                return;
            }

            var self = Environment.ProcessId;
            var parents = new Dictionary<int, int>();
            var resident = new Dictionary<int, long>();
            foreach (var folder in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(folder), out var pid))
                {
                    continue;
                }

                try
                {
                    long rss = 0;
                    var parent = -1;
                    foreach (var line in File.ReadLines(Path.Combine(folder, "status")))
                    {
                        if (line.StartsWith("PPid:", StringComparison.Ordinal))
                        {
                            parent = int.Parse(line[5..].Trim(), CultureInfo.InvariantCulture);
                        }
                        else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                        {
                            rss = long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                        }
                    }

                    parents[pid] = parent;
                    resident[pid] = rss;
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
                {
                    // The process ended while it was read.
                }
            }

            bool Descends(int pid)
            {
                for (var depth = 0; depth < 32 && pid > 1; depth++)
                {
                    if (pid == self)
                    {
                        return true;
                    }

                    if (!parents.TryGetValue(pid, out pid))
                    {
                        return false;
                    }
                }

                return false;
            }

            var total = resident.Where(p => Descends(p.Key)).Sum(p => p.Value);
            long current;
            while (total > (current = Interlocked.Read(ref _peakKilobytes)) && Interlocked.CompareExchange(ref _peakKilobytes, total, current) != current)
            {
            }
        }
    }
}
