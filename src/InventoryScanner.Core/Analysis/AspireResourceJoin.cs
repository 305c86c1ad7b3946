using InventoryScanner.Analyzers;
using InventoryScanner.Core.Graph;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Analysis;

/// <summary>
/// Joins data-store connections to the Aspire AppHost resources that provide them. A service reads
/// <c>GetConnectionString("orderingdb")</c> from no file of its own: the AppHost's <c>WithReference(orderingdb)</c> puts
/// it there at run time. Here, with the AppHost's findings (INV1007), a connection read from
/// <c>ConnectionStrings:orderingdb</c> (a <c>{config:…}</c> placeholder, or a developer's value in appsettings) of a
/// project the AppHost gives that reference becomes <c>postgres:orderingdb</c>, the resource, as Aspire's client
/// integrations (<c>AddNpgsqlDataSource("orderingdb")</c>) already are. And an AppHost's <c>WithReference(catalogApi)</c>
/// (INV1013) given to a project resource is a finding of that project's component, not of the AppHost: the dependency is
/// the referencing service's. Nothing is detected here.
/// </summary>
public static class AspireResourceJoin
{
    public static void Apply(IReadOnlyList<Finding> findings, IEnumerable<Component> components)
    {
        AttributeReferences(findings, components);
        JoinConnections(findings);
    }

    /// <summary>
    /// Moves each service reference to the component of the project that is given it, and records how many of that
    /// component's calls reach the referenced service (<c>callsFound</c>): none says the scan saw no call behind the
    /// dependency the AppHost declares.
    /// </summary>
    private static void AttributeReferences(IReadOnlyList<Finding> findings, IEnumerable<Component> components)
    {
        var byProject = components
            .GroupBy(c => InventoryGraph.Normalise(c.Name), StringComparer.Ordinal)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Name, StringComparer.Ordinal);
        var projectOf = findings
            .Where(f => f.Kind == FindingKinds.ServiceResource && f.Details?.GetValueOrDefault(FindingProperties.Project) is not null)
            .GroupBy(f => f.Target, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Details![FindingProperties.Project], StringComparer.OrdinalIgnoreCase);
        foreach (var reference in findings.Where(f => f.Kind == FindingKinds.ServiceReference))
        {
            if (reference.Details?.GetValueOrDefault(FindingProperties.Project) is not { } project
                || !byProject.TryGetValue(InventoryGraph.Normalise(project), out var component))
            {
                continue;
            }

            var service = reference.Target;
            var callee = reference.Details.GetValueOrDefault(FindingProperties.TargetProject) ?? projectOf.GetValueOrDefault(service);
            var calls = findings.Count(f => IntegrationKinds.Calls.Contains(f.Kind)
                && (f.Component == component || f.Details?.GetValueOrDefault(FindingProperties.Registration)?.StartsWith(component + ": ", StringComparison.Ordinal) == true)
                && Reaches(f.Target, service, callee));
            reference.Component = component;
            reference.Details = new SortedDictionary<string, string>(reference.Details.ToDictionary(), StringComparer.Ordinal)
            {
                [CallsFound] = calls.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }
    }

    /// <summary>A call's target names the service: by its resource name (<c>https+http://catalog-api/…</c>) or its project's.</summary>
    private static bool Reaches(string target, string service, string? project)
    {
        if (!Uri.TryCreate(target.Replace("{", "%7B", StringComparison.Ordinal).Replace("}", "%7D", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.Host.Equals(service, StringComparison.OrdinalIgnoreCase)
            || (project is not null && InventoryGraph.Normalise(uri.Host) == InventoryGraph.Normalise(project));
    }

    /// <summary>Detail of a service reference: how many calls of the referencing component reach the referenced service.</summary>
    public const string CallsFound = "callsFound";

    private static void JoinConnections(IReadOnlyList<Finding> findings)
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
            const string Prefix = "ConnectionStrings:";
            if (finding.Details?.GetValueOrDefault(FindingProperties.ConfigKey) is not { } key || !key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
                || !referenced.TryGetValue(InventoryGraph.Normalise(finding.Component), out var resources)
                || !resources.TryGetValue(key[Prefix.Length..], out var name))
            {
                continue;
            }

            // The AppHost's value reaches the service as an environment variable, which wins over its appsettings files
            // (a developer's localhost string): the resource is the store; the files' values stay in configValues.
            var store = finding.Target[..(finding.Target.IndexOf(':', StringComparison.Ordinal) + 1)];
            finding.Message = finding.Message.Replace(finding.Target, store + name, StringComparison.Ordinal);
            finding.Target = store + name;
            finding.Details = new SortedDictionary<string, string>(finding.Details?.ToDictionary() ?? [], StringComparer.Ordinal)
            {
                [FindingProperties.TargetSource] = AspireReference,
            };
        }
    }

    /// <summary>The target source of a connection the AppHost provides: <c>aspire-reference</c>.</summary>
    public const string AspireReference = "aspire-reference";
}
