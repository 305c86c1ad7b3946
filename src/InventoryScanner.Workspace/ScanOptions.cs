namespace InventoryScanner.Workspace;

public sealed record ScanOptions
{
    /// <summary>A .sln, .slnx or .csproj file, or a folder (every .csproj under it).</summary>
    public required string Path { get; init; }

    public bool Restore { get; init; } = true;

    /// <summary>
    /// Whether MSBuild may evaluate the scanned repository's project files (and so run its props, targets and tasks).
    /// False analyses every project from its source files alone, against the .NET framework.
    /// </summary>
    public bool EvaluateProjects { get; init; } = true;

    /// <summary>
    /// Load every project with MSBuild's design-time build (MSBuildWorkspace), as an IDE does. False (the default)
    /// first tries to load restored SDK-style projects by evaluation alone, reading their references from
    /// <c>project.assets.json</c>, and falls back to the design-time build when a project needs it.
    /// </summary>
    public bool DesignTimeLoad { get; init; }

    /// <summary>
    /// Whether what old-format .NET Framework projects lack on this machine (the framework's reference assemblies,
    /// packages.config packages whose packages/ folder is not committed) may be downloaded into the NuGet cache. Only
    /// packages are downloaded (a restore of the scanner's own project); nothing of the scanned repository runs.
    /// </summary>
    public bool DownloadReferences { get; init; } = true;

    public bool IncludeTests { get; init; }

    /// <summary>
    /// The target framework a multi-targeted project is analysed for (<c>--framework</c>), when it targets it; null: the
    /// first by name. One framework per project, as an IDE shows one.
    /// </summary>
    public string? Framework { get; init; }

    /// <summary>
    /// Where to keep each project's analysis between scans (<c>--cache</c>); null keeps nothing. A project whose inputs
    /// are unchanged since the last scan is read back, not compiled again (<see cref="ScanCache"/>).
    /// </summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The cache's folder under the scan root when <c>--cache</c> names none.</summary>
    public const string DefaultCacheFolder = ".inventory/cache";

    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Whether to time the analyzers' own callbacks (<see cref="Core.Model.ScanTimings.Analyzers"/>), as the benchmark
    /// does to split the analysis into binding and analyzers. Off by default: the timing costs a little.
    /// </summary>
    public bool MeasureAnalyzers { get; init; }

    public IScanProgress Progress { get; init; } = NullProgress.Instance;

    /// <summary>The scan root's <c>.inventory-settings.json</c>: the projects and files it includes and excludes.</summary>
    public ScanSettings Settings { get; init; } = ScanSettings.None;

    /// <summary>The projects <see cref="Settings"/> left out, set by the scan.</summary>
    internal IReadOnlyList<Core.Model.ExcludedProject> SettingsExcluded { get; init; } = [];
}

/// <summary>What a scan tells its host while it runs.</summary>
public interface IScanProgress
{
    /// <summary>A phase of the scan begins: checking, restoring, loading, analysing.</summary>
    void Phase(string description);

    /// <summary>How many projects the analysis phase will report on (so progress can say [n/N]).</summary>
    void ProjectsPlanned(int count);

    void Info(string message);

    void Warning(string message);

    void ProjectStarted(string name);

    void ProjectFinished(string name, string analysis, int findings, TimeSpan elapsed);
}

public sealed class NullProgress : IScanProgress
{
    public static readonly NullProgress Instance = new();

    public void Phase(string description)
    {
    }

    public void ProjectsPlanned(int count)
    {
    }

    public void Info(string message)
    {
    }

    public void Warning(string message)
    {
    }

    public void ProjectStarted(string name)
    {
    }

    public void ProjectFinished(string name, string analysis, int findings, TimeSpan elapsed)
    {
    }
}
