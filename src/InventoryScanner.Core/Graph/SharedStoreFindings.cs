using InventoryScanner.Analyzers;
using InventoryScanner.Core.Analysis;
using InventoryScanner.Core.Assessment;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Graph;

/// <summary>
/// INV4005, integration through a shared data store: for every store of <see cref="GraphModel.SharedStores"/>, one
/// warning per component that reaches it, at that component's first connection to it (its evidence, its line). The
/// rule is the scanner's own: a compilation sees one component, and sharing is a fact of two.
/// </summary>
public static class SharedStoreFindings
{
    public const string SharedWith = "sharedWith";

    /// <summary>The rule's title, as the reports and SARIF name it.</summary>
    public const string Title = "Integration through a shared data store";

    public const string Description = "A database, cache or object store that two or more components of the scan reach: neither can change what is shared without the other, and no contract says what that is. One warning per component, at its first connection to the store.";

    public static IReadOnlyList<Finding> Of(GraphModel graph, IReadOnlyList<Finding> findings)
    {
        var byFingerprint = findings.ToDictionary(f => f.Fingerprint, StringComparer.Ordinal);
        var result = new List<Finding>();
        foreach (var store in graph.SharedStores)
        {
            var connections = store.Findings.Select(byFingerprint.GetValueOrDefault).OfType<Finding>().ToList();
            foreach (var component in store.Components)
            {
                var first = connections
                    .Where(f => f.Component == component)
                    .OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column)
                    .FirstOrDefault();
                if (first is null)
                {
                    continue;
                }

                var others = store.Components.Where(c => c != component).ToList();
                var finding = new Finding
                {
                    RuleId = RuleIdentifiers.SharedDataStore,
                    Kind = FindingKinds.AntiPattern,
                    Library = first.Library,
                    Component = component,
                    Target = store.Label,
                    Path = first.Path,
                    Line = first.Line,
                    Column = first.Column,
                    Evidence = first.Evidence,
                    Confidence = first.Confidence,
                    ConfidenceReason = first.ConfidenceReason,
                    Severity = "warning",
                    Message = $"Integration through a shared data store: {store.Label} is also reached from {string.Join(", ", others)}",
                    Symbol = first.Symbol,
                    Details = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        [FindingProperties.Store] = ComponentFacts.Detail(first, FindingProperties.Store) ?? store.Label.Split(':')[0],
                        [SharedWith] = string.Join(", ", others),
                    },
                };
                finding.Fingerprint = FindingFactory.FingerprintOf(finding);
                result.Add(finding);
            }
        }

        return result;
    }
}
