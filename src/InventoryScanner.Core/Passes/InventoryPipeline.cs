using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Passes;

/// <summary>
/// What the passes build up from a <see cref="ScanResult"/>: the findings (each pass may join, mark or remove some), the
/// scan's messages, the accepted secrets, and what later passes read (the graph).
/// </summary>
public sealed class InventoryDraft(ScanResult scan)
{
    public ScanResult Scan { get; } = scan;

    /// <summary>In a stable order: path, line, column, rule.</summary>
    public List<Finding> Findings { get; set; } = scan.Findings
        .OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.RuleId, StringComparer.Ordinal)
        .ToList();

    public List<string> Messages { get; } = [.. scan.Messages];

    public List<AcceptedSecret> Accepted { get; } = [];

    public GraphModel? Graph { get; set; }

    public IReadOnlyList<MessagingEndpoint> Messaging { get; set; } = [];

    public AssessmentModel? Assessment { get; set; }

    /// <summary>The CODEOWNERS file the owners come from (<see cref="Owners.OwnersPass"/>).</summary>
    public string? OwnersFile { get; set; }
}

/// <summary>One step from what a scan found to the inventory every report renders.</summary>
public interface IInventoryPass
{
    void Run(InventoryDraft draft);
}

/// <summary>
/// The ordered passes after the analysis: join (calls to their client registrations) → fingerprints → allowlist →
/// graph → shared stores → messaging reliability → assessment → owners. Each later concern (the assessment, the estate merge) is one more pass here.
/// </summary>
public static class InventoryPipeline
{
    public static IReadOnlyList<IInventoryPass> Default { get; } =
    [
        new RegistrationJoinPass(),
        new FingerprintPass(),
        new AllowlistPass(),
        new GraphPass(),
        new SharedStorePass(),
        new MessagingPass(),
        new Assessment.AssessmentPass(),
        new Owners.OwnersPass(),
    ];

    /// <param name="displayRoot">The path the scan was given, as given: the inventory's <c>root</c>.</param>
    /// <param name="timed">Told each pass's name and how long it took, when given (the benchmarks' per-phase split).</param>
    public static Inventory Run(ScanResult scan, string displayRoot, DateTimeOffset scannedAt, IEnumerable<IInventoryPass>? passes = null, Action<string, TimeSpan>? timed = null)
    {
        var draft = new InventoryDraft(scan);
        foreach (var pass in passes ?? Default)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            pass.Run(draft);
            timed?.Invoke(pass.GetType().Name, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }

        return new Inventory
        {
            Tool = ToolInfo.Current,
            Root = displayRoot,
            ScannedAt = scannedAt,
            Components = scan.Components,
            Excluded = scan.Excluded,
            Findings = draft.Findings,
            Graph = draft.Graph ?? new GraphModel { Nodes = [], Edges = [], Cycles = [] },
            Messages = draft.Messages,
            Accepted = draft.Accepted,
            Messaging = draft.Messaging,
            Sdk = scan.Sdk,
            Assessment = draft.Assessment,
            OwnersFile = draft.OwnersFile,
            Hosts = scan.Hosts.Count == 0 ? null : new SortedDictionary<string, string>(scan.Hosts.ToDictionary(), StringComparer.OrdinalIgnoreCase),
        };
    }
}
