using InventoryScanner.Analyzers;
using InventoryScanner.Core.Graph;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Analysis;

/// <summary>
/// The component a docker-compose service (INV1016) is built from: the one whose project file is in the folder the
/// service is built from (<c>projectFolder</c>, from the compose file's folder), else the one named like that folder.
/// A compose service built from no project of the scan (an Elasticsearch image built from <c>elk/elasticsearch</c>, a
/// project outside the scanned solution) is no fact about the estate, and the join leaves it out.
/// </summary>
public sealed class ComposeServices
{
    private readonly Dictionary<string, string> _byFolder;
    private readonly Dictionary<string, string> _byName;

    public ComposeServices(IEnumerable<Component> components)
    {
        var list = components.ToList();
        _byFolder = list
            .GroupBy(c => Path.GetDirectoryName(c.Project)?.Replace('\\', '/') ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Key.Length > 0 && g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Name, StringComparer.OrdinalIgnoreCase);
        _byName = list
            .GroupBy(c => InventoryGraph.Normalise(c.Name), StringComparer.Ordinal)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Name, StringComparer.Ordinal);
    }

    public static bool IsComposeService(Finding finding) =>
        finding.Kind == FindingKinds.ServiceResource && finding.Details?.GetValueOrDefault(FindingProperties.ResourceType) == "compose";

    /// <summary>The component a compose service runs; null when it is built from no project of the scan.</summary>
    public string? ComponentOf(Finding service)
    {
        if (service.Details?.GetValueOrDefault(FindingProperties.ProjectFolder) is { } folder
            && _byFolder.TryGetValue(Path.Combine(Path.GetDirectoryName(service.Path) ?? string.Empty, folder).Replace('\\', '/'), out var built))
        {
            return built;
        }

        return service.Details?.GetValueOrDefault(FindingProperties.Project) is { } project && _byName.TryGetValue(InventoryGraph.Normalise(project), out var named) ? named : null;
    }

    /// <summary>On a finding in a file a compose service mounts: the service (or services) that mount it.</summary>
    public const string MountedBy = "mountedBy";

    /// <summary>
    /// Findings in the repository's own files (outside every project) that a compose service mounts into its container
    /// (<c>volumes: - ./src/ApiGateways/Web.Bff.Shopping/apigw:/app/configuration</c>) belong to the component the service
    /// runs: the routes of five gateway instances built from one Ocelot project are that project's routes. A file mounted
    /// by services of different components stays the repository's.
    /// </summary>
    public static void AttributeMountedFiles(IReadOnlyList<Finding> findings, IEnumerable<Component> components)
    {
        var list = components.ToList();
        var repositoryFiles = list.Where(c => c.Analysis == AnalysisLevel.Files).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        if (repositoryFiles.Count == 0)
        {
            return;
        }

        var services = new ComposeServices(list);
        var mounts = new List<(string Folder, string Component, string Service)>();
        foreach (var service in findings.Where(IsComposeService))
        {
            if (service.Details?.GetValueOrDefault(FindingProperties.Volumes) is { } volumes && services.ComponentOf(service) is { } component)
            {
                var composeFolder = Path.GetDirectoryName(service.Path) ?? string.Empty;
                mounts.AddRange(volumes.Split(';').Select(volume => (Path.Combine(composeFolder, volume).Replace('\\', '/') + "/", component, service.Target)));
            }
        }

        if (mounts.Count == 0)
        {
            return;
        }

        foreach (var finding in findings.Where(f => repositoryFiles.Contains(f.Component)))
        {
            var owners = mounts.Where(m => finding.Path.StartsWith(m.Folder, StringComparison.Ordinal)).ToList();
            if (owners.Count > 0 && owners.Select(o => o.Component).Distinct(StringComparer.Ordinal).Count() == 1)
            {
                finding.Component = owners[0].Component;
                finding.Details = new SortedDictionary<string, string>(finding.Details?.ToDictionary() ?? [], StringComparer.Ordinal)
                {
                    [MountedBy] = string.Join(", ", owners.Select(o => o.Service).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
                };
            }
        }
    }

    /// <summary>The findings without the compose services built from no project of the scan.</summary>
    public static List<Finding> KeepBuiltFromTheScan(IReadOnlyList<Finding> findings, IEnumerable<Component> components)
    {
        var services = new ComposeServices(components);
        return [.. findings.Where(f => !IsComposeService(f) || services.ComponentOf(f) is not null)];
    }
}
