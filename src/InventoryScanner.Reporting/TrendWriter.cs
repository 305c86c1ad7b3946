using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InventoryScanner.Core.History;

namespace InventoryScanner.Reporting;

/// <summary><c>inventory trend</c>: how the recorded scans moved, as a table, Markdown or JSON.</summary>
public static class TrendWriter
{
    public static readonly IReadOnlyList<string> Formats = ["table", "md", "json"];

    public static string Render(IReadOnlyList<RecordedScan> scans, string format) => format switch
    {
        "table" => Table(scans),
        "md" => Markdown(scans),
        "json" => Json(scans),
        _ => throw new ArgumentException($"unknown trend format '{format}'; expected one of: {string.Join(", ", Formats)}", nameof(format)),
    };

    private static readonly string[] Headers = ["scanned (UTC)", "commit", "components", "findings", "integrations", "secrets", "maturity", "sprawl", "effort (h)"];

    private static IEnumerable<string[]> Rows(IReadOnlyList<RecordedScan> scans)
    {
        RecordedScan? previous = null;
        foreach (var scan in scans)
        {
            yield return
            [
                scan.ScannedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                Commit(scan),
                Cell(scan.Components, previous?.Components),
                Cell(scan.Findings, previous?.Findings),
                Cell(scan.Integrations, previous?.Integrations),
                Cell(scan.Secrets, previous?.Secrets),
                Cell(scan.EstateMaturity, previous?.EstateMaturity),
                Cell(scan.SprawlIndex, previous?.SprawlIndex),
                scan.PriorityHours.ToString("0.#", CultureInfo.InvariantCulture) + Delta(scan.PriorityHours - (previous?.PriorityHours ?? scan.PriorityHours)),
            ];
            previous = scan;
        }
    }

    private static string Table(IReadOnlyList<RecordedScan> scans)
    {
        if (scans.Count == 0)
        {
            return "no scan recorded yet: scan with --history to record one\n";
        }

        var rows = Rows(scans).ToList();
        var widths = Headers.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        text.Append(string.Join("  ", Headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd()).Append('\n');
        foreach (var row in rows)
        {
            text.Append(string.Join("  ", row.Select((c, i) => i < 2 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    private static string Markdown(IReadOnlyList<RecordedScan> scans)
    {
        var text = new StringBuilder("| ").Append(string.Join(" | ", Headers)).Append(" |\n|").Append(string.Concat(Headers.Select(_ => "---|"))).Append('\n');
        foreach (var row in Rows(scans))
        {
            text.Append("| ").Append(string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal)))).Append(" |\n");
        }

        return text.ToString();
    }

    private static string Json(IReadOnlyList<RecordedScan> scans)
    {
        var array = new JsonArray();
        foreach (var scan in scans)
        {
            array.Add(new JsonObject
            {
                ["id"] = scan.Id,
                ["commit"] = scan.Commit,
                ["branch"] = scan.Branch,
                ["scannedAt"] = scan.ScannedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["toolVersion"] = scan.ToolVersion,
                ["components"] = scan.Components,
                ["findings"] = scan.Findings,
                ["integrations"] = scan.Integrations,
                ["secrets"] = scan.Secrets,
                ["estateMaturity"] = scan.EstateMaturity,
                ["sprawlIndex"] = scan.SprawlIndex,
                ["priorityHours"] = scan.PriorityHours,
                ["kinds"] = new JsonObject([.. scan.Kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => KeyValuePair.Create(k.Key, (JsonNode?)k.Value))]),
                ["componentScores"] = new JsonObject([.. scan.ComponentScores.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => KeyValuePair.Create(c.Key, (JsonNode?)new JsonObject { ["maturity"] = c.Value.Maturity, ["sprawl"] = c.Value.Sprawl }))]),
            });
        }

        return new JsonObject { ["scans"] = array }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static string Commit(RecordedScan scan) =>
        (scan.Commit is null ? "(no commit)" : scan.Commit[..Math.Min(10, scan.Commit.Length)]) + (scan.Branch is null ? string.Empty : " " + scan.Branch);

    private static string Cell(int? value, int? previous) =>
        value is null ? "-" : value.Value.ToString(CultureInfo.InvariantCulture) + (previous is null ? string.Empty : Delta(value.Value - previous.Value));

    private static string Delta(double delta) =>
        delta == 0 ? string.Empty : " (" + (delta > 0 ? "+" : "−") + Math.Abs(delta).ToString("0.#", CultureInfo.InvariantCulture) + ")";
}
