using System.Text.Json;
using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Baseline;

/// <summary>
/// What a diff or a baseline compares of one scan: each finding by its fingerprint with the facts that can change
/// under it, each component's maturity level and sprawl index, and the estate's. Read from a live inventory, an
/// <c>inventory.json</c>, or a baseline file (<see cref="BaselineFile"/>).
/// </summary>
public sealed record Snapshot(
    IReadOnlyList<SnapshotFinding> Findings,
    IReadOnlyDictionary<string, int> Maturity,
    IReadOnlyDictionary<string, int> Sprawl,
    int? EstateMaturity,
    int? EstateSprawl)
{
    /// <summary>No scan: against it, everything is new.</summary>
    public static Snapshot Empty { get; } = new([], new Dictionary<string, int>(), new Dictionary<string, int>(), null, null);

    public static Snapshot Of(Inventory inventory)
    {
        var messaging = inventory.Messaging
            .GroupBy(m => m.Finding, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(m => m.Facts).Select(f => f.Name + "=" + f.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var findings = inventory.Findings
            .Select(f => new SnapshotFinding(
                f.Fingerprint,
                f.RuleId,
                f.Kind,
                f.Library,
                f.Component,
                f.Path,
                f.Line,
                f.Target,
                f.Severity,
                f.Details?.GetValueOrDefault(FindingProperties.Resilience),
                messaging.GetValueOrDefault(f.Fingerprint) ?? [])
            {
                Owners = f.Owners ?? [],
            })
            .ToList();
        var assessment = inventory.Assessment;
        return new Snapshot(
            findings,
            assessment?.Maturity.Components.ToDictionary(c => c.Component, c => c.Level, StringComparer.Ordinal) ?? new Dictionary<string, int>(),
            assessment?.Sprawl.Components.ToDictionary(c => c.Component, c => c.Index.Index, StringComparer.Ordinal) ?? new Dictionary<string, int>(),
            assessment?.Maturity.Estate.Level,
            assessment?.Sprawl.Estate.Index);
    }

    /// <summary>
    /// An <c>inventory.json</c> or a baseline file, told apart by its <c>kind</c>. A file this version cannot read (another
    /// tool's JSON, a schema newer or older than it knows) is refused with a message that says why.
    /// </summary>
    public static Snapshot Read(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new SnapshotException($"{path} cannot be read: {exception.Message.Split('\n')[0]}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new SnapshotException($"{path} is not an inventory or a baseline (it is not a JSON object)");
            }

            if (root.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == BaselineFile.Kind)
            {
                return BaselineFile.Read(root, path);
            }

            if (!root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array || !root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number)
            {
                throw new SnapshotException($"{path} is not an inventory.json or a baseline written by InventoryScanner (no schemaVersion and findings)");
            }

            if (version.GetInt32() != Inventory.CurrentSchemaVersion)
            {
                throw new SnapshotException($"{path} is an inventory of schema version {version.GetInt32()}; this InventoryScanner reads version {Inventory.CurrentSchemaVersion}: scan again with this version to compare");
            }

            return FromInventoryJson(root);
        }
    }

    private static Snapshot FromInventoryJson(JsonElement root)
    {
        var messaging = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (root.TryGetProperty("messaging", out var endpoints) && endpoints.ValueKind == JsonValueKind.Array)
        {
            foreach (var endpoint in endpoints.EnumerateArray())
            {
                var finding = Text(endpoint, "finding");
                if (finding is null || !endpoint.TryGetProperty("facts", out var facts))
                {
                    continue;
                }

                if (!messaging.TryGetValue(finding, out var list))
                {
                    messaging[finding] = list = [];
                }

                list.AddRange(facts.EnumerateArray().Select(f => Text(f, "name") + "=" + Text(f, "value")));
            }
        }

        var findings = root.GetProperty("findings").EnumerateArray()
            .Select(f => new SnapshotFinding(
                Text(f, "fingerprint") ?? string.Empty,
                Text(f, "ruleId") ?? string.Empty,
                Text(f, "kind") ?? string.Empty,
                Text(f, "library") ?? string.Empty,
                Text(f, "component") ?? string.Empty,
                Text(f, "path") ?? string.Empty,
                f.TryGetProperty("line", out var line) && line.ValueKind == JsonValueKind.Number ? line.GetInt32() : 0,
                Text(f, "target") ?? string.Empty,
                Text(f, "severity") ?? "hidden",
                f.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Object ? Text(details, FindingProperties.Resilience) : null,
                messaging.TryGetValue(Text(f, "fingerprint") ?? string.Empty, out var facts) ? [.. facts.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)] : [])
            {
                Owners = Strings(f, "owners"),
            })
            .ToList();

        var maturity = new Dictionary<string, int>(StringComparer.Ordinal);
        var sprawl = new Dictionary<string, int>(StringComparer.Ordinal);
        int? estateMaturity = null;
        int? estateSprawl = null;
        if (root.TryGetProperty("assessment", out var assessment) && assessment.ValueKind == JsonValueKind.Object)
        {
            if (assessment.TryGetProperty("maturity", out var model))
            {
                estateMaturity = model.TryGetProperty("estate", out var estate) && estate.TryGetProperty("level", out var level) ? level.GetInt32() : null;
                foreach (var component in model.TryGetProperty("components", out var list) ? list.EnumerateArray() : default)
                {
                    maturity[Text(component, "component") ?? string.Empty] = component.GetProperty("level").GetInt32();
                }
            }

            if (assessment.TryGetProperty("sprawl", out var index))
            {
                estateSprawl = index.TryGetProperty("estate", out var estate) && estate.TryGetProperty("index", out var value) ? value.GetInt32() : null;
                foreach (var component in index.TryGetProperty("components", out var list) ? list.EnumerateArray() : default)
                {
                    sprawl[Text(component, "component") ?? string.Empty] = component.GetProperty("index").GetProperty("index").GetInt32();
                }
            }
        }

        return new Snapshot(findings, maturity, sprawl, estateMaturity, estateSprawl);
    }

    internal static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(v => v.GetString() ?? string.Empty)] : [];

    internal static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>
/// One finding as a comparison sees it: its fingerprint (line-independent: rule, component, containing symbol, target),
/// where it is, and the facts that can change without a new fingerprint (resilience of a call, a consumer's reliability).
/// </summary>
public sealed record SnapshotFinding(
    string Fingerprint,
    string RuleId,
    string Kind,
    string Library,
    string Component,
    string Path,
    int Line,
    string Target,
    string Severity,
    string? Resilience,
    IReadOnlyList<string> Messaging)
{
    /// <summary>Its owners by CODEOWNERS when the scan had one; empty otherwise.</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];

    /// <summary>What names it in a baseline and a diff, as JSON property names and values.</summary>
    public IEnumerable<KeyValuePair<string, string>> Identity() =>
    [
        new("fingerprint", Fingerprint),
        new("ruleId", RuleId),
        new("kind", Kind),
        new("library", Library),
        new("component", Component),
        new("path", Path),
        new("target", Target),
        new("severity", Severity),
    ];
}

/// <summary>An inventory or baseline that cannot be compared: the message says which file and why.</summary>
public sealed class SnapshotException(string message) : Exception(message);
