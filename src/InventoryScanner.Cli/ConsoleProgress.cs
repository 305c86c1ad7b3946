using System.Globalization;
using InventoryScanner.Workspace;

namespace InventoryScanner.Cli;

/// <summary>Plain progress lines on standard error (standard output carries the summary).</summary>
internal sealed class ConsoleProgress(TextWriter error, Verbosity verbosity) : IScanProgress
{
    private readonly Lock _gate = new();
    private int _finished;

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
            Write(string.Create(CultureInfo.InvariantCulture, $"[{count}] {name}: {analysis}, {findings} finding(s) in {elapsed.TotalSeconds:0.0} s"));
        }
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            error.WriteLine(line);
        }
    }
}
