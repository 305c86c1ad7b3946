using System.Text.Json;
using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Analysis;

/// <summary>
/// The allowlist a team keeps of secrets it has looked at and accepts (<c>.inventory-allowlist.json</c> at the scan
/// root): each entry names a finding's <c>fingerprint</c> or a secret's <c>valueHash</c> (the same value anywhere) and
/// gives a <c>reason</c>. Accepted secrets leave the findings and are listed with their reasons, so a baseline in CI
/// fails only on new ones. An entry without a reason accepts nothing.
/// </summary>
public static class Allowlist
{
    public const string FileName = ".inventory-allowlist.json";

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public sealed record Entry(string? Fingerprint, string? ValueHash, string Reason);

    /// <summary>The entries of the file, or none (with a message) when it is missing, unreadable or has entries without a reason.</summary>
    public static IReadOnlyList<Entry> Read(string path, List<string> messages)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), Options);
            if (!document.RootElement.TryGetProperty("secrets", out var secrets) || secrets.ValueKind != JsonValueKind.Array)
            {
                messages.Add($"{Path.GetFileName(path)} has no \"secrets\" array; nothing is accepted");
                return [];
            }

            var entries = new List<Entry>();
            foreach (var item in secrets.EnumerateArray())
            {
                var fingerprint = item.TryGetProperty("fingerprint", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
                var valueHash = item.TryGetProperty("valueHash", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                var reason = item.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()?.Trim() : null;
                if ((fingerprint is null && valueHash is null) || string.IsNullOrEmpty(reason))
                {
                    messages.Add($"{Path.GetFileName(path)}: an entry without a fingerprint or valueHash and a reason was ignored");
                    continue;
                }

                entries.Add(new Entry(fingerprint, valueHash, reason));
            }

            return entries;
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            messages.Add($"{Path.GetFileName(path)} could not be read ({exception.Message.Split('\n')[0]}); nothing is accepted");
            return [];
        }
    }

    /// <summary>The findings the allowlist leaves, and the secrets it accepts.</summary>
    public static (List<Finding> Kept, List<AcceptedSecret> Accepted) Apply(IReadOnlyList<Finding> findings, IReadOnlyList<Entry> entries)
    {
        var kept = new List<Finding>();
        var accepted = new List<AcceptedSecret>();
        foreach (var finding in findings)
        {
            if (finding.SuppressedBy is not null)
            {
                accepted.Add(new AcceptedSecret(finding.Fingerprint, finding.Component, finding.Path, finding.Line, finding.Target, finding.SuppressedBy)
                {
                    RuleId = finding.RuleId,
                    Column = finding.Column,
                    AcceptedBy = AcceptedSecret.SuppressedInCode,
                });
                continue;
            }

            var valueHash = finding.ValueHash;
            var entry = finding.Kind == FindingKinds.Secret
                ? entries.FirstOrDefault(e => (e.Fingerprint is not null && e.Fingerprint == finding.Fingerprint) || (e.ValueHash is not null && e.ValueHash == valueHash))
                : null;
            if (entry is null)
            {
                kept.Add(finding);
            }
            else
            {
                accepted.Add(new AcceptedSecret(finding.Fingerprint, finding.Component, finding.Path, finding.Line, finding.Target, entry.Reason)
                {
                    RuleId = finding.RuleId,
                    Column = finding.Column,
                });
            }
        }

        return (kept, accepted);
    }
}
