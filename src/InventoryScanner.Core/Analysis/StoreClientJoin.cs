using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Analysis;

/// <summary>
/// Joins the use of an injected store client to the connection it was made from. An analyzer sees one compilation:
/// <c>redis.GetDatabase()</c> on an injected <c>IConnectionMultiplexer</c>, or <c>GetBlobContainerClient("thumbnails")</c>
/// on an injected <c>BlobServiceClient</c>, names no store (<c>redis:unresolved</c>, <c>azure-blob:unresolved/thumbnails</c>).
/// Here, with every project's findings, it takes the store of that client's connection: the one of its own component
/// (<c>AddRedisClient("basketcache")</c> in its Program.cs), else the only one of the scan's production code, and keeps
/// its part. With several candidates it stays unresolved rather than guess. Nothing is detected here.
/// </summary>
public static class StoreClientJoin
{
    public static void Apply(IReadOnlyList<Finding> findings)
    {
        var connections = findings
            .Where(f => IntegrationKinds.DataStores.Contains(f.Kind) && Detail(f, FindingProperties.StoreClient) is null
                && Detail(f, FindingProperties.Store) is not null && Detail(f, FindingProperties.DesignTime) is null && StoreOf(f) is not null)
            .ToList();

        foreach (var use in findings.Where(f => Detail(f, FindingProperties.StoreClient) is not null && StoreOf(f) is null))
        {
            var store = Detail(use, FindingProperties.Store)!;
            var sameStore = connections.Where(c => Detail(c, FindingProperties.Store) == store).ToList();
            var candidates = Distinct(sameStore.Where(c => c.Component == use.Component));
            if (candidates.Count == 0)
            {
                candidates = Distinct(sameStore.Where(c => !c.IsTestOnly));
            }

            if (candidates.Count != 1)
            {
                continue;
            }

            var (name, connection) = candidates[0];
            var part = use.Target.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 ? use.Target[slash..] : string.Empty;
            var target = store + ":" + name + part;
            use.Message = use.Message.Replace(use.Target, target, StringComparison.Ordinal);
            use.Target = target;
            use.Details = new SortedDictionary<string, string>(use.Details!.ToDictionary(), StringComparer.Ordinal)
            {
                [FindingProperties.TargetSource] = TargetSources.StoreClient,
                [FindingProperties.Registration] = $"{connection.Component}: {connection.Path}:{connection.Line}",
            };
        }
    }

    /// <summary>The store a connection names (<c>basketcache</c> of <c>redis:basketcache</c>, <c>contosodocs</c> of <c>azure-blob:contosodocs/invoices</c>); null when unresolved.</summary>
    private static string? StoreOf(Finding finding)
    {
        var colon = finding.Target.IndexOf(':', StringComparison.Ordinal);
        var rest = colon < 0 ? string.Empty : finding.Target[(colon + 1)..];
        var name = rest.StartsWith('{') ? rest : rest.Split('/')[0];
        return name.Length == 0 || name == TargetSources.Unresolved ? null : name;
    }

    /// <summary>One entry per store name, with the first connection (by path and line) that names it.</summary>
    private static List<(string Name, Finding Connection)> Distinct(IEnumerable<Finding> connections) =>
        connections
            .GroupBy(c => StoreOf(c)!, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key, g.OrderBy(c => c.Path, StringComparer.Ordinal).ThenBy(c => c.Line).First()))
            .ToList();

    private static string? Detail(Finding finding, string key) => finding.Details?.GetValueOrDefault(key);
}
