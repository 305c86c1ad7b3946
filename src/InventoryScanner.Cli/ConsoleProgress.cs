using System.Globalization;
using InventoryScanner.Workspace;

namespace InventoryScanner.Cli;

/// <summary>Plain progress lines on standard error (standard output carries the summary).</summary>
internal sealed class ConsoleProgress(TextWriter error, Verbosity verbosity) : IScanProgress
{
    private readonly Lock _gate = new();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private int _finished;
    private int _planned;

    public void Phase(string description)
    {
        if (verbosity >= Verbosity.Normal)
        {
            Write(string.Create(CultureInfo.InvariantCulture, $"{description} ({Elapsed(_clock.Elapsed)} elapsed)"));
        }
    }

    public void ProjectsPlanned(int count) => _planned = count;

    public void Info(string message)
    {
        if (verbosity >= Verbosity.Detailed)
        {
            Write(message);
        }
    }

    public void Warning(string message)
    {
        if (verbosity >= Verbosity.Minimal)
        {
            Write("warning: " + message);
        }
    }

    public void ProjectStarted(string name)
    {
        if (verbosity >= Verbosity.Detailed)
        {
            Write($"analysing {name}");
        }
    }

    public void ProjectFinished(string name, string analysis, int findings, TimeSpan elapsed)
    {
        var count = Interlocked.Increment(ref _finished);
        if (verbosity >= Verbosity.Normal)
        {
            Write(string.Create(CultureInfo.InvariantCulture, $"[{count}/{Math.Max(count, _planned)}] {name}: {analysis}, {findings} finding(s) in {elapsed.TotalSeconds:0.0} s{Remaining(count)}"));
        }
    }

    /// <summary>"; about 40 s left", from the mean time per project so far, once a few projects are done.</summary>
    private string Remaining(int done)
    {
        var left = _planned - done;
        if (left <= 0 || done < 2)
        {
            return string.Empty;
        }

        return $"; about {Elapsed(_clock.Elapsed / done * left)} left";
    }

    internal static string Elapsed(TimeSpan time) =>
        time.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalMinutes} min {time.Seconds} s") : string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.0} s");

    private void Write(string line)
    {
        lock (_gate)
        {
            error.WriteLine(line);
        }
    }
}
