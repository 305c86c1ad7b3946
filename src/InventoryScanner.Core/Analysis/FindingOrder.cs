using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Analysis;

/// <summary>The order findings are kept in through the passes: path, line, column, rule.</summary>
public static class FindingOrder
{
    /// <summary>Puts findings a join added back in that order.</summary>
    public static void Sort(List<Finding> findings) => findings.Sort((a, b) =>
    {
        var order = StringComparer.Ordinal.Compare(a.Path, b.Path);
        order = order != 0 ? order : a.Line.CompareTo(b.Line);
        order = order != 0 ? order : a.Column.CompareTo(b.Column);
        return order != 0 ? order : StringComparer.Ordinal.Compare(a.RuleId, b.RuleId);
    });
}
