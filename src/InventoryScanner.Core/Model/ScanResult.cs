namespace InventoryScanner.Core.Model;

/// <summary>
/// What a scan found, before the passes of <see cref="Passes.InventoryPipeline"/> join, fingerprint, accept and map it
/// into an <see cref="Inventory"/>. <see cref="Root"/> is the scan root's full path (the folder given, or the folder of
/// the solution or project); <see cref="Findings"/> are as the analyzers reported them.
/// </summary>
public sealed record ScanResult(
    string Root,
    IReadOnlyList<Component> Components,
    IReadOnlyList<ExcludedProject> Excluded,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> Messages)
{
    public ScanTimings Timings { get; init; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>The SDK the scan used, and each global.json it could not honour.</summary>
    public SdkReport? Sdk { get; init; }

    /// <summary>The settings file's <c>hosts</c>: a host the code calls, by the component that serves it.</summary>
    public IReadOnlyDictionary<string, string> Hosts { get; init; } = new Dictionary<string, string>();

    /// <summary>The settings file's <c>assessment</c> section, or the built-in defaults.</summary>
    public AssessmentSettings AssessmentSettings { get; init; } = AssessmentSettings.Default;
}

/// <summary>Wall time of each phase: restore, MSBuild design-time load, analysis of every project.</summary>
public sealed record ScanTimings(TimeSpan Restore, TimeSpan Load, TimeSpan Analyze)
{
    /// <summary>
    /// The analyzers' own share of <see cref="Analyze"/>, summed over projects and threads, when the scan was asked to
    /// measure it (<c>ScanOptions.MeasureAnalyzers</c>); the rest of the analysis is binding. Zero otherwise.
    /// </summary>
    public TimeSpan Analyzers { get; init; }

    /// <summary><see cref="Analyzers"/> per analyzer, when measured: where the analyzers' time goes.</summary>
    public IReadOnlyDictionary<string, TimeSpan> ByAnalyzer { get; init; } = new Dictionary<string, TimeSpan>();
}
