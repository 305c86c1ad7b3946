using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Analysis;

/// <summary>
/// Makes the calls of the application's own publishers publish sites. A publish inside a method names the members it is
/// reached through (<c>implements</c>: <c>AzureServiceBusService.PublishEventAsync;IEventIntegrationPublisher.PublishEventAsync</c>);
/// a call of a member named like a publish names the member it calls (INV2015, <c>calls</c>), in any project. A call whose
/// member one or more publishes implement becomes one publish per broker channel behind it (an interface with a Service Bus
/// and a RabbitMQ implementation, chosen by configuration, publishes to both), with <c>via</c> naming the implementation; a
/// call no publish implements is no integration and is dropped, and so is one at a place another rule already reports a
/// publish (a bus's own <c>PublishAsync</c>). Nothing is detected here.
/// </summary>
public static class PublisherCallJoin
{
    public static void Apply(List<Finding> findings)
    {
        var calls = findings.Where(f => f.Kind == FindingKinds.PublisherCall).ToList();
        if (calls.Count == 0)
        {
            return;
        }

        findings.RemoveAll(f => f.Kind == FindingKinds.PublisherCall);
        var byMember = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        foreach (var publish in findings.Where(f => f.Kind == FindingKinds.QueuePublish && Detail(f, FindingProperties.Implements) is not null))
        {
            foreach (var member in Detail(publish, FindingProperties.Implements)!.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!byMember.TryGetValue(member, out var list))
                {
                    byMember[member] = list = [];
                }

                list.Add(publish);
            }
        }

        var published = findings.Where(f => f.Kind == FindingKinds.QueuePublish).Select(f => (f.Path, f.Line)).ToHashSet();
        foreach (var call in calls)
        {
            var member = Detail(call, FindingProperties.Calls);
            if (member is null || !byMember.TryGetValue(member, out var publishes) || published.Contains((call.Path, call.Line)))
            {
                continue;
            }

            foreach (var channel in publishes.GroupBy(p => (p.Library, p.Target)).OrderBy(g => g.Key.Library, StringComparer.Ordinal).ThenBy(g => g.Key.Target, StringComparer.Ordinal))
            {
                findings.Add(PublishSite(call, member, channel.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).First()));
            }
        }

        FindingOrder.Sort(findings);
    }

    /// <summary>The call, as a publish to the channel of the implementation's publish, with the implementation's facts.</summary>
    private static Finding PublishSite(Finding call, string member, Finding publish)
    {
        var details = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in publish.Details ?? new Dictionary<string, string>())
        {
            if (key is not (FindingProperties.Implements or FindingProperties.Expression or TestScope.Key))
            {
                details[key] = value;
            }
        }

        // Whether the site is a test's is the caller's to say, not the implementation's.
        if (Detail(call, TestScope.Key) is { } scope)
        {
            details[TestScope.Key] = scope;
        }

        var implementation = Detail(publish, FindingProperties.Implements)!.Split(';')[0];
        details[FindingProperties.Via] = $"{member} → {implementation} ({publish.Component}: {publish.Path}:{publish.Line})";
        return new Finding
        {
            RuleId = call.RuleId,
            Kind = FindingKinds.QueuePublish,
            Library = publish.Library,
            Component = call.Component,
            Target = publish.Target,
            Path = call.Path,
            Line = call.Line,
            Column = call.Column,
            Evidence = call.Evidence,
            Confidence = Confidence.Lower(call.Confidence, publish.Confidence),
            ConfidenceReason = call.ConfidenceReason ?? publish.ConfidenceReason,
            Severity = call.Severity,
            Message = $"{publish.Library} publish to {publish.Target} through {member}",
            Details = details,
            Symbol = call.Symbol,
        };
    }

    private static string? Detail(Finding finding, string key) => finding.Details?.GetValueOrDefault(key);
}
