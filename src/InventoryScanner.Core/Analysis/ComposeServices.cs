using InventoryScanner.Analyzers;
using InventoryScanner.Core.Graph;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Analysis;

/// <summary>
/// The component a deployed service runs. A docker-compose service (INV1016) is the component whose project file is in
/// the folder the service is built from (<c>projectFolder</c>, from the compose file's folder), else the one named like
/// that folder. A Kubernetes Service (INV1017) is the component of the image its workloads run: the compose service that
/// builds that image (<c>images</c>, matched by repository, then by its last segment across registries:
/// <c>myacr.azurecr.io/eshop/catalog.api</c> is <c>eshop/catalog.api</c>), else the component named like the image
/// (<c>catalog.api</c> → Catalog.API). A compose service built from no project of the scan (an Elasticsearch image built
/// from <c>elk/elasticsearch</c>, a project outside the scanned solution) is no fact about the estate, and the join leaves
/// it out.
/// </summary>
public sealed class ComposeServices
{
    private readonly Dictionary<string, string> _byFolder;
    private readonly Dictionary<string, string> _byName;
    private readonly Dictionary<string, string> _byImage = new(StringComparer.OrdinalIgnoreCase);

    public ComposeServices(IEnumerable<Component> components, IEnumerable<Finding>? findings = null)
    {
        var list = components.ToList();
        // In an estate, folders are each repository's own: a compose file builds from its repository only.
        _byFolder = list
            .GroupBy(c => FolderKey(c.Repository, Path.GetDirectoryName(c.Project)?.Replace('\\', '/') ?? string.Empty), StringComparer.OrdinalIgnoreCase)
            .Where(g => !g.Key.EndsWith('|') && g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Name, StringComparer.OrdinalIgnoreCase);
        _byName = list
            .GroupBy(c => InventoryGraph.Normalise(c.Name), StringComparer.Ordinal)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Name, StringComparer.Ordinal);

        // The images compose services build, by repository and by its last segment; a name two components build is neither's.
        var built = new List<(string Key, string Component)>();
        foreach (var service in (findings ?? []).Where(IsComposeService))
        {
            if (ComponentOf(service) is { } component)
            {
                foreach (var image in Images(service))
                {
                    built.Add((Repository(image), component));
                    built.Add((LastSegment(image), component));
                }
            }
        }

        foreach (var group in built.Distinct().GroupBy(b => b.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() == 1))
        {
            _byImage[group.Key] = group.Single().Component;
        }
    }

    public static bool IsComposeService(Finding finding) =>
        finding.Kind == FindingKinds.ServiceResource && finding.Details?.GetValueOrDefault(FindingProperties.ResourceType) == "compose";

    public static bool IsKubernetesService(Finding finding) =>
        finding.Kind == FindingKinds.ServiceResource && finding.Details?.GetValueOrDefault(FindingProperties.ResourceType) == "kubernetes";

    /// <summary>A compose or Kubernetes service: a host name the deployment gives a component.</summary>
    public static bool IsDeployedService(Finding finding) => IsComposeService(finding) || IsKubernetesService(finding);

    /// <summary>The host names a service answers to: its name, and a Kubernetes Service's in-cluster DNS names in its namespace.</summary>
    public static IEnumerable<string> HostNames(Finding service)
    {
        yield return service.Target;
        if (IsKubernetesService(service) && service.Details?.GetValueOrDefault(FindingProperties.Namespace) is { Length: > 0 } ns)
        {
            yield return service.Target + "." + ns;
            yield return service.Target + "." + ns + ".svc";
            yield return service.Target + "." + ns + ".svc.cluster.local";
        }
    }

    /// <summary>The component a compose or Kubernetes service runs; null when it runs no project of the scan.</summary>
    public string? ComponentOf(Finding service)
    {
        if (IsKubernetesService(service))
        {
            var components = Images(service).Select(OfImage).Distinct(StringComparer.Ordinal).ToList();
            return components.Count == 1 ? components[0] : null;
        }

        if (service.Details?.GetValueOrDefault(FindingProperties.ProjectFolder) is { } folder
            && _byFolder.TryGetValue(FolderKey(service.Repository, Path.Combine(Path.GetDirectoryName(service.Path) ?? string.Empty, folder).Replace('\\', '/')), out var built))
        {
            return built;
        }

        return service.Details?.GetValueOrDefault(FindingProperties.Project) is { } project && _byName.TryGetValue(InventoryGraph.Normalise(project), out var named) ? named : null;
    }

    private static string FolderKey(string? repository, string folder) => (repository ?? string.Empty) + "|" + folder;

    /// <summary>The component an image is built from: by the compose service that builds it, else by its name.</summary>
    private string? OfImage(string image) =>
        _byImage.TryGetValue(Repository(image), out var byRepository) ? byRepository
        : _byImage.TryGetValue(LastSegment(image), out var bySegment) ? bySegment
        : _byName.TryGetValue(InventoryGraph.Normalise(LastSegment(image)), out var byName) ? byName
        : null;

    private static IEnumerable<string> Images(Finding service) =>
        (service.Details?.GetValueOrDefault(FindingProperties.Images) ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary><c>myacr.azurecr.io/eshop/catalog.api:linux-dev</c> → <c>myacr.azurecr.io/eshop/catalog.api</c> (no tag, no digest).</summary>
    private static string Repository(string image)
    {
        var digest = image.IndexOf('@');
        var name = digest < 0 ? image : image[..digest];
        var tag = name.LastIndexOf(':');
        return tag > name.LastIndexOf('/') ? name[..tag] : name;
    }

    private static string LastSegment(string image)
    {
        var repository = Repository(image);
        return repository[(repository.LastIndexOf('/') + 1)..];
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

        var services = new ComposeServices(list, findings);
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

    /// <summary>
    /// The findings without the compose services built from no project of the scan. Kubernetes Services stay: a
    /// deployment repository's manifests name images other repositories build, which a merged estate joins.
    /// </summary>
    public static List<Finding> KeepBuiltFromTheScan(IReadOnlyList<Finding> findings, IEnumerable<Component> components)
    {
        var services = new ComposeServices(components);
        return [.. findings.Where(f => !IsComposeService(f) || services.ComponentOf(f) is not null)];
    }
}
