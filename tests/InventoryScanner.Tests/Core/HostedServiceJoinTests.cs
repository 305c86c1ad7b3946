using InventoryScanner.Analyzers;
using InventoryScanner.Core.Analysis;
using InventoryScanner.Core.Model;
using static InventoryScanner.Tests.Builders;

namespace InventoryScanner.Tests.Core;

public sealed class HostedServiceJoinTests
{
    [Fact]
    public void HostsThatRegisterAConsumingHostedService_ShouldBeItsConsumers_AlsoThroughTheLibrarysRegistrationMethods()
    {
        var inventory = Inventory(
            [Component("Core"), Component("Api"), Component("Identity"), Component("Events")],
            [
                Consumer("Core", "entity:application-cache", "M:Bit.Core.HostedServices.ApplicationCacheHostedService.ExecuteAsync(System.Threading.CancellationToken)", line: 41),
                Consumer("Core", "queue:events", "M:Bit.Core.Listeners.RabbitMqEventListenerService`1.ExecuteAsync(System.Threading.CancellationToken)", line: 40),
                Wiring("Api", FindingProperties.Registers, "Bit.Core.HostedServices.ApplicationCacheHostedService", null, line: 230),
                Wiring("Identity", FindingProperties.Registers, "ApplicationCacheHostedService", null, line: 159),
                Wiring("Core", FindingProperties.Registers, "Bit.Core.Listeners.RabbitMqEventListenerService", "EventRegistrations.AddEventIntegrationServices", line: 320),
                Wiring("Core", FindingProperties.Calls, "EventRegistrations.AddEventIntegrationServices", "EventRegistrations.AddRabbitMqListeners", line: 187),
                Wiring("Events", FindingProperties.Calls, "AddRabbitMqListeners", null, line: 78),
                Wiring("Api", FindingProperties.Registers, "JobsHostedService", null, line: 225),
            ]);

        Assert.Equal(
            [
                "Api:230 entity:application-cache hosts ApplicationCacheHostedService (Core: src/Core/File.cs:41)",
                "Events:78 queue:events hosts RabbitMqEventListenerService (Core: src/Core/File.cs:40)",
                "Identity:159 entity:application-cache hosts ApplicationCacheHostedService (Core: src/Core/File.cs:41)",
            ],
            inventory.Findings.Where(f => f.Kind == FindingKinds.QueueConsume && f.Component != "Core").OrderBy(f => f.Component, StringComparer.Ordinal)
                .Select(f => $"{f.Component}:{f.Line} {f.Target} {f.Details![FindingProperties.Via]}"));
        Assert.DoesNotContain(inventory.Findings, f => f.Kind == FindingKinds.HostedServiceWiring);
        Assert.Contains(inventory.Graph.Edges, e => e.To == "component:Events" && e.Kind == "consumes");
    }

    [Fact]
    public void TwoClassesOfOneName_ShouldEachBeHostedByTheirOwnRegistrations_AndANameAloneShouldNotGuess()
    {
        var inventory = Inventory(
            [Component("Notifications"), Component("EventsProcessor"), Component("Host")],
            [
                Consumer("Notifications", "queue:notifications", "M:Bit.Notifications.AzureQueueHostedService.ExecuteAsync", line: 70),
                Consumer("EventsProcessor", "queue:events", "M:Bit.EventsProcessor.AzureQueueHostedService.ExecuteAsync", line: 77),
                Wiring("Notifications", FindingProperties.Registers, "Bit.Notifications.AzureQueueHostedService", null, line: 76),
                Wiring("EventsProcessor", FindingProperties.Registers, "Bit.EventsProcessor.AzureQueueHostedService", null, line: 37),
                Wiring("Host", FindingProperties.Registers, "AzureQueueHostedService", null, line: 12),
            ]);

        Assert.Equal(
            ["EventsProcessor:77 queue:events", "Notifications:70 queue:notifications"],
            inventory.Findings.Where(f => f.Kind == FindingKinds.QueueConsume).OrderBy(f => f.Component, StringComparer.Ordinal).Select(f => $"{f.Component}:{f.Line} {f.Target}"));
    }

    [Theory]
    [InlineData("M:Ns.Outer.Inner.Run(System.Int32)", "Ns.Outer.Inner")]
    [InlineData("M:Ns.Listener`1.ExecuteAsync(System.Threading.CancellationToken)", "Ns.Listener")]
    [InlineData("T:Ns.OrderPaidHandler", "Ns.OrderPaidHandler")]
    [InlineData("P:Ns.Settings.Url", "Ns.Settings")]
    [InlineData(null, null)]
    public void TheClassOfAFinding_ShouldBeReadFromItsDocumentationId(string? symbol, string? expected) =>
        Assert.Equal(expected, TypeNames.TypeOf(symbol));

    private static Finding Consumer(string component, string target, string symbol, int line)
    {
        var finding = Finding(component, FindingKinds.QueueConsume, target, "Azure.Messaging.ServiceBus", line: line, symbol: symbol);
        finding.Details = new Dictionary<string, string> { [FindingProperties.TargetSource] = TargetSources.Literal };
        return finding;
    }

    private static Finding Wiring(string component, string key, string value, string? registeredIn, int line)
    {
        var finding = Finding(component, FindingKinds.HostedServiceWiring, TargetSources.Unresolved, "Microsoft.Extensions.Hosting", line: line, ruleId: RuleIdentifiers.HostedServiceWiring);
        var details = new Dictionary<string, string> { [key] = value };
        if (registeredIn is not null)
        {
            details[FindingProperties.RegisteredIn] = registeredIn;
        }

        finding.Details = details;
        return finding;
    }
}
