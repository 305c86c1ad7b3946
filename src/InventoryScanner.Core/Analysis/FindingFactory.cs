using System.Security.Cryptography;
using System.Text;
using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;
using Microsoft.CodeAnalysis;

namespace InventoryScanner.Core.Analysis;

/// <summary>Turns analyzer diagnostics (and their structured properties) into inventory findings.</summary>
public static class FindingFactory
{
    private const int MaxEvidenceLength = 200;

    /// <summary>Properties copied into <see cref="Finding.Details"/> when present.</summary>
    /// <summary>The diagnostic properties a finding keeps as details; the rest become its own fields or stay inside the analyzer.</summary>
    internal static readonly string[] DetailKeys =
    [
        FindingProperties.HttpMethod, FindingProperties.Exchange, FindingProperties.RoutingKey, FindingProperties.Queue,
        FindingProperties.TargetSource, FindingProperties.Expression, FindingProperties.SecretKind,
        FindingProperties.ConfigKey, FindingProperties.ConfigValues, FindingProperties.Registration, FindingProperties.Resilience,
        FindingProperties.Environment, FindingProperties.Client, FindingProperties.Resource, FindingProperties.Project,
        FindingProperties.References, FindingProperties.Operation, FindingProperties.Subscription, FindingProperties.Polling, FindingProperties.KnownDefault,
        FindingProperties.ErrorHandling, FindingProperties.Idempotency, FindingProperties.Outbox,
        FindingProperties.Durable, FindingProperties.DeadLetterExchange, FindingProperties.ExchangeType, FindingProperties.Handler,
        FindingProperties.Facet, FindingProperties.CheckScope, FindingProperties.Upstream, FindingProperties.Store, FindingProperties.DbContext,
        FindingProperties.StoreUse, FindingProperties.StoreScope, FindingProperties.Volumes, FindingProperties.Images, FindingProperties.Namespace, FindingProperties.DesignTime, FindingProperties.Tables, FindingProperties.Statement, FindingProperties.Procedure,
        FindingProperties.StoreClient, FindingProperties.BrokerClient, FindingProperties.ServiceKey,
        FindingProperties.Implements, FindingProperties.Calls, FindingProperties.Via, FindingProperties.Registers, FindingProperties.RegisteredIn, FindingProperties.Service,
        FindingProperties.Parameters, FindingProperties.Arguments, FindingProperties.ResourceType, FindingProperties.TargetProject, FindingProperties.ProjectFolder,
    ];

    /// <summary>The finding for an inventory diagnostic; null for diagnostics that are not inventory findings.</summary>
    public static Finding? Create(Diagnostic diagnostic, string component, string scanRoot)
    {
        var properties = diagnostic.Properties;
        var location = diagnostic.Location;
        if (!properties.TryGetValue(FindingProperties.Kind, out var kind) || kind is null
            || !(location.IsInSource || location.Kind == LocationKind.ExternalFile))
        {
            return null;
        }

        // Findings in configuration files (AdditionalFiles) have an external location: a path and a line, no tree.
        var span = location.GetLineSpan();
        var isSecret = kind == FindingKinds.Secret;

        // A secret's evidence comes from the analyzer, already redacted; the source line would hold the value.
        // Other rules whose line may hold a value (the credentials on an outbound call) give their own evidence, cut too.
        var evidence = isSecret
            ? properties.GetValueOrDefault(FindingProperties.Evidence) ?? "(redacted)"
            : properties.GetValueOrDefault(FindingProperties.Evidence) is { } given
                ? Redactor.Redact(given)
            : location.SourceTree is { } tree
                ? Redactor.Redact(Truncate(tree.GetText().Lines[span.StartLinePosition.Line].ToString().Trim()))
                : Redactor.Redact(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        var details = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in DetailKeys)
        {
            if (properties.TryGetValue(key, out var value) && value is not null)
            {
                details[key] = isSecret ? value : Redactor.Redact(value);
            }
        }

        return new Finding
        {
            RuleId = diagnostic.Id,
            Kind = kind,
            Library = properties.GetValueOrDefault(FindingProperties.Library) ?? "unknown",
            Component = component,
            Target = Redactor.Redact(properties.GetValueOrDefault(FindingProperties.Target) ?? TargetSources.Unresolved),
            Path = RelativePath(scanRoot, span.Path),
            Line = span.StartLinePosition.Line + 1,
            Column = span.StartLinePosition.Character + 1,
            Evidence = evidence,
            Confidence = properties.GetValueOrDefault(FindingProperties.Confidence) ?? Confidence.High,
            ConfidenceReason = properties.GetValueOrDefault(FindingProperties.ConfidenceReason),
            Severity = SeverityName(diagnostic.Severity),
            Message = isSecret ? diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture) : Redactor.Redact(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)),
            Details = details.Count == 0 ? null : details,
            Symbol = properties.GetValueOrDefault(FindingProperties.ContainingSymbol),
            ValueHash = properties.GetValueOrDefault(FindingProperties.ValueHash),
        };
    }

    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Hidden => "hidden",
        DiagnosticSeverity.Info => "info",
        DiagnosticSeverity.Warning => "warning",
        _ => "error",
    };

    public static string RelativePath(string root, string path)
    {
        var relative = System.IO.Path.GetRelativePath(root, path);
        return relative.Replace('\\', '/');
    }

    /// <summary>
    /// Gives every finding a fingerprint from its rule, component, containing symbol, target and value hash, never its
    /// line, so it survives edits elsewhere in the file. Identical findings in one symbol are numbered in source order.
    /// </summary>
    public static void AssignFingerprints(IEnumerable<Finding> findings)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var finding in findings.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column))
        {
            var hash = FingerprintOf(finding);
            var occurrence = seen[hash] = seen.GetValueOrDefault(hash) + 1;
            finding.Fingerprint = occurrence == 1 ? hash : $"{hash}-{occurrence}";
        }
    }

    /// <summary>A finding's line-independent identity: rule, component, symbol (or path), target and a secret's value hash.</summary>
    public static string FingerprintOf(Finding finding)
    {
        var identity = string.Join('\n', finding.RuleId, finding.Component, finding.Symbol ?? finding.Path, finding.Target, finding.ValueHash ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
    }

    private static string Truncate(string text) => text.Length <= MaxEvidenceLength ? text : text[..MaxEvidenceLength] + "…";
}
