using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>INV2007/INV2008: MassTransit, NServiceBus and home-grown event buses, joined by message type.</summary>
public sealed class MessageBusAnalyzerTests
{
    private const string Messages = """
        namespace Contoso.Contracts
        {
            public sealed record OrderSubmitted(int Id);
            public sealed record ChargeCard(int OrderId);
            public abstract record IntegrationEvent;
            public sealed record StockReserved(int Sku) : IntegrationEvent;
            public sealed record PriceChanged(int Sku) : IntegrationEvent;
            public sealed record OrderShippedDomainEvent(int Id);
            public sealed record GetQuote(int Sku);
        }
        """;

    private const string Code = """
        using System.Threading.Tasks;
        using Contoso.Contracts;

        namespace Contoso.Ordering
        {
            public interface IEventBus { Task PublishAsync(IntegrationEvent @event); }
            public interface IOrderingIntegrationEventService { Task AddAndSaveEventAsync(IntegrationEvent evt); }
            public interface IIntegrationEventHandler<in T> where T : IntegrationEvent { Task Handle(T @event); }
            public interface IDomainEventHandler<in T> { Task Handle(T @event); }

            public sealed class Checkout(MassTransit.IPublishEndpoint publish, NServiceBus.IMessageSession session, IEventBus bus, MediatR.IMediator mediator, Notifier notifier, IOrderingIntegrationEventService outbox)
            {
                public async Task RunAsync()
                {
                    var changed = new PriceChanged(3);
                    await outbox.AddAndSaveEventAsync(changed);
                    await publish.Publish(new OrderSubmitted(1));
                    await session.Send(new ChargeCard(1));
                    await bus.PublishAsync(new StockReserved(7));
                    await mediator.Publish(new PriceChanged(7));
                    await notifier.Publish(new OrderSubmitted(2));
                }
            }

            public sealed class Notifier { public Task Publish(object message) => Task.CompletedTask; }

            public sealed class SubmittedConsumer : MassTransit.IConsumer<OrderSubmitted>
            {
                private readonly System.Collections.Generic.HashSet<int> _inbox = new();

                public async Task Consume(MassTransit.ConsumeContext<OrderSubmitted> context)
                {
                    if (!_inbox.Add(context.Message.Id)) return;
                    try { await context.Publish(new StockReserved(1)); }
                    catch (System.InvalidOperationException) { return; }
                }
            }

            public sealed class ChargeHandler : NServiceBus.IHandleMessages<ChargeCard>
            {
                public Task Handle(ChargeCard message, NServiceBus.IMessageHandlerContext context) => context.Reply(new OrderSubmitted(message.OrderId));
            }

            public sealed class StockHandler : IIntegrationEventHandler<StockReserved> { public Task Handle(StockReserved @event) => Task.CompletedTask; }

            public sealed class ShippedHandler : IDomainEventHandler<OrderShippedDomainEvent> { public Task Handle(OrderShippedDomainEvent @event) => Task.CompletedTask; }

            public sealed class PriceHandler : MediatR.INotificationHandler<PriceChanged> { public Task Handle(PriceChanged notification) => Task.CompletedTask; }
        }
        """;

    private const string BusStubs = """
        namespace MassTransit
        {
            using System.Threading.Tasks;
            public interface IPublishEndpoint { Task Publish<T>(T message) where T : class; }
            public interface ISendEndpoint { Task Send<T>(T message) where T : class; }
            public interface ConsumeContext : IPublishEndpoint { }
            public interface ConsumeContext<out T> : ConsumeContext where T : class { T Message { get; } }
            public interface IConsumer<in TMessage> where TMessage : class { Task Consume(ConsumeContext<TMessage> context); }
            public interface IRegistrationContext { }
            public interface IReceiveEndpointConfigurator { void ConfigureConsumer<T>(IRegistrationContext context) where T : class; void UseMessageRetry(System.Action<object> configure); }
            public interface IBusFactoryConfigurator { void ReceiveEndpoint(string queueName, System.Action<IReceiveEndpointConfigurator> configureEndpoint); }
            public interface IBusRegistrationConfigurator { void AddConsumer<T>() where T : class, IConsumer; }
            public interface IConsumer { }
        }
        namespace NServiceBus
        {
            using System.Threading.Tasks;
            public interface IMessageSession { Task Send(object message); Task Publish(object message); }
            public interface IPipelineContext { Task Send(object message); Task Publish(object message); }
            public interface IMessageHandlerContext : IPipelineContext { Task Reply(object message); }
            public interface IHandleMessages<T> { Task Handle(T message, IMessageHandlerContext context); }
        }
        """;

