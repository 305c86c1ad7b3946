using Microsoft.CodeAnalysis;

namespace InventoryScanner.Analyzers
{
    /// <summary>Builds every descriptor, so each one carries its help link and the tags the scanner relies on.</summary>
    internal static class RuleDescriptors
    {
        /// <summary>Custom tag on descriptors whose diagnostics are inventory findings the scanner reads.</summary>
        public const string InventoryTag = "InventoryFinding";

        public static DiagnosticDescriptor Create(
            string id,
            string title,
            string messageFormat,
            string category,
            DiagnosticSeverity defaultSeverity,
            string description)
        {
            return new DiagnosticDescriptor(
                id,
                title: title,
                messageFormat: messageFormat,
                category: category,
                defaultSeverity: defaultSeverity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: RuleIdentifiers.GetHelpUri(id),
                customTags: new[] { InventoryTag });
        }
    }
}
