using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace InventoryScanner.Analyzers
{
    /// <summary>The properties every anti-pattern warning carries, so the scanner lists it beside what it is about.</summary>
    internal static class AntiPatterns
    {
        public static ImmutableDictionary<string, string?> Properties(ISymbol containingSymbol, string ruleId, string library, string target, string confidence)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(FindingProperties.Kind, FindingKinds.AntiPattern);
            properties.Add(FindingProperties.Library, library);
            properties.Add(FindingProperties.Target, target);
            properties.Add(FindingProperties.Confidence, confidence);

            // One warning per rule and member: the rule is part of what identifies it across scans.
            properties.Add(FindingProperties.ContainingSymbol, containingSymbol.GetDocumentationCommentId() + "#" + ruleId);
            return properties.ToImmutable();
        }
    }
}
