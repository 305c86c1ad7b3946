using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Analysis;

/// <summary>
/// Makes the hosts that run a consuming hosted service its consumers. A consumer written in a library
/// (<c>ApplicationCacheHostedService</c> in Core, receiving from a Service Bus subscription) runs in every host that
/// registers it: <c>services.AddHostedService&lt;ApplicationCacheHostedService&gt;()</c> in Api, Identity and Events, or a
/// <c>ServiceDescriptor.Singleton&lt;IHostedService, T&gt;</c> inside the library's own <c>AddRabbitMqListeners</c>, which a
/// host's Startup calls. Each such site in another component becomes a consumer of that component on the hosted service's
/// channels, with <c>via</c> naming the class and where it receives; the wiring facts themselves (INV2016) are dropped.
/// Registration methods are followed up to four calls out. Nothing is detected here.
/// </summary>
public static class HostedServiceJoin
{
    private const int MaxHops = 4;

    public static void Apply(List<Finding> findings)
    {
        var wiring = findings.Where(f => f.Kind == FindingKinds.HostedServiceWiring).ToList();
        if (wiring.Count == 0)
        {
            return;
        }

        findings.RemoveAll(f => f.Kind == FindingKinds.HostedServiceWiring);
        var callsOf = wiring.Where(w => Detail(w, FindingProperties.Calls) is not null).ToLookup(w => Detail(w, FindingProperties.Calls)!, StringComparer.Ordinal);
        var consumers = findings.Where(f => f.Kind == FindingKinds.QueueConsume && TypeNames.TypeOf(f.Symbol) is not null).ToLookup(f => TypeNames.TypeOf(f.Symbol)!, StringComparer.Ordinal);
        var bySimpleName = consumers.Select(g => g.Key).GroupBy(TypeNames.SimpleName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var added = new Dictionary<(string Path, int Line, string Library, string Target), Finding>();
        // A wrapper's registration (it has the service it is registered as) is the wrapper join's, not a hosted service.
        foreach (var registration in wiring.Where(w => Detail(w, FindingProperties.Registers) is not null && Detail(w, FindingProperties.Service) is null))
        {
            var hosted = Detail(registration, FindingProperties.Registers)!;
            if (!hosted.Contains('.', StringComparison.Ordinal))
            {
                // Registered by a name alone (the class did not resolve): only when one class of the scan has that name.
                if (!bySimpleName.TryGetValue(hosted, out var named) || named.Count != 1)
                {
                    continue;
                }

                hosted = named[0];
            }

            var channels = consumers[hosted].GroupBy(c => (c.Library, c.Target)).Select(g => g.OrderBy(c => c.Path, StringComparer.Ordinal).ThenBy(c => c.Line).First()).ToList();
            if (channels.Count == 0)
            {
                continue;
            }

            foreach (var site in Sites(registration, callsOf))
            {
                foreach (var consumer in channels.Where(c => c.Component != site.Component))
                {
                    added.TryAdd((site.Path, site.Line, consumer.Library, consumer.Target), ConsumeSite(site, TypeNames.SimpleName(hosted), consumer));
                }
            }
        }

        findings.AddRange(added.Values);
        FindingOrder.Sort(findings);
    }

    /// <summary>
    /// Where a registration takes effect: the registration itself when it is made where a host is set up, else the calls
    /// of the registration method it is made in (and of theirs), in every component; a method no code of the scan calls
    /// leaves the registration where it is.
    /// </summary>
    private static IEnumerable<Finding> Sites(Finding registration, ILookup<string, Finding> callsOf)
    {
        var pending = new Queue<(Finding Site, int Hops)>();
        pending.Enqueue((registration, 0));
        var seen = new HashSet<Finding> { registration };
        while (pending.Count > 0)
        {
            var (site, hops) = pending.Dequeue();
            // A call that did not bind names the method alone (AddPlatformEvents): it matches by name.
            var callers = Detail(site, FindingProperties.RegisteredIn) is { } method && hops < MaxHops
                ? callsOf[method].Concat(callsOf[method[(method.LastIndexOf('.') + 1)..]]).ToList()
                : [];
            if (callers.Count == 0)
            {
                yield return site;
                continue;
            }

            foreach (var caller in callers.Where(seen.Add))
            {
                pending.Enqueue((caller, hops + 1));
            }
        }
    }

    private static Finding ConsumeSite(Finding site, string hosted, Finding consumer) =>
        JoinedFinding.At(
            site,
            consumer,
            consumer.Target,
            $"{consumer.Library} consumer of {consumer.Target}: hosts {hosted}",
            $"hosts {hosted} ({consumer.Component}: {consumer.Path}:{consumer.Line})");

    private static string? Detail(Finding finding, string key) => finding.Details?.GetValueOrDefault(key);
}
