using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InventoryScanner.Analyzers;
using InventoryScanner.Core.Baseline;

namespace InventoryScanner.Reporting;

/// <summary><c>inventory diff</c>'s output: plain text for a terminal, Markdown for a pull-request comment, JSON for tools.</summary>
public static class DiffWriter
{
    public static readonly IReadOnlyList<string> Formats = ["text", "md", "json"];

    public static string Render(DiffResult diff, string format) => format switch
    {
        "text" => Text(diff),
        "md" => Markdown(diff),
        "json" => Json(diff),
        _ => throw new ArgumentException($"unknown diff format '{format}'; expected one of: {string.Join(", ", Formats)}", nameof(format)),
    };

    private static string Summary(DiffResult diff) =>
        diff.IsEmpty
            ? "no change"
            : $"{diff.Added.Count} added, {diff.Removed.Count} removed, {diff.Changed.Count} changed"
                + (diff.Maturity.Count > 0 ? $", {diff.Maturity.Count} maturity level(s) moved" : string.Empty)
                + (diff.Sprawl.Count > 0 ? $", {diff.Sprawl.Count} sprawl index(es) moved" : string.Empty);

    private static string Text(DiffResult diff)
    {
        var text = new StringBuilder(Summary(diff)).Append('\n');
        Section(text, "added", diff.Added, f => "  + " + Describe(f));
        Section(text, "removed", diff.Removed, f => "  - " + Describe(f));
        Section(text, "changed", diff.Changed, c => $"  ~ {Describe(c.Finding)}: {c.What} {Arrow(c.Before, c.After)}");
        Section(text, "maturity level", diff.Maturity, m => $"  {m.Component}: {Score(m.Before)} → {Score(m.After)}");
        Section(text, "sprawl index", diff.Sprawl, s => $"  {s.Component}: {Score(s.Before)} → {Score(s.After)}");
        return text.ToString();
    }

    private static void Section<T>(StringBuilder text, string title, IReadOnlyList<T> items, Func<T, string> line)
    {
        if (items.Count == 0)
        {
            return;
        }

        text.Append(title).Append(":\n");
        foreach (var item in items)
        {
            text.Append(line(item)).Append('\n');
        }
    }

    private static string Markdown(DiffResult diff)
    {
        var text = new StringBuilder("### Integration inventory: ").Append(Summary(diff)).Append("\n\n");
        Table(text, "Added", diff.Added.Select(f => Row(f, string.Empty)).ToList());
        Table(text, "Removed", diff.Removed.Select(f => Row(f, string.Empty)).ToList());
        Table(text, "Changed", diff.Changed.Select(c => Row(c.Finding, c.What + ": " + Arrow(c.Before, c.After))).ToList());
        if (diff.Maturity.Count + diff.Sprawl.Count > 0)
        {
            text.Append("#### Scores\n\n| component | score | before | after |\n|---|---|---|---|\n");
            foreach (var m in diff.Maturity)
            {
                text.Append($"| {Cell(m.Component)} | maturity level | {Score(m.Before)} | {Score(m.After)} |\n");
            }

            foreach (var s in diff.Sprawl)
            {
                text.Append($"| {Cell(s.Component)} | sprawl index | {Score(s.Before)} | {Score(s.After)} |\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static void Table(StringBuilder text, string title, List<string> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        text.Append("#### ").Append(title).Append(" (").Append(rows.Count.ToString(CultureInfo.InvariantCulture)).Append(")\n\n");
        text.Append("| component | where | rule | kind | target | change |\n|---|---|---|---|---|---|\n");
        foreach (var row in rows)
        {
            text.Append(row).Append('\n');
        }

        text.Append('\n');
    }

    private static string Row(SnapshotFinding f, string change) =>
        $"| {Cell(f.Component)} | `{Cell(Where(f))}` | {f.RuleId} | {f.Kind} | `{Cell(f.Target)}` | {Cell(change)} |";

    private static string Json(DiffResult diff)
    {
        var json = new JsonObject
        {
            ["summary"] = Summary(diff),
            ["added"] = new JsonArray([.. diff.Added.Select(Node)]),
            ["removed"] = new JsonArray([.. diff.Removed.Select(Node)]),
            ["changed"] = new JsonArray([.. diff.Changed.Select(c => new JsonObject
            {
                ["what"] = c.What,
                ["before"] = c.Before,
                ["after"] = c.After,
                ["finding"] = Node(c.Finding),
            })]),
            ["maturity"] = new JsonArray([.. diff.Maturity.Select(Score)]),
            ["sprawl"] = new JsonArray([.. diff.Sprawl.Select(Score)]),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonObject Node(SnapshotFinding f)
    {
        var node = new JsonObject([.. f.Identity().Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]);
        if (f.Line > 0)
        {
            node["line"] = f.Line;
        }

        return node;
    }

    private static JsonObject Score(ScoreChange change) => new()
    {
        ["component"] = change.Component,
        ["before"] = change.Before,
        ["after"] = change.After,
    };

    /// <summary>One finding on one line; a secret's target is the word that named it, never its value.</summary>
    private static string Describe(SnapshotFinding f) => $"{f.Component} {Where(f)} {f.RuleId} {f.Kind} {(f.Kind == FindingKinds.Secret ? "\"" + f.Target + "\"" : f.Target)}";

    private static string Where(SnapshotFinding f) => f.Line > 0 ? f.Path + ":" + f.Line.ToString(CultureInfo.InvariantCulture) : f.Path;

    private static string Arrow(string before, string after) => $"{(before.Length == 0 ? "(none)" : before)} → {(after.Length == 0 ? "(none)" : after)}";

    private static string Score(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "(none)";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
