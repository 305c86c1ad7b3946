using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Analysis;

/// <summary>
/// Joins a send or receive through an injected broker client to the channel its DI registration made it for. An analyzer
/// sees one compilation: <c>_queue.SendMessageAsync(…)</c> on a <c>[FromKeyedServices("notifications")] QueueClient</c>
/// names no queue (<c>queue:unresolved</c>), while the factory <c>TryAddKeyedSingleton("notifications", (sp, _) =&gt; new
/// QueueClient(cs, "notifications"))</c>, often in another project, does (an INV2014 declaration with the same client type
/// and key). Here the use takes the channel of the registration of its own component, else of the scan's production
/// code, when every such registration names the same channel; with two different channels it stays unresolved rather
/// than guess. Nothing is detected here.
/// </summary>
public static class BrokerClientJoin
{
    public static void Apply(IReadOnlyList<Finding> findings)
    {
        var registrations = findings
            .Where(f => f.Kind == FindingKinds.QueueDeclaration && Detail(f, FindingProperties.BrokerClient) is not null && !IsUnresolved(f))
            .ToList();
        if (registrations.Count == 0)
        {
            return;
        }

        foreach (var use in findings.Where(f => f.Kind is FindingKinds.QueuePublish or FindingKinds.QueueConsume
            && Detail(f, FindingProperties.BrokerClient) is not null && IsUnresolved(f)))
        {
            var same = registrations
                .Where(r => r.Library == use.Library
                    && Detail(r, FindingProperties.BrokerClient) == Detail(use, FindingProperties.BrokerClient)
                    && (Detail(r, FindingProperties.ServiceKey) ?? string.Empty) == (Detail(use, FindingProperties.ServiceKey) ?? string.Empty))
                .ToList();
            var candidates = same.Where(r => r.Component == use.Component).ToList();
            if (candidates.Count == 0)
            {
                candidates = same.Where(r => !r.IsTestOnly).ToList();
            }

            var targets = candidates.Select(r => r.Target).Distinct(StringComparer.Ordinal).ToList();
            if (targets.Count != 1)
            {
                continue;
            }

            var registration = candidates.OrderBy(r => r.Component == use.Component ? 0 : 1).ThenBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Line).First();
            var channel = registration.Target;
            use.Message = use.Message.Replace(use.Target, channel, StringComparison.Ordinal);
            use.Target = channel;
            var details = new SortedDictionary<string, string>(use.Details!.ToDictionary(), StringComparer.Ordinal)
            {
                [FindingProperties.TargetSource] = TargetSources.BrokerClient,
                [FindingProperties.Registration] = $"{registration.Component}: {registration.Path}:{registration.Line}",
            };
            var queue = channel.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? channel[(colon + 1)..] : channel;
            details[FindingProperties.Queue] = queue;
            foreach (var key in new[] { FindingProperties.ConfigKey, FindingProperties.ConfigValues })
            {
                if (Detail(registration, key) is { } value)
                {
                    details[key] = value;
                }
            }

            details.Remove(FindingProperties.Expression);
            use.Details = details;
        }
    }

    private static bool IsUnresolved(Finding finding) => finding.Target.EndsWith(":" + TargetSources.Unresolved, StringComparison.Ordinal);

    private static string? Detail(Finding finding, string key) => finding.Details?.GetValueOrDefault(key);
}