    private const string MediatRStub = """
        namespace MediatR
        {
            using System.Threading.Tasks;
            public interface IMediator { Task Publish(object notification); }
            public interface INotificationHandler<in T> { Task Handle(T notification); }
        }
        """;

    private static async Task<List<string>> FindingsAsync(params string[] sources)
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new MessageBusAnalyzer(), sources);
        return diagnostics.Select(d => $"{d.Id} {d.Properties[FindingProperties.Library]} {d.Properties[FindingProperties.Kind]} {d.Properties[FindingProperties.Target]} ({d.Properties[FindingProperties.Confidence]})")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public async Task BusMessages_ShouldBeSentAndHandledByType_AndInProcessDispatchShouldNot()
    {
        Assert.Equal(
            [
                "INV2007 MassTransit queue-publish message:Contoso.Contracts.OrderSubmitted (high)",
                "INV2007 MassTransit queue-publish message:Contoso.Contracts.StockReserved (high)",
                "INV2007 NServiceBus queue-publish message:Contoso.Contracts.ChargeCard (high)",
                "INV2007 NServiceBus queue-publish message:Contoso.Contracts.OrderSubmitted (high)",
                "INV2007 event bus (by shape) queue-publish message:PriceChanged (medium)",
                "INV2007 event bus (by shape) queue-publish message:StockReserved (medium)",
                "INV2008 MassTransit queue-consume message:Contoso.Contracts.OrderSubmitted (high)",
                "INV2008 NServiceBus queue-consume message:Contoso.Contracts.ChargeCard (high)",
                "INV2008 event bus (by shape) queue-consume message:StockReserved (medium)",
            ],
            await FindingsAsync(Code, Messages, BusStubs, MediatRStub));
    }

    [Fact]
    public async Task EventsSavedToAnOutbox_ShouldNameTheOutbox()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new MessageBusAnalyzer(), Code, Messages, BusStubs, MediatRStub);

        Assert.Equal(
            ["message:PriceChanged IOrderingIntegrationEventService"],
            diagnostics.Where(d => d.Properties.ContainsKey(FindingProperties.Outbox)).Select(d => $"{d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.Outbox]}"));
    }

    [Fact]
    public async Task HomeGrownPublisher_TakingTheTypeNameFirst_ShouldPublishTheEventArgument_AndNothingElse()
    {
        var findings = await FindingsAsync("""
            using System.Threading.Tasks;
            namespace Garage
            {
                public class Message { public string MessageType => GetType().Name; }
                public class Event : Message { }
                public sealed class CustomerRegistered : Event { }
                public sealed class Report { }
                public interface IMessagePublisher { Task PublishMessageAsync(string messageType, object message, string routingKey); }
                public interface IReportPublisher { Task PublishAsync(Report report); }

                public sealed class CustomersController(IMessagePublisher publisher, IReportPublisher reports)
                {
                    public async Task RegisterAsync()
                    {
                        var e = new CustomerRegistered();
                        await publisher.PublishMessageAsync(e.MessageType, e, "");
                        await publisher.PublishMessageAsync("Heartbeat", "alive", "");
                        await reports.PublishAsync(new Report());
                    }
                }
            }
            """);

        Assert.Equal(["INV2007 event bus (by shape) queue-publish message:CustomerRegistered (medium)"], findings);
    }

    [Fact]
    public async Task Handlers_ShouldSayWhetherTheyCatchFailures_OrLeaveThemToTheirLibrary_AndWhetherTheyCheckForDuplicates()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new MessageBusAnalyzer(), Code, Messages, BusStubs, MediatRStub);

        Assert.Equal(
            ["SubmittedConsumer catches _inbox", "ChargeHandler library -", "StockHandler none -"],
            diagnostics.Where(d => d.Properties[FindingProperties.Kind] == FindingKinds.QueueConsume).Select(d =>
                $"{d.GetMessage().Split(": ", 2)[1].Split(" handles ")[0]} {d.Properties.GetValueOrDefault(FindingProperties.ErrorHandling)} {d.Properties.GetValueOrDefault(FindingProperties.Idempotency) ?? "-"}"));
    }

    [Fact]
    public async Task BusMessages_WhenMassTransitAndNServiceBusDoNotResolve_ShouldStillBeFoundByName_WithLowConfidence()
    {
        Assert.Equal(
            [
                "INV2007 MassTransit queue-publish message:Contoso.Contracts.OrderSubmitted (low)",
                "INV2007 MassTransit queue-publish message:Contoso.Contracts.StockReserved (low)",
                "INV2007 NServiceBus queue-publish message:Contoso.Contracts.ChargeCard (low)",
                "INV2007 NServiceBus queue-publish message:Contoso.Contracts.OrderSubmitted (low)",
                "INV2007 event bus (by shape) queue-publish message:PriceChanged (medium)",
                "INV2007 event bus (by shape) queue-publish message:StockReserved (medium)",
                "INV2008 MassTransit queue-consume message:Contoso.Contracts.OrderSubmitted (low)",
                "INV2008 NServiceBus queue-consume message:Contoso.Contracts.ChargeCard (low)",
                "INV2008 event bus (by shape) queue-consume message:StockReserved (medium)",
            ],
            await FindingsAsync(Code, Messages, MediatRStub));
    }

    private const string StringDispatch = """
        using System;
        using System.Threading.Tasks;
        namespace Garage.Invoicing
        {
            public sealed class InvoiceWorker : Pitstop.Infrastructure.Messaging.IMessageHandlerCallback
            {
                public async Task<bool> HandleMessageAsync(string messageType, string message)
                {
                    try
                    {
                        switch (messageType)
                        {
                            case "CustomerRegistered":
                                await Task.Yield();
                                break;
                            case "DayHasPassed":
                                break;
                            case "":
                                break;
                        }
                    }
                    catch (Exception) { }

                    return true;
                }

                public void OnMessageReceived(string eventName, string body)
                {
                    if (eventName == "OrderPaid") { }
                    else if (string.Equals(eventName, "OrderShipped", StringComparison.Ordinal)) { }
                }

                public string ProcessEvent(string eventType) => eventType switch
                {
                    "StockReserved" => "stock",
                    _ => "other",
                };

                public object CreateEvent(string eventType) => eventType switch { "PriceChanged" => new object(), _ => null };

                public void Handle(string status)
                {
                    switch (status) { case "Paid": break; }
                }

                public void HandleError(string messageType)
                {
                    if (messageType == "not a type name") { }
                }
            }
        }
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HandlersDispatchingOnTheTypeName_ShouldHandleEachNamedMessage_AndNameMappingShouldNot(bool interfaceResolves)
    {
        var stub = "namespace Pitstop.Infrastructure.Messaging { public interface IMessageHandlerCallback { System.Threading.Tasks.Task<bool> HandleMessageAsync(string messageType, string message); } }";
        var sources = interfaceResolves ? new[] { StringDispatch, stub } : [StringDispatch];
        var diagnostics = await AnalyzerRunner.RunAsync(new MessageBusAnalyzer(), sources);

        Assert.Equal(
            [
                "message:CustomerRegistered catches medium",
                "message:DayHasPassed catches medium",
                "message:OrderPaid none medium",
                "message:OrderShipped none medium",
                "message:StockReserved none medium",
            ],
            diagnostics.Select(d => $"{d.Properties[FindingProperties.Target]} {d.Properties.GetValueOrDefault(FindingProperties.ErrorHandling)} {d.Properties[FindingProperties.Confidence]}").Order(StringComparer.Ordinal));
        Assert.All(diagnostics, d => Assert.Equal(RuleIdentifiers.BusHandler, d.Id));
        Assert.Contains(diagnostics, d => d.GetMessage() == "event bus (by shape): InvoiceWorker handles CustomerRegistered");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EventsPublishedAsTheirBaseType_ShouldBePublishedAsEachEventOfThatBaseTheProjectDeclares(bool baseResolves)
    {
        var infrastructure = """
            namespace Garage.Infrastructure
            {
                public class Message { public string MessageType => GetType().Name; }
                public class Event : Message { }
                public interface IMessagePublisher { System.Threading.Tasks.Task PublishMessageAsync(string messageType, object message, string routingKey); }
            }
            """;
        var workshop = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Garage.Infrastructure;
            namespace Garage.Workshop
            {
                public class MaintenanceJobPlanned : Event { }
                public class MaintenanceJobFinished : Event { }
                public class CustomerRegistered : Event { }
                public class StockConfirmed : Event { }
                public class StockRejected : Event { }
                public sealed class Planning { public IEnumerable<Event> GetEvents() => new Event[] { new MaintenanceJobPlanned(), new MaintenanceJobFinished() }; }
                public sealed class StockHandler(IMessagePublisher publisher)
                {
                    public Task HandleAsync(bool available)
                    {
                        Event result = available ? new StockConfirmed() : new StockRejected();
                        return publisher.PublishMessageAsync(result.MessageType, result, "");
                    }
                }
                public sealed class PlanJobHandler(IMessagePublisher publisher)
                {
                    public async Task HandleCommandAsync(Planning planning)
                    {
                        foreach (var e in planning.GetEvents())
                        {
                            await publisher.PublishMessageAsync(e.MessageType, e, "");
                        }
                    }

                    public async Task FinishAsync()
                    {
                        var finished = new MaintenanceJobFinished();
                        await publisher.PublishMessageAsync(finished.MessageType, finished, "");
                    }
                }
            }
            """;
        var diagnostics = await AnalyzerRunner.RunAsync(new MessageBusAnalyzer(), baseResolves ? [workshop, infrastructure] : [workshop]);

        // CustomerRegistered is only declared (a message the project receives): never a candidate. The loop's events may be
        // any the project creates; the handler's, the two it creates.
        var sameMethod = baseResolves ? "medium" : "low";
        Assert.Equal(
            [
                "16 message:StockConfirmed " + sameMethod,
                "16 message:StockRejected " + sameMethod,
                "25 message:MaintenanceJobFinished low",
                "25 message:MaintenanceJobPlanned low",
                "25 message:StockConfirmed low",
                "25 message:StockRejected low",
                "32 message:MaintenanceJobFinished " + (baseResolves ? "medium" : "low"),
            ],
            diagnostics.Select(d => $"{d.Location.GetLineSpan().StartLinePosition.Line} {d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.Confidence]}").Order(StringComparer.Ordinal));
        Assert.Equal(
            [
                "the event is typed as its base Event: one of the 2 Event types this method creates",
                "the event is typed as its base Event: one of the 4 Event types this project creates",
            ],
            diagnostics.Select(d => d.Properties[FindingProperties.ConfidenceReason]).Where(r => r!.Contains("typed as its base")).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnEstatesOwnBus_InAMicrosoftNamespace_ShouldStillBeABus_WhileMediatRIsNot()
    {
        var findings = await FindingsAsync("""
            using System.Threading.Tasks;
            namespace Microsoft.eShopOnContainers.BuildingBlocks.EventBus
            {
                public record IntegrationEvent;
                public interface IEventBus { void Publish(IntegrationEvent @event); }
                public interface IIntegrationEventHandler<in T> where T : IntegrationEvent { Task Handle(T @event); }
            }
            namespace Microsoft.Extensions.DependencyInjection
            {
                // eShop declares its bus builder here, in its own EventBus assembly, so that no using is needed.
                public interface IEventBusBuilder { IEventBusBuilder AddSubscription<T, TH>(); }
            }
            namespace Microsoft.eShopOnContainers.Services.Ordering
            {
                using Microsoft.eShopOnContainers.BuildingBlocks.EventBus;
                public record GracePeriodConfirmedIntegrationEvent(int OrderId) : IntegrationEvent;
                public sealed class GracePeriodHandler : IIntegrationEventHandler<GracePeriodConfirmedIntegrationEvent>
                {
                    public Task Handle(GracePeriodConfirmedIntegrationEvent @event) => Task.CompletedTask;
                }

                public sealed class Publisher(IEventBus bus, Microsoft.Extensions.DependencyInjection.IEventBusBuilder builder, MediatR.IMediator mediator)
                {
                    public void Run()
                    {
                        bus.Publish(new GracePeriodConfirmedIntegrationEvent(1));
                        builder.AddSubscription<GracePeriodConfirmedIntegrationEvent, GracePeriodHandler>();
                        mediator.Publish(new GracePeriodConfirmedIntegrationEvent(2));
                    }
                }
            }
            """, MediatRStub);

        Assert.Equal(
            [
                "INV2007 event bus (by shape) queue-publish message:GracePeriodConfirmedIntegrationEvent (medium)",
                "INV2008 event bus (by shape) queue-consume message:GracePeriodConfirmedIntegrationEvent (medium)",
                "INV2008 event bus (by shape) queue-consume message:GracePeriodConfirmedIntegrationEvent (medium)",
            ],
            findings);
    }

    [Fact]
    public async Task Subscriptions_ShouldPlaceTheConsumerWhereTheyAreMade_WithTheHandlersFacts()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new MessageBusAnalyzer(), """
            using System.Threading.Tasks;
            namespace Microsoft.AspNetCore.Builder { public sealed class WebApplicationBuilder { } }
            namespace Shop.EventBus
            {
                public abstract record IntegrationEvent;
                public interface IIntegrationEventHandler<in T> where T : IntegrationEvent { Task Handle(T @event); }
                public interface IEventBus { void Subscribe<T, TH>() where T : IntegrationEvent where TH : IIntegrationEventHandler<T>; }
                public interface IEventBusBuilder { IEventBusBuilder AddSubscription<T, TH>() where T : IntegrationEvent where TH : class, IIntegrationEventHandler<T>; }
                public interface IDistributedApplicationEventing { void Subscribe<T>(System.Func<T, Task> callback); }
                public static class Framework { public static Microsoft.AspNetCore.Builder.WebApplicationBuilder CreateBuilder() => null!; }
                public static class RabbitMqExtensions
                {
                    public static IEventBusBuilder AddRabbitMqEventBus(this Microsoft.Extensions.Hosting.IHostApplicationBuilder builder, string connectionName) => null!;
                }
            }
            namespace Shop.Ordering
            {
                using Shop.EventBus;
                public sealed record GracePeriodConfirmedIntegrationEvent(int OrderId) : IntegrationEvent;
                public sealed record OrderPaidIntegrationEvent(int OrderId) : IntegrationEvent;
                public sealed class BeforeStartEvent { }

                public static class Wiring
                {
                    public static void Configure(IEventBus bus, IEventBusBuilder builder, IDistributedApplicationEventing eventing, Microsoft.Extensions.Hosting.IHostApplicationBuilder host)
                    {
                        bus.Subscribe<GracePeriodConfirmedIntegrationEvent, IIntegrationEventHandler<GracePeriodConfirmedIntegrationEvent>>();
                        builder.AddSubscription<OrderPaidIntegrationEvent, Shop.Handlers.OrderPaidHandler>();
                        Hosting.AddRabbitMqEventBus("eventbus").AddSubscription<OrderPaidIntegrationEvent, Shop.Handlers.OrderPaidHandler>();
                        host.AddRabbitMqEventBus("eventbus").AddSubscription<OrderPaidIntegrationEvent, Shop.Handlers.OrderPaidHandler>();
                        Framework.CreateBuilder().AddKafkaEventBus("eventbus").AddSubscription<OrderPaidIntegrationEvent, Shop.Handlers.OrderPaidHandler>()
                            .AddSubscription<GracePeriodConfirmedIntegrationEvent, IIntegrationEventHandler<GracePeriodConfirmedIntegrationEvent>>();
                        eventing.Subscribe<BeforeStartEvent>(e => Task.CompletedTask);
                    }
                }
            }
            namespace Shop.Handlers
            {
                using Shop.EventBus;
                using Shop.Ordering;
                public sealed class OrderPaidHandler : IIntegrationEventHandler<OrderPaidIntegrationEvent>
                {
                    public Task Handle(OrderPaidIntegrationEvent @event) => Task.CompletedTask;
                }
            }
            """);

        Assert.Equal(
            [
                "class message:OrderPaidIntegrationEvent handler=OrderPaidHandler errorHandling=none",
                "subscription message:GracePeriodConfirmedIntegrationEvent handler=IIntegrationEventHandler errorHandling=-",
                "subscription message:GracePeriodConfirmedIntegrationEvent handler=IIntegrationEventHandler errorHandling=-",
                "subscription message:OrderPaidIntegrationEvent handler=OrderPaidHandler errorHandling=none",
                "subscription message:OrderPaidIntegrationEvent handler=OrderPaidHandler errorHandling=none",
                "subscription message:OrderPaidIntegrationEvent handler=OrderPaidHandler errorHandling=none",
                "subscription message:OrderPaidIntegrationEvent handler=OrderPaidHandler errorHandling=none",
            ],
            diagnostics.Select(d => $"{(d.Properties[FindingProperties.ContainingSymbol]!.StartsWith("T:", StringComparison.Ordinal) ? "class" : "subscription")} {d.Properties[FindingProperties.Target]} handler={d.Properties[FindingProperties.Handler]} errorHandling={d.Properties.GetValueOrDefault(FindingProperties.ErrorHandling) ?? "-"}")
                .Order(StringComparer.Ordinal));
    }

    private const string MassTransitWiring = """
        using System.Threading.Tasks;
        using MassTransit;
        namespace Contoso.Shipping
        {
            public sealed record ShipmentRequested(int Id);
            public sealed record ShipmentCancelled(int Id);
            public sealed class ShipmentConsumer : IConsumer<ShipmentRequested>, IConsumer<ShipmentCancelled>, IConsumer
            {
                public Task Consume(ConsumeContext<ShipmentRequested> context) => Task.CompletedTask;
                public Task Consume(ConsumeContext<ShipmentCancelled> context) => Task.CompletedTask;
            }

            public static class Bus
            {
                private const string Queue = "shipping-requests";

                public static void Register(IBusRegistrationConfigurator x) => x.AddConsumer<ShipmentConsumer>();

                public static void Configure(IBusFactoryConfigurator cfg, IRegistrationContext context) =>
                    cfg.ReceiveEndpoint(Queue, e =>
                    {
                        e.UseMessageRetry(r => { });
                        e.ConfigureConsumer<ShipmentConsumer>(context);
                    });
            }
        }
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task MassTransitRegistrationsAndReceiveEndpoints_ShouldNameTheConsumersAndTheirQueue(bool massTransitResolves)
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new MessageBusAnalyzer(), massTransitResolves ? [MassTransitWiring, BusStubs] : [MassTransitWiring]);
        var confidence = massTransitResolves ? "high" : "low";

        // Line 6 is the consumer class, 16 its registration (AddConsumer), 19 the receive endpoint it is configured on.
        Assert.Equal(
            [
                $"6 INV2008 queue-consume message:Contoso.Shipping.ShipmentRequested ShipmentConsumer {confidence}",
                $"6 INV2008 queue-consume message:Contoso.Shipping.ShipmentCancelled ShipmentConsumer {confidence}",
                $"16 INV2008 queue-consume message:Contoso.Shipping.ShipmentRequested ShipmentConsumer {confidence}",
                $"16 INV2008 queue-consume message:Contoso.Shipping.ShipmentCancelled ShipmentConsumer {confidence}",
                $"19 INV2013 queue-declaration queue:shipping-requests ShipmentConsumer {confidence}",
            ],
            diagnostics.Select(d => $"{d.Location.GetLineSpan().StartLinePosition.Line} {d.Id} {d.Properties[FindingProperties.Kind]} {d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.Handler]} {d.Properties[FindingProperties.Confidence]}"));
    }
}
