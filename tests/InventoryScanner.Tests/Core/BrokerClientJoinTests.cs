using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;
using static InventoryScanner.Tests.Builders;

namespace InventoryScanner.Tests.Core;

public sealed class BrokerClientJoinTests
{
    private const string Queues = "Azure.Storage.Queues";

    [Fact]
    public void SendsThroughInjectedClients_ShouldTakeTheChannelOfTheirRegistration_ByTypeAndKey()
    {
        var inventory = Inventory(
            [Component("Core"), Component("Notifications"), Component("FrontEnd")],
            [
                Client("Core", FindingKinds.QueueDeclaration, "queue:notifications", "QueueClient", "notifications", line: 72),
                Client("Core", FindingKinds.QueuePublish, "queue:unresolved", "QueueClient", "notifications", line: 38),
                Client("Notifications", FindingKinds.QueueDeclaration, "queue:notifications", "QueueClient", "notifications", line: 73),
                Client("Notifications", FindingKinds.QueueConsume, "queue:unresolved", "QueueClient", "notifications", line: 70),
                Client("FrontEnd", FindingKinds.QueueDeclaration, "queue:thumbnail-queue", "QueueClient", null, line: 12),
                Client("FrontEnd", FindingKinds.QueueConsume, "queue:unresolved", "QueueClient", null, line: 40),
            ]);

        var push = Assert.Single(inventory.Findings, f => f.Component == "Core" && f.Line == 38);
        Assert.Equal(
            ("queue:notifications", TargetSources.BrokerClient, "Core: src/Core/File.cs:72", "notifications"),
            (push.Target, push.Details![FindingProperties.TargetSource], push.Details[FindingProperties.Registration], push.Details[FindingProperties.Queue]));
        Assert.Equal("queue:notifications", Assert.Single(inventory.Findings, f => f.Component == "Notifications" && f.Line == 70).Target);
        Assert.Equal("queue:thumbnail-queue", Assert.Single(inventory.Findings, f => f.Component == "FrontEnd" && f.Line == 40).Target);

        // The publisher and the consumer of two components now meet on one channel.
        var channel = Assert.Single(inventory.Graph.Nodes, n => n.Id.EndsWith("queue:notifications", StringComparison.Ordinal));
        Assert.Contains(inventory.Graph.Edges, e => e.From == "component:Core" && e.To == channel.Id);
        Assert.Contains(inventory.Graph.Edges, e => e.From == channel.Id && e.To == "component:Notifications");
    }

    [Fact]
    public void InjectedClients_ShouldNeverGuess_AmongRegistrationsOfOtherChannels_OrOtherKeys()
    {
        var inventory = Inventory(
            [Component("Host"), Component("Worker"), Component("Library")],
            [
                Client("Host", FindingKinds.QueueDeclaration, "queue:orders", "QueueClient", null, line: 5),
                Client("Worker", FindingKinds.QueueDeclaration, "queue:invoices", "QueueClient", null, line: 5),
                Client("Library", FindingKinds.QueuePublish, "queue:unresolved", "QueueClient", null, line: 20),
                Client("Library", FindingKinds.QueuePublish, "queue:unresolved", "QueueClient", "audit", line: 30),
                Client("Library", FindingKinds.QueuePublish, "queue:unresolved", "ServiceBusSender", null, line: 40),
            ]);

        Assert.All(inventory.Findings.Where(f => f.Component == "Library"), f =>
        {
            Assert.Equal("queue:unresolved", f.Target);
            Assert.False(f.Details!.ContainsKey(FindingProperties.Registration));
        });
    }

    private static Finding Client(string component, string kind, string target, string client, string? key, int line)
    {
        var finding = Finding(component, kind, target, Queues, line: line);
        var details = new Dictionary<string, string>
        {
            [FindingProperties.BrokerClient] = client,
            [FindingProperties.TargetSource] = target.EndsWith(":unresolved", StringComparison.Ordinal) ? TargetSources.Unresolved : TargetSources.Literal,
        };
        if (key is not null)
        {
            details[FindingProperties.ServiceKey] = key;
        }

        finding.Details = details;
        return finding;
    }
}
