using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Baseline;

/// <summary>
/// Marks each finding of a scan <c>new</c> or <c>known</c> against a baseline, by fingerprint (a line shift or a move
/// inside the same symbol is no new finding), and says how many of the baseline's findings are gone. An empty baseline
/// makes everything new.
/// </summary>
public static class BaselineComparison
{
    public const string New = "new";

    public const string Known = "known";

    public static BaselineSummary Apply(Inventory inventory, Snapshot baseline, string file)
    {
        var known = baseline.Findings.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
        foreach (var finding in inventory.Findings)
        {
            finding.Baseline = known.Contains(finding.Fingerprint) ? Known : New;
        }

        var present = inventory.Findings.Select(f => f.Fingerprint).Concat(inventory.Accepted.Select(a => a.Fingerprint)).ToHashSet(StringComparer.Ordinal);
        var summary = new BaselineSummary(
            file,
            inventory.Findings.Count(f => f.Baseline == New),
            inventory.Findings.Count(f => f.Baseline == Known),
            known.Count(fingerprint => !present.Contains(fingerprint)));
        inventory.Baseline = summary;
        return summary;
    }
}
