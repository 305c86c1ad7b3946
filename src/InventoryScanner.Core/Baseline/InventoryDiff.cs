namespace InventoryScanner.Core.Baseline;

/// <summary>
/// What changed between two scans, matched by fingerprint (rule, component, containing symbol, target; never the line),
/// so moving code or inserting lines above a finding is no change:
/// <list type="bullet">
/// <item><c>added</c> and <c>removed</c>: fingerprints in one scan only;</item>
/// <item><c>changed</c>: a finding whose <c>target</c> moved (a removed and an added finding of one rule, component and
/// file, one each: the same call now pointing elsewhere), whose resilience changed (a handler added to its client), or
/// whose messaging reliability facts changed (a consumer that gained dead-lettering); and each component whose maturity
/// level or sprawl index moved, and the estate's.</item>
/// </list>
/// </summary>
public static class InventoryDiff
{
    /// <param name="filter">Only these findings (an owner's), and only the scores of their components; null: everything.</param>
    public static DiffResult Compare(Snapshot before, Snapshot after, Func<SnapshotFinding, bool>? filter = null)
    {
        var whole = filter is null;
        filter ??= _ => true;
        var old = before.Findings.Where(filter).GroupBy(f => f.Fingerprint, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = after.Findings.Where(filter).GroupBy(f => f.Fingerprint, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var added = now.Values.Where(f => !old.ContainsKey(f.Fingerprint)).ToList();
        var removed = old.Values.Where(f => !now.ContainsKey(f.Fingerprint)).ToList();
        var changes = new List<FindingChange>();

        // A target that moved changes the fingerprint: one removed and one added of the same rule, component and file is that move.
        foreach (var group in removed.GroupBy(Place).ToList())
        {
            var candidates = added.Where(a => Place(a) == group.Key).ToList();
            if (group.Count() == 1 && candidates.Count == 1)
            {
                var (was, @is) = (group.Single(), candidates[0]);
                changes.Add(new FindingChange("target", @is, was.Target, @is.Target));
                removed.Remove(was);
                added.Remove(@is);
            }
        }

        foreach (var (fingerprint, was) in old)
        {
            if (!now.TryGetValue(fingerprint, out var @is))
            {
                continue;
            }

            if (!string.Equals(was.Resilience ?? "none", @is.Resilience ?? "none", StringComparison.Ordinal))
            {
                changes.Add(new FindingChange("resilience", @is, was.Resilience ?? "none", @is.Resilience ?? "none"));
            }

            if (!was.Messaging.SequenceEqual(@is.Messaging, StringComparer.Ordinal))
            {
                changes.Add(new FindingChange("messaging", @is, string.Join("; ", was.Messaging.Except(@is.Messaging, StringComparer.Ordinal)), string.Join("; ", @is.Messaging.Except(was.Messaging, StringComparer.Ordinal))));
            }

            if (was.Severity != @is.Severity)
            {
                changes.Add(new FindingChange("severity", @is, was.Severity, @is.Severity));
            }
        }

        // A diff for one owner shows the scores of the components it has findings in, not the estate's.
        var scoped = whole ? null : old.Values.Concat(now.Values).Select(f => f.Component).ToHashSet(StringComparer.Ordinal);
        return new DiffResult(
            [.. added.OrderBy(f => f.Component, StringComparer.Ordinal).ThenBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line)],
            [.. removed.OrderBy(f => f.Component, StringComparer.Ordinal).ThenBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line)],
            [.. changes.OrderBy(c => c.Finding.Component, StringComparer.Ordinal).ThenBy(c => c.Finding.Path, StringComparer.Ordinal).ThenBy(c => c.Finding.Line).ThenBy(c => c.What, StringComparer.Ordinal)],
            [.. Moves(before.Maturity, after.Maturity, before.EstateMaturity, after.EstateMaturity).Where(m => scoped is null || scoped.Contains(m.Component))],
            [.. Moves(before.Sprawl, after.Sprawl, before.EstateSprawl, after.EstateSprawl).Where(m => scoped is null || scoped.Contains(m.Component))]);
    }

    private static (string, string, string) Place(SnapshotFinding finding) => (finding.RuleId, finding.Component, finding.Path);

    /// <summary>Each component (and the estate, named <c>(estate)</c>) whose score moved, or that is new or gone (null on that side).</summary>
    private static List<ScoreChange> Moves(IReadOnlyDictionary<string, int> before, IReadOnlyDictionary<string, int> after, int? estateBefore, int? estateAfter)
    {
        var moves = new List<ScoreChange>();
        if (estateBefore != estateAfter && (estateBefore is not null || estateAfter is not null))
        {
            moves.Add(new ScoreChange(DiffResult.Estate, estateBefore, estateAfter));
        }

        foreach (var component in before.Keys.Union(after.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            int? was = before.TryGetValue(component, out var b) ? b : null;
            int? @is = after.TryGetValue(component, out var a) ? a : null;
            if (was != @is)
            {
                moves.Add(new ScoreChange(component, was, @is));
            }
        }

        return moves;
    }
}

/// <summary>The findings added and removed, the changes under unchanged fingerprints, and the scores that moved.</summary>
public sealed record DiffResult(
    IReadOnlyList<SnapshotFinding> Added,
    IReadOnlyList<SnapshotFinding> Removed,
    IReadOnlyList<FindingChange> Changed,
    IReadOnlyList<ScoreChange> Maturity,
    IReadOnlyList<ScoreChange> Sprawl)
{
    /// <summary>The name a score change of the whole estate goes by.</summary>
    public const string Estate = "(estate)";

    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0 && Maturity.Count == 0 && Sprawl.Count == 0;
}

/// <summary>A finding present in both scans (or moved, for <c>target</c>) with what changed: <c>target</c>, <c>resilience</c>, <c>messaging</c>, <c>severity</c>.</summary>
public sealed record FindingChange(string What, SnapshotFinding Finding, string Before, string After);

/// <summary>A maturity level or sprawl index that moved; null where the component is not in that scan.</summary>
public sealed record ScoreChange(string Component, int? Before, int? After);
