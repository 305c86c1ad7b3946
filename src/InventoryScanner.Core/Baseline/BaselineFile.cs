using System.Text;
using System.Text.Json;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Baseline;

/// <summary>
/// <c>inventory.baseline.json</c>, the file a team commits: what the estate had when they last accepted it. Stable so it
/// diffs and merges in git: sorted (component, path, rule, fingerprint), one finding a line, no line numbers (a finding
/// is known by its line-independent fingerprint), no timestamp, no absolute path, no machine or user name, no tool build.
/// </summary>
public static class BaselineFile
{
    /// <summary>The <c>kind</c> that tells a baseline from an <c>inventory.json</c>.</summary>
    public const string Kind = "inventory-baseline";

    public const int CurrentVersion = 1;

    public const string FileName = "inventory.baseline.json";

    /// <summary>Its name as a report format: <c>--format baseline</c>.</summary>
    public const string FormatName = "baseline";

    public static string Write(Inventory inventory) => Write(Snapshot.Of(inventory));

    public static string Write(Snapshot snapshot)
    {
        // Written by hand, a finding a line: a baseline's diff in a pull request then shows exactly the findings that came and went.
        var text = new StringBuilder();
        text.Append("{\n");
        text.Append($"  \"kind\": \"{Kind}\",\n");
        text.Append($"  \"version\": {CurrentVersion},\n");
        text.Append("  \"findings\": [");
        var findings = snapshot.Findings
            .OrderBy(f => f.Component, StringComparer.Ordinal)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Fingerprint, StringComparer.Ordinal)
            .ToList();
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            var entry = new SortedDictionary<string, object>(f.Identity().ToDictionary(p => p.Key, p => (object)p.Value), StringComparer.Ordinal);
            if (f.Resilience is not null)
            {
                entry["resilience"] = f.Resilience;
            }

            if (f.Messaging.Count > 0)
            {
                entry["messaging"] = f.Messaging;
            }

            if (f.Owners.Count > 0)
            {
                entry["owners"] = f.Owners;
            }

            text.Append(i == 0 ? "\n" : ",\n").Append("    ").Append(JsonSerializer.Serialize(entry, Options));
        }

        text.Append(findings.Count == 0 ? "],\n" : "\n  ],\n");
        text.Append("  \"assessment\": {\n");
        text.Append($"    \"estateMaturity\": {Number(snapshot.EstateMaturity)},\n");
        text.Append($"    \"estateSprawl\": {Number(snapshot.EstateSprawl)},\n");
        text.Append("    \"maturity\": ").Append(Map(snapshot.Maturity)).Append(",\n");
        text.Append("    \"sprawl\": ").Append(Map(snapshot.Sprawl)).Append('\n');
        text.Append("  }\n}\n");
        return text.ToString();
    }

    internal static Snapshot Read(JsonElement root, string path)
    {
        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number)
        {
            throw new SnapshotException($"{path} is a baseline without a version; write it again with 'inventory baseline'");
        }

        if (version.GetInt32() != CurrentVersion)
        {
            throw new SnapshotException(version.GetInt32() > CurrentVersion
                ? $"{path} is a baseline of version {version.GetInt32()}, written by a newer InventoryScanner; this one reads version {CurrentVersion}: update the tool"
                : $"{path} is a baseline of version {version.GetInt32()}, which this InventoryScanner no longer reads (it reads version {CurrentVersion}); write it again with 'inventory baseline'");
        }

        var findings = root.TryGetProperty("findings", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(f => new SnapshotFinding(
                Snapshot.Text(f, "fingerprint") ?? string.Empty,
                Snapshot.Text(f, "ruleId") ?? string.Empty,
                Snapshot.Text(f, "kind") ?? string.Empty,
                Snapshot.Text(f, "library") ?? string.Empty,
                Snapshot.Text(f, "component") ?? string.Empty,
                Snapshot.Text(f, "path") ?? string.Empty,
                0,
                Snapshot.Text(f, "target") ?? string.Empty,
                Snapshot.Text(f, "severity") ?? "hidden",
                Snapshot.Text(f, "resilience"),
                Snapshot.Strings(f, "messaging"))
            {
                Owners = Snapshot.Strings(f, "owners"),
            })
                .Where(f => f.Fingerprint.Length > 0)
                .ToList()
            : [];
        var assessment = root.TryGetProperty("assessment", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
        return new Snapshot(
            findings,
            Numbers(assessment, "maturity"),
            Numbers(assessment, "sprawl"),
            Integer(assessment, "estateMaturity"),
            Integer(assessment, "estateSprawl"));
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string Number(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";

    private static string Map(IReadOnlyDictionary<string, int> values) =>
        values.Count == 0
            ? "{}"
            : "{ " + string.Join(", ", values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Key, Options) + ": " + p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))) + " }";

    private static Dictionary<string, int> Numbers(JsonElement assessment, string name) =>
        assessment.ValueKind == JsonValueKind.Object && assessment.TryGetProperty(name, out var map) && map.ValueKind == JsonValueKind.Object
            ? map.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal)
            : [];

    private static int? Integer(JsonElement assessment, string name) =>
        assessment.ValueKind == JsonValueKind.Object && assessment.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
