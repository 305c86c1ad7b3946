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
                Wiring("Api", FindingProperties.Registers, "ApplicationCacheHostedService", null, line: 230),
                Wiring("Identity", FindingProperties.Registers, "ApplicationCacheHostedService", null, line: 159),
                Wiring("Core", FindingProperties.Registers, "RabbitMqEventListenerService", "EventRegistrations.AddEventIntegrationServices", line: 320),
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

    [Theory]
    [InlineData("M:Ns.Outer.Inner.Run(System.Int32)", "Inner")]
    [InlineData("M:Ns.Listener`1.ExecuteAsync(System.Threading.CancellationToken)", "Listener")]
    [InlineData("T:Ns.OrderPaidHandler", "OrderPaidHandler")]
    [InlineData("P:Ns.Settings.Url", "Settings")]
    [InlineData(null, null)]
    public void TheClassOfAFinding_ShouldBeReadFromItsDocumentationId(string? symbol, string? expected) =>
        Assert.Equal(expected, HostedServiceJoin.TypeOf(symbol));

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
