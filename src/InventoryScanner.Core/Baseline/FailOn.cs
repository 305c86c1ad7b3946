using System.Reflection;
using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Baseline;

/// <summary>
/// What makes a scan fail (<c>--fail-on</c>), as a comma-separated list of conditions, any of which fails it:
/// <list type="bullet">
/// <item><c>warning</c> (a severity: <c>hidden</c>, <c>info</c>, <c>warning</c>, <c>error</c>): any finding at or above it;</item>
/// <item><c>new</c>: any finding the baseline does not have;</item>
/// <item><c>new:secret</c>, <c>new:http-client</c> (a finding kind): a new finding of that kind;</item>
/// <item><c>new:warning</c> (a severity): a new finding at or above it.</item>
/// </list>
/// Test doubles (findings of test projects) never fail a scan.
/// </summary>
public sealed class FailOn
{
    public static readonly IReadOnlyList<string> Severities = ["hidden", "info", "warning", "error"];

    /// <summary>Every finding kind, as <c>new:&lt;kind&gt;</c> names them.</summary>
    public static readonly IReadOnlyList<string> Kinds = typeof(FindingKinds).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)
        .ToList();

    private readonly List<(bool OnlyNew, string? Severity, string? Kind)> _conditions;

    private FailOn(List<(bool, string?, string?)> conditions) => _conditions = conditions;

    public string Text { get; private init; } = string.Empty;

    /// <summary>Whether a condition asks about new findings, so the scan needs <c>--baseline</c>.</summary>
    public bool NeedsBaseline => _conditions.Any(c => c.OnlyNew);

    /// <summary>The conditions of <paramref name="text"/>, or why it is not one.</summary>
    public static FailOn Parse(string text, out string? problem)
    {
        problem = null;
        var conditions = new List<(bool, string?, string?)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.ToLowerInvariant()))
        {
            if (Severities.Contains(part))
            {
                conditions.Add((false, part, null));
            }
            else if (part == "new")
            {
                conditions.Add((true, null, null));
            }
            else if (part.StartsWith("new:", StringComparison.Ordinal) && part[4..] is var what && (Severities.Contains(what) || Kinds.Contains(what)))
            {
                conditions.Add((true, Severities.Contains(what) ? what : null, Kinds.Contains(what) ? what : null));
            }
            else
            {
                problem = $"'{part}' is not a --fail-on condition; use a severity ({string.Join(", ", Severities)}), new, new:<severity> or new:<kind> (kinds: {string.Join(", ", Kinds)})";
                return new FailOn([]);
            }
        }

        if (conditions.Count == 0)
        {
            problem = "--fail-on needs a condition";
        }

        return new FailOn(conditions) { Text = text };
    }

    /// <summary>The findings that fail the scan, in the inventory's order.</summary>
    public IReadOnlyList<Finding> Failing(IEnumerable<Finding> findings) =>
        findings.Where(f => !f.IsTestOnly && _conditions.Any(c => Matches(c, f))).ToList();

    private static bool Matches((bool OnlyNew, string? Severity, string? Kind) condition, Finding finding) =>
        (!condition.OnlyNew || finding.Baseline == BaselineComparison.New)
        && (condition.Severity is null || Rank(finding.Severity) >= Rank(condition.Severity))
        && (condition.Kind is null || finding.Kind == condition.Kind);

    private static int Rank(string severity) => Severities.ToList().IndexOf(severity);
}
