using System.Collections.Concurrent;
using System.Globalization;
using InventoryScanner.Workspace;
using Spectre.Console;

namespace InventoryScanner.Cli;

/// <summary>
/// Progress on an interactive terminal (Spectre.Console): a line for the current phase (restore, load, analysis), and
/// one per project, spinning while it is analysed and showing its result when done. CI logs and redirected output get
/// <see cref="ConsoleProgress"/>'s plain lines instead.
/// </summary>
internal sealed class LiveProgress(IAnsiConsole console, ProgressContext context) : IScanProgress
{
    private readonly ConcurrentDictionary<string, ProgressTask> _projects = new(StringComparer.Ordinal);
    private readonly Lazy<ProgressTask> _phase = new(() => context.AddTask("starting", maxValue: 1).IsIndeterminate());

    /// <summary>
    /// Whether <paramref name="error"/> is a terminal a person watches: the process's own standard error, not
    /// redirected, outside CI (<c>CI</c> is set by GitHub Actions, Azure Pipelines, GitLab and most others), and not a
    /// dumb terminal.
    /// </summary>
    public static bool IsInteractive(TextWriter error) =>
        ReferenceEquals(error, Console.Error)
        && !Console.IsErrorRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

    /// <summary>Runs <paramref name="scan"/> under a live progress display on <paramref name="error"/>.</summary>
    public static Task<T> RunAsync<T>(TextWriter error, Func<IScanProgress, Task<T>> scan)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        return console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var progress = new LiveProgress(console, context);
                try
                {
                    return await scan(progress).ConfigureAwait(false);
                }
                finally
                {
                    progress.Complete();
                }
            });
    }

    /// <summary>Stops every spinner still running: the scan ended (or was stopped).</summary>
    private void Complete()
    {
        foreach (var task in _projects.Values.Append(_phase.IsValueCreated ? _phase.Value : null).OfType<ProgressTask>())
        {
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.StopTask();
        }
    }

    private int _planned;
    private int _finished;

    public void Phase(string description) => _phase.Value.Description = Markup.Escape(description);

    public void ProjectsPlanned(int count) => _planned = count;

    public void Info(string message) => _phase.Value.Description = Markup.Escape(message);

    public void Warning(string message) => console.MarkupLine("[yellow]warning:[/] " + Markup.Escape(message));

    public void ProjectStarted(string name)
    {
        if (_phase.IsValueCreated)
        {
            _phase.Value.Description = string.Create(CultureInfo.InvariantCulture, $"analysing [[{Volatile.Read(ref _finished)}/{_planned}]]");
        }

        _projects[name] = context.AddTask(Markup.Escape(name), maxValue: 1).IsIndeterminate();
    }

    public void ProjectFinished(string name, string analysis, int findings, TimeSpan elapsed)
    {
        if (!_projects.TryGetValue(name, out var task))
        {
            return;
        }

        var done = Interlocked.Increment(ref _finished);
        if (_phase.IsValueCreated)
        {
            _phase.Value.Description = string.Create(CultureInfo.InvariantCulture, $"analysing [[{done}/{Math.Max(done, _planned)}]]");
        }

        var colour = analysis switch { "semantic" => "green", "failed" => "red", _ => "yellow" };
        task.Description = string.Create(CultureInfo.InvariantCulture, $"{Markup.Escape(name)}: [{colour}]{analysis}[/], {findings} finding(s)");
        task.IsIndeterminate = false;
        task.Value = 1;
        task.StopTask();
    }
}
