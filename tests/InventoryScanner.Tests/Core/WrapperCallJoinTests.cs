using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;
using static InventoryScanner.Tests.Builders;

namespace InventoryScanner.Tests.Core;

public sealed class WrapperCallJoinTests
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
        Assert.DoesNotContain(inventory.Findings, f => f.Kind == FindingKinds.WrapperCall);
        Assert.Contains(inventory.Graph.Edges, e => e.From == "component:Api" && e.Kind == "publishes");
    }

    [Fact]
    public void WhenTheScanRegistersTheWrapper_CallsShouldReachOnlyTheImplementationsTheContainerHandsOut()
    {
        var registration = Finding("Core", FindingKinds.HostedServiceWiring, TargetSources.Unresolved, "Microsoft.Extensions.Hosting", line: 84, ruleId: RuleIdentifiers.HostedServiceWiring);
        registration.Details = new Dictionary<string, string> { [FindingProperties.Registers] = "Bit.Core.AzureServiceBusService", [FindingProperties.Service] = "IEventPublisher" };
        var inventory = Inventory(
            [Component("Core"), Component("Api")],
            [
                Publish("Core", "Azure.Messaging.ServiceBus", "entity:events", "AzureServiceBusService.PublishEventAsync;IEventPublisher.PublishEventAsync", line: 64),
                Publish("Core", "Azure.Messaging.ServiceBus", "entity:events-local", "LocalEventPublisher.PublishEventAsync;IEventPublisher.PublishEventAsync", line: 90),
                registration,
                Call("Api", "IEventPublisher.PublishEventAsync", line: 20),
            ]);

        Assert.Equal("entity:events", Assert.Single(inventory.Findings, f => f.Component == "Api").Target);
        Assert.DoesNotContain(inventory.Findings, f => f.Kind == FindingKinds.HostedServiceWiring);
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

    [Fact]
    public void CallsOfAConsumerWrapper_ShouldConsumeTheChannelTheCallerNames_AndAFixedConsumerShouldStayItsOwn()
    {
        var inventory = Inventory(
            [Component("Core"), Component("Listeners")],
            [
                Consume("Core", "entity:unresolved", "AzureServiceBusService.CreateProcessor;IAzureServiceBusService.CreateProcessor", "topicName=0,subscriptionName=1,options=2", expression: "topicName", line: 23),
                Consume("Core", "queue:audit", "AuditBus.Listen;IAuditBus.Listen", null, expression: null, line: 40),
                Consume("Core", "topic:{tenant}-orders", "TenantBus.Subscribe;ITenantBus.Subscribe", "tenant=0", expression: null, line: 60),
                Call("Listeners", "IAzureServiceBusService.CreateProcessor", line: 21, arguments: "0=settings:EventSettings.EventTopicName\n1=events-write-subscription"),
                Call("Listeners", "IAzureServiceBusService.CreateProcessor", line: 30),
                Call("Listeners", "IAuditBus.Listen", line: 35),
                Call("Listeners", "ITenantBus.Subscribe", line: 50, arguments: "0=contoso"),
            ]);

        Assert.Equal(
            [
                "21 entity:settings:EventSettings.EventTopicName via IAzureServiceBusService.CreateProcessor → AzureServiceBusService.CreateProcessor (Core: src/Core/File.cs:23)",
                "30 entity:unresolved via IAzureServiceBusService.CreateProcessor → AzureServiceBusService.CreateProcessor (Core: src/Core/File.cs:23)",
                "50 topic:contoso-orders via ITenantBus.Subscribe → TenantBus.Subscribe (Core: src/Core/File.cs:60)",
            ],
            inventory.Findings.Where(f => f.Component == "Listeners").Select(f => $"{f.Line} {f.Target} via {f.Details![FindingProperties.Via]}"));
        Assert.All(inventory.Findings.Where(f => f.Component == "Listeners"), f => Assert.Equal(FindingKinds.QueueConsume, f.Kind));
    }

    [Fact]
    public void CallsOfARequestWrapper_ShouldBeCallsToTheAddressTheCallerPasses_AndAFixedAddressShouldStayTheWrappers()
    {
        var get = Finding("Shared", FindingKinds.HttpClient, "unresolved", line: 20);
        get.Details = new Dictionary<string, string>
        {
            [FindingProperties.Implements] = "RequestProvider.GetAsync;IRequestProvider.GetAsync",
            [FindingProperties.Parameters] = "uri=0,token=1",
            [FindingProperties.Expression] = "uri",
            [FindingProperties.HttpMethod] = "GET",
        };
        var ping = Finding("Shared", FindingKinds.HttpClient, "https://status.example/ping", line: 30);
        ping.Details = new Dictionary<string, string> { [FindingProperties.Implements] = "RequestProvider.PingAsync;IRequestProvider.PingAsync" };
        var inventory = Inventory(
            [Component("Shared"), Component("App")],
            [
                get,
                ping,
                Call("App", "IRequestProvider.GetAsync", line: 12, arguments: "0=https://basket.example/api/baskets/{id}", rule: RuleIdentifiers.RequestWrapperCall),
                Call("App", "IRequestProvider.PingAsync", line: 14, rule: RuleIdentifiers.RequestWrapperCall),

                // A broker-named call of a typed client's method (PushAsync(id) around a PUT to contacts/{id}) is not a request wrapper's.
                Call("App", "IRequestProvider.GetAsync", line: 16, arguments: "0=42"),
            ]);

        var call = Assert.Single(inventory.Findings, f => f.Component == "App");
        Assert.Equal(
            (FindingKinds.HttpClient, "https://basket.example/api/baskets/{id}", "GET https://basket.example/api/baskets/{id} through IRequestProvider.GetAsync"),
            (call.Kind, call.Target, call.Message));
    }

    private static Finding Consume(string component, string target, string implements, string? parameters, string? expression, int line)
    {
        var finding = Finding(component, FindingKinds.QueueConsume, target, "Azure.Messaging.ServiceBus", line: line);
        var details = new Dictionary<string, string> { [FindingProperties.Implements] = implements, [FindingProperties.TargetSource] = expression is null ? TargetSources.Literal : TargetSources.Unresolved };
        if (parameters is not null)
        {
            details[FindingProperties.Parameters] = parameters;
        }

        if (expression is not null)
        {
            details[FindingProperties.Expression] = expression;
        }

        finding.Details = details;
        return finding;
    }

    private static Finding Publish(string component, string library, string target, string implements, int line)
    {
        var finding = Finding(component, FindingKinds.QueuePublish, target, library, line: line);
        finding.Details = new Dictionary<string, string> { [FindingProperties.Implements] = implements, [FindingProperties.TargetSource] = TargetSources.Literal };
        return finding;
    }

    private static Finding Call(string component, string member, int line, string? arguments = null, string rule = RuleIdentifiers.WrapperCall)
    {
        var finding = Finding(component, FindingKinds.WrapperCall, TargetSources.Unresolved, "application", line: line, ruleId: rule);
        var details = new Dictionary<string, string> { [FindingProperties.Calls] = member };
        if (arguments is not null)
        {
            details[FindingProperties.Arguments] = arguments;
        }

        finding.Details = details;
        return finding;
    }
}
