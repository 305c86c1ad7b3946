using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using InventoryScanner.Analyzers;
using InventoryScanner.Core.Analysis;
using InventoryScanner.Core.Graph;
using InventoryScanner.Core.Model;
using Microsoft.CodeAnalysis;

namespace InventoryScanner.Reporting;

/// <summary>What <c>inventory.sarif</c> does with the integration facts (hidden rules), which are not problems.</summary>
public enum SarifFacts
{
    /// <summary>In, at level <c>note</c>: the SARIF file is the whole inventory (the default).</summary>
    Note,

    /// <summary>Left out: only warnings and errors, for a code-scanning tab that lists problems.</summary>
    Omit,
}

/// <summary>
/// <c>inventory.sarif</c>: SARIF 2.1.0 (OASIS), one run of this tool with its rules and the findings as results.
/// <c>partialFingerprints</c> carry the findings' line-independent fingerprints, so code scanning tracks an alert across
/// commits and line shifts; locations are relative to the repository root (<c>uriBaseId</c> <c>SRCROOT</c>); accepted
/// secrets are suppressed results with their justification. Written with System.Text.Json (the SARIF SDK is not used):
/// every value comes from the inventory, whose secrets are already redacted, and no absolute path is written.
/// </summary>
public sealed class SarifReportWriter(SarifFacts facts = SarifFacts.Note) : IReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The key of the finding fingerprint in <c>partialFingerprints</c>; versioned, as SARIF asks.</summary>
    public const string FingerprintKey = "inventoryFingerprint/v1";

    public const string RootBaseId = "SRCROOT";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string FileName => "inventory.sarif";

    public string Render(Inventory inventory)
    {
        var prefix = RepositoryPrefix(inventory.Root);
        var included = inventory.Findings.Where(f => facts == SarifFacts.Note || f.Severity is "warning" or "error").ToList();
        var rules = Rules(included.Select(f => f.RuleId).Concat(inventory.Accepted.Select(a => a.RuleId).OfType<string>()));
        var index = rules.Select((rule, i) => (rule.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

        var results = new JsonArray();
        foreach (var finding in included.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Fingerprint, StringComparer.Ordinal))
        {
            results.Add(Result(finding, index, prefix));
        }

        foreach (var accepted in inventory.Accepted.OrderBy(a => a.Path, StringComparer.Ordinal).ThenBy(a => a.Line))
        {
            results.Add(Suppressed(accepted, index, prefix));
        }

        var run = new JsonObject
        {
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = inventory.Tool.Name,
                    ["semanticVersion"] = inventory.Tool.Version,
                    ["informationUri"] = RuleIdentifiers.RepositoryUri,
                    ["rules"] = new JsonArray([.. rules.Select(Rule)]),
                },
            },
            ["originalUriBaseIds"] = new JsonObject
            {
                [RootBaseId] = new JsonObject { ["description"] = Message("The root of the scanned repository (the checkout).") },
            },
            ["columnKind"] = "utf16CodeUnits",
            ["results"] = results,
            ["properties"] = new JsonObject
            {
                ["sarifFacts"] = facts == SarifFacts.Note ? "note" : "omit",
                ["components"] = inventory.Components.Count,
            },
        };
        var log = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
        return log.ToJsonString(Options) + "\n";
    }

    private static JsonObject Result(Finding finding, Dictionary<string, int> index, string prefix)
    {
        var result = new JsonObject
        {
            ["ruleId"] = finding.RuleId,
        };
        if (index.TryGetValue(finding.RuleId, out var ruleIndex))
        {
            result["ruleIndex"] = ruleIndex;
        }

        result["level"] = Level(finding.Severity);
        result["message"] = Message(finding.Message);
        result["locations"] = new JsonArray(Location(finding.Path, finding.Line, finding.Column, finding.Kind == FindingKinds.Secret ? null : finding.Evidence, prefix));
        result["partialFingerprints"] = new JsonObject { [FingerprintKey] = finding.Fingerprint };
        if (finding.Baseline is not null)
        {
            result["baselineState"] = finding.Baseline == Core.Baseline.BaselineComparison.New ? "new" : "unchanged";
        }

        var properties = new JsonObject
        {
            ["kind"] = finding.Kind,
            ["library"] = finding.Library,
            ["component"] = finding.Component,
            ["target"] = finding.Target,
            ["confidence"] = finding.Confidence,
        };
        if (finding.IsTestOnly)
        {
            properties["scope"] = "test";
        }

        if (finding.Owners is { Count: > 0 } owners)
        {
            properties["owners"] = new JsonArray([.. owners.Select(o => (JsonNode)o)]);
        }

        result["properties"] = properties;
        return result;
    }

    private static JsonObject Suppressed(AcceptedSecret accepted, Dictionary<string, int> index, string prefix)
    {
        var ruleId = accepted.RuleId ?? RuleIdentifiers.HardcodedCredential;
        var result = new JsonObject { ["ruleId"] = ruleId };
        if (index.TryGetValue(ruleId, out var ruleIndex))
        {
            result["ruleIndex"] = ruleIndex;
        }

        result["level"] = "warning";

        // The target of a secret is the word that named it ("password"), never its value.
        result["message"] = Message($"\"{accepted.Target}\" detected here; accepted: {accepted.Reason}");
        result["locations"] = new JsonArray(Location(accepted.Path, accepted.Line, accepted.Column, snippet: null, prefix));
        result["partialFingerprints"] = new JsonObject { [FingerprintKey] = accepted.Fingerprint };
        result["suppressions"] = new JsonArray(new JsonObject
        {
            ["kind"] = accepted.AcceptedBy == AcceptedSecret.SuppressedInCode ? "inSource" : "external",
            ["status"] = "accepted",
            ["justification"] = accepted.Reason,
        });
        result["properties"] = new JsonObject { ["kind"] = FindingKinds.Secret, ["component"] = accepted.Component };
        return result;
    }

    private static JsonObject Location(string path, int line, int column, string? snippet, string prefix)
    {
        var region = new JsonObject { ["startLine"] = Math.Max(1, line) };
        if (column > 0)
        {
            region["startColumn"] = column;
        }

        if (!string.IsNullOrEmpty(snippet))
        {
            region["snippet"] = new JsonObject { ["text"] = snippet };
        }

        return new JsonObject
        {
            ["physicalLocation"] = new JsonObject
            {
                ["artifactLocation"] = new JsonObject
                {
                    ["uri"] = Uri(prefix + path.Replace('\\', '/')),
                    ["uriBaseId"] = RootBaseId,
                },
                ["region"] = region,
            },
        };
    }

    /// <summary>A relative path as a URI reference: each segment escaped (<c>My Project/a b.cs</c> → <c>My%20Project/a%20b.cs</c>).</summary>
    private static string Uri(string path) => string.Join('/', path.Split('/').Select(System.Uri.EscapeDataString));

    private static JsonObject Message(string text) => new() { ["text"] = text };

    /// <summary>Hidden facts and infos are notes; warnings and errors keep their level.</summary>
    public static string Level(string severity) => severity switch
    {
        "error" => "error",
        "warning" => "warning",
        _ => "note",
    };

    private static JsonObject Rule(RuleInfo rule)
    {
        var descriptor = new JsonObject
        {
            ["id"] = rule.Id,
            ["name"] = rule.Name,
            ["shortDescription"] = Message(rule.Title),
            ["fullDescription"] = Message(rule.Description),
            ["helpUri"] = RuleIdentifiers.GetHelpUri(rule.Id),
            ["defaultConfiguration"] = new JsonObject { ["level"] = rule.Level },
            ["properties"] = new JsonObject
            {
                ["category"] = rule.Category,
                ["tags"] = new JsonArray(rule.Category, rule.Category == RuleCategories.Security ? "security" : "inventory"),
            },
        };
        return descriptor;
    }

    /// <summary>
    /// The rules the results use, in id order: from the analyzers' descriptors (the one catalogue), and the scanner's
    /// own INV4005, which no analyzer reports.
    /// </summary>
    private static List<RuleInfo> Rules(IEnumerable<string> used)
    {
        var wanted = used.ToHashSet(StringComparer.Ordinal);
        return Catalogue.Value.Where(r => wanted.Contains(r.Id)).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    private static readonly Lazy<List<RuleInfo>> Catalogue = new(() =>
    {
        var names = typeof(RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .GroupBy(f => (string)f.GetRawConstantValue()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var rules = AnalyzerCatalog.Default.Analyzers
            .SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .Select(d => new RuleInfo(
                d.Id,
                names.GetValueOrDefault(d.Id) ?? d.Id,
                d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
                d.Description.ToString(System.Globalization.CultureInfo.InvariantCulture) is { Length: > 0 } description ? description : d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
                d.Category,
                Level(d.DefaultSeverity switch
                {
                    DiagnosticSeverity.Error => "error",
                    DiagnosticSeverity.Warning => "warning",
                    _ => "note",
                })))
            .ToList();
        rules.Add(new RuleInfo(
            RuleIdentifiers.SharedDataStore,
            names[RuleIdentifiers.SharedDataStore],
            SharedStoreFindings.Title,
            SharedStoreFindings.Description,
            "Integration.Data",
            "warning"));
        return rules;
    });

    /// <summary>
    /// The scan root's path from the repository root (the nearest folder above it with a <c>.git</c>), with a trailing
    /// slash: findings are relative to the scan root, code scanning wants them relative to the checkout. Empty when the
    /// scan root is the repository root or no repository is found.
    /// </summary>
    public static string RepositoryPrefix(string root) => Core.Owners.RepositoryRoot.Of(root).Prefix;

    private sealed record RuleInfo(string Id, string Name, string Title, string Description, string Category, string Level);
}
