using InventoryScanner.Analyzers;
using InventoryScanner.Core.Graph;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Analysis;

/// <summary>
/// Joins data-store connections to the Aspire AppHost resources that provide them. A service reads
/// <c>GetConnectionString("orderingdb")</c> from no file of its own: the AppHost's <c>WithReference(orderingdb)</c> puts
/// it there at run time. Here, with the AppHost's findings (INV1007), a <c>postgres:{config:ConnectionStrings:orderingdb}</c>
/// of a project the AppHost gives that reference becomes <c>postgres:orderingdb</c>, the resource, as Aspire's client
/// integrations (<c>AddNpgsqlDataSource("orderingdb")</c>) already are. Nothing is detected here.
/// </summary>
public static class AspireResourceJoin
{
    private const string Placeholder = "{config:ConnectionStrings:";

    public static void Apply(IReadOnlyList<Finding> findings)
    {
        // What each project is given, by its normalised name: Ordering_API → { eventbus, orderingdb }.
        var referenced = findings
            .Where(f => f.Kind == FindingKinds.ServiceResource && f.Details?.GetValueOrDefault(FindingProperties.Project) is not null)
            .GroupBy(f => InventoryGraph.Normalise(f.Details![FindingProperties.Project]), StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.SelectMany(f => (f.Details!.GetValueOrDefault(FindingProperties.References) ?? string.Empty).Split(", ", StringSplitOptions.RemoveEmptyEntries))
                    .Where(r => !r.EndsWith("(AddProject)", StringComparison.Ordinal))
                    .Select(r => r.Split(' ')[0])
                    .ToHashSet(StringComparer.OrdinalIgnoreCase),
                StringComparer.Ordinal);
        if (referenced.Count == 0)
        {
            return;
        }

        foreach (var finding in findings.Where(f => IntegrationKinds.DataStores.Contains(f.Kind)))
        {
            var start = finding.Target.IndexOf(Placeholder, StringComparison.Ordinal);
            if (start < 0 || !finding.Target.EndsWith('}') || !referenced.TryGetValue(InventoryGraph.Normalise(finding.Component), out var resources))
            {
                continue;
            }

            var name = finding.Target[(start + Placeholder.Length)..^1];
            if (!resources.Contains(name))
            {
                continue;
            }

            finding.Target = finding.Target[..start] + name;
            finding.Message = finding.Message.Replace(Placeholder + name + "}", name, StringComparison.Ordinal);
            finding.Details = new SortedDictionary<string, string>(finding.Details?.ToDictionary() ?? [], StringComparer.Ordinal)
            {
                [FindingProperties.TargetSource] = AspireReference,
            };
        }
    }

    /// <summary>The target source of a connection the AppHost provides: <c>aspire-reference</c>.</summary>
    public const string AspireReference = "aspire-reference";
}
