using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;
using static InventoryScanner.Tests.Builders;

namespace InventoryScanner.Tests.Core;

public sealed class PublisherCallJoinTests
{
    [Fact]
    public void CallsOfAPublisherInterface_ShouldBePublishSites_OnEveryChannelItsImplementationsPublishTo()
    {
        var inventory = Inventory(
            [Component("Core"), Component("Api")],
            [
                Publish("Core", "Azure.Messaging.ServiceBus", "entity:events", "AzureServiceBusService.PublishEventAsync;IEventPublisher.PublishEventAsync", line: 64),
                Publish("Core", "RabbitMQ.Client", "exchange:events", "RabbitMqService.PublishEventAsync;IEventPublisher.PublishEventAsync", line: 134),
                Call("Api", "IEventPublisher.PublishEventAsync", line: 20),
                Call("Api", "IAuditLog.PublishAsync", line: 30),
            ]);

        var sites = inventory.Findings.Where(f => f.Component == "Api").ToList();
        Assert.Equal(
            [
                "queue-publish Azure.Messaging.ServiceBus entity:events IEventPublisher.PublishEventAsync → AzureServiceBusService.PublishEventAsync (Core: src/Core/File.cs:64)",
                "queue-publish RabbitMQ.Client exchange:events IEventPublisher.PublishEventAsync → RabbitMqService.PublishEventAsync (Core: src/Core/File.cs:134)",
            ],
            sites.Select(f => $"{f.Kind} {f.Library} {f.Target} {f.Details![FindingProperties.Via]}"));
        Assert.All(sites, f => Assert.Equal(20, f.Line));
        Assert.DoesNotContain(inventory.Findings, f => f.Kind == FindingKinds.PublisherCall);
        Assert.Contains(inventory.Graph.Edges, e => e.From == "component:Api" && e.Kind == "publishes");
    }

    [Fact]
    public void ACallAnotherRuleReportsAsAPublish_ShouldNotBeCountedTwice()
    {
        var inventory = Inventory(
            [Component("Ordering")],
            [
                Publish("Ordering", "RabbitMQ.Client", "exchange:eshop_event_bus", "RabbitMQEventBus.PublishAsync;IEventBus.PublishAsync", line: 50),
                Finding("Ordering", FindingKinds.QueuePublish, "message:OrderStarted", "event bus (by shape)", line: 12),
                Call("Ordering", "IEventBus.PublishAsync", line: 12),
            ]);

        Assert.Equal(
            ["50 exchange:eshop_event_bus", "12 message:OrderStarted"],
            inventory.Findings.Where(f => f.Kind == FindingKinds.QueuePublish).OrderByDescending(f => f.Line).Select(f => $"{f.Line} {f.Target}"));
    }

    private static Finding Publish(string component, string library, string target, string implements, int line)
    {
        var finding = Finding(component, FindingKinds.QueuePublish, target, library, line: line);
        finding.Details = new Dictionary<string, string> { [FindingProperties.Implements] = implements, [FindingProperties.TargetSource] = TargetSources.Literal };
        return finding;
    }

    private static Finding Call(string component, string member, int line)
    {
        var finding = Finding(component, FindingKinds.PublisherCall, TargetSources.Unresolved, "application", line: line, ruleId: RuleIdentifiers.PublisherCall);
        finding.Details = new Dictionary<string, string> { [FindingProperties.Calls] = member };
        return finding;
    }
}
