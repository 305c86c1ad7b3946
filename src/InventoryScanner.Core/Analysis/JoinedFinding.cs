using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Analysis;

/// <summary>
/// A finding a join makes at one place (a call of a wrapper, a host's registration) for the integration another finding
/// records behind it: the place's component, location, evidence and symbol, the integration's kind, library and facts,
/// the less certain of the two confidences, and <c>via</c> saying what stands behind.
/// </summary>
public static class JoinedFinding
{
    /// <summary>Facts of the finding behind that describe it where it is, not the integration: never carried to the place.</summary>
    private static readonly string[] OwnFacts =
    [
        FindingProperties.Implements, FindingProperties.Parameters, FindingProperties.Expression, TestScope.Key,
    ];

    public static Finding At(Finding place, Finding behind, string target, string message, string via)
    {
        var details = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in behind.Details ?? new Dictionary<string, string>())
        {
            if (!OwnFacts.Contains(key, StringComparer.Ordinal))
            {
                details[key] = value;
            }
        }

        // Whether the place is a test's is the place's to say, not the implementation's.
        if (place.Details?.GetValueOrDefault(TestScope.Key) is { } scope)
        {
            details[TestScope.Key] = scope;
        }

        details[FindingProperties.Via] = via;
        return new Finding
        {
            RuleId = place.RuleId,
            Kind = behind.Kind,
            Library = behind.Library,
            Component = place.Component,
            Target = target,
            Path = place.Path,
            Line = place.Line,
            Column = place.Column,
            Evidence = place.Evidence,
            Confidence = Confidence.Lower(place.Confidence, behind.Confidence),
            ConfidenceReason = place.ConfidenceReason ?? behind.ConfidenceReason,
            Severity = place.Severity,
            Message = message,
            Details = details,
            Symbol = place.Symbol,
        };
    }
}
