using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>INV2005/INV2006/INV2014: publishers, consumers and channel clients of Service Bus, Storage Queues, Event Hubs, Kafka, SQS, SNS, Redis and MSMQ.</summary>
public sealed class BrokerClientAnalyzerTests
{
    private const string Code = """
        using System;
        using System.Threading.Tasks;
        using Amazon.SimpleNotificationService;
        using Amazon.SQS;
        using Amazon.SQS.Model;
        using Azure.Messaging.EventHubs;
        using Azure.Messaging.EventHubs.Producer;
        using Azure.Messaging.ServiceBus;
        using Azure.Storage.Queues;
        using Confluent.Kafka;
        using StackExchange.Redis;

        class Messaging
        {
            private const string OrdersTopic = "orders";

            async Task Run(ServiceBusClient bus, IProducer<string, string> producer, IConsumer<string, string> consumer, IAmazonSQS sqs,
                IAmazonSimpleNotificationService sns, ISubscriber redis, string queueUrl)
            {
                var sender = bus.CreateSender("billing.invoices");
                await sender.SendMessageAsync(new ServiceBusMessage("x"));
                var processor = bus.CreateProcessor("billing.invoices");
                var subscriptionProcessor = bus.CreateProcessor("orders-topic", "audit");

                var queue = new QueueClient("UseDevelopmentStorage=true", "thumbnails");
                await queue.SendMessageAsync("img-1");
                await queue.ReceiveMessagesAsync();

                var hub = new EventHubProducerClient("Endpoint=sb://hub.example/", "telemetry");
                await hub.SendAsync(new EventData[0]);
                var eventProcessor = new EventProcessorClient(null!, "$Default", "Endpoint=sb://hub.example/", "telemetry");

                await producer.ProduceAsync(OrdersTopic, new Message<string, string>());
                consumer.Subscribe("orders");

                await sqs.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/shipments", "body");
                await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = "https://sqs.eu-west-1.amazonaws.com/123456789012/returns", MessageBody = "b" });
                await sqs.ReceiveMessageAsync(queueUrl);
                await sns.PublishAsync("arn:aws:sns:eu-west-1:123456789012:order-events", "message");

                await redis.PublishAsync(RedisChannel.Literal("cache-invalidation"), "key");
                await redis.SubscribeAsync(RedisChannel.Literal("cache-invalidation"), (channel, value) => { });

                await new Lookalike().SendMessageAsync("not a broker");
                new Lookalike().Subscribe("orders");
            }
        }

        class Lookalike
        {
            public Task SendMessageAsync(string text) => Task.CompletedTask;
            public void Subscribe(string topic) { }
        }
        """;

    internal const string BrokerStubs = """
        namespace Azure.Messaging.ServiceBus
        {
            using System.Threading.Tasks;
            public sealed class ServiceBusMessage { public ServiceBusMessage(string body) { } }
            public sealed class ServiceBusSender { public Task SendMessageAsync(ServiceBusMessage message) => Task.CompletedTask; }
            public sealed class ProcessMessageEventArgs { }
            public sealed class ServiceBusProcessor { public event System.Func<ProcessMessageEventArgs, Task> ProcessMessageAsync; }
            public sealed class ServiceBusClient
            {
                public ServiceBusSender CreateSender(string queueOrTopicName) => null!;
                public ServiceBusProcessor CreateProcessor(string queueName) => null!;
                public ServiceBusProcessor CreateProcessor(string topicName, string subscriptionName) => null!;
            }
        }
        namespace Azure.Storage.Queues
        {
            using System.Threading.Tasks;
            public sealed class QueueClient
            {
                public QueueClient(string connectionString, string queueName) { }
                public Task SendMessageAsync(string messageText) => Task.CompletedTask;
                public Task ReceiveMessagesAsync() => Task.CompletedTask;
            }
        }
        namespace Azure.Messaging.EventHubs
        {
            public sealed class EventData { }
            public sealed class ProcessEventArgs { }
            public sealed class EventProcessorClient
            {
                public EventProcessorClient(object checkpointStore, string consumerGroup, string connectionString, string eventHubName) { }
                public event System.Func<ProcessEventArgs, System.Threading.Tasks.Task> ProcessEventAsync;
            }
        }
        namespace Azure.Messaging.EventHubs.Producer
        {
            using System.Threading.Tasks;
            public sealed class EventHubProducerClient
            {
                public EventHubProducerClient(string connectionString, string eventHubName) { }
                public Task SendAsync(Azure.Messaging.EventHubs.EventData[] events) => Task.CompletedTask;
            }
        }
        namespace Confluent.Kafka
        {
            using System.Threading.Tasks;
            public sealed class Message<TKey, TValue> { }
            public interface IProducer<TKey, TValue> { Task ProduceAsync(string topic, Message<TKey, TValue> message); }
            public sealed class ConsumeResult<TKey, TValue> { }
            public interface IConsumer<TKey, TValue> { void Subscribe(string topic); ConsumeResult<TKey, TValue> Consume(System.Threading.CancellationToken cancellationToken); }
        }
        namespace Amazon.SQS.Model { public sealed class SendMessageRequest { public string QueueUrl { get; set; } = ""; public string MessageBody { get; set; } = ""; } }
        namespace Amazon.SQS
        {
            using System.Threading.Tasks;
            public interface IAmazonSQS
            {
                Task SendMessageAsync(string queueUrl, string messageBody);
                Task SendMessageAsync(Amazon.SQS.Model.SendMessageRequest request);
                Task ReceiveMessageAsync(string queueUrl);
            }
        }
        namespace Amazon.SimpleNotificationService
        {
            using System.Threading.Tasks;
            public interface IAmazonSimpleNotificationService { Task PublishAsync(string topicArn, string message); }
        }
        namespace StackExchange.Redis
        {
            using System;
            using System.Threading.Tasks;
            public readonly struct RedisChannel { public static RedisChannel Literal(string value) => default; }
            public interface ISubscriber
            {
                Task PublishAsync(RedisChannel channel, string message);
                Task SubscribeAsync(RedisChannel channel, Action<RedisChannel, string> handler);
            }
        }
        """;

    private static async Task<List<string>> ChannelsAsync(params string[] sources)
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new BrokerClientAnalyzer(), sources);
        return diagnostics.Select(d => $"{d.Id} {d.Properties[FindingProperties.Library]} {d.Properties[FindingProperties.Target]}{(d.Properties.GetValueOrDefault(FindingProperties.Subscription) is { } s ? "/" + s : "")} ({d.Properties[FindingProperties.Confidence]})").ToList();
    }

    private static readonly string[] Expected =
    [
        "INV2014 Azure.Messaging.ServiceBus entity:billing.invoices",
        "INV2005 Azure.Messaging.ServiceBus entity:billing.invoices",
        "INV2006 Azure.Messaging.ServiceBus entity:billing.invoices",
        "INV2006 Azure.Messaging.ServiceBus entity:orders-topic/audit",
        "INV2014 Azure.Storage.Queues queue:thumbnails",
        "INV2005 Azure.Storage.Queues queue:thumbnails",
        "INV2006 Azure.Storage.Queues queue:thumbnails",
        "INV2014 Azure.Messaging.EventHubs hub:telemetry",
        "INV2005 Azure.Messaging.EventHubs hub:telemetry",
        "INV2006 Azure.Messaging.EventHubs hub:telemetry",
        "INV2005 Confluent.Kafka topic:orders",
        "INV2006 Confluent.Kafka topic:orders",
        "INV2005 AWSSDK.SQS queue:shipments",
        "INV2005 AWSSDK.SQS queue:returns",
        "INV2006 AWSSDK.SQS queue:unresolved",
        "INV2005 AWSSDK.SimpleNotificationService topic:order-events",
        "INV2005 StackExchange.Redis channel:cache-invalidation",
        "INV2006 StackExchange.Redis channel:cache-invalidation",
    ];

    [Fact]
    public async Task BrokerClients_ShouldBeReportedWithTheirChannels_AndLookalikesShouldNot()
    {
        Assert.Equal(Expected.Select(e => e + " (high)"), await ChannelsAsync(Code, BrokerStubs));
    }

    [Fact]
    public async Task BrokerClients_WhenTheirPackagesDoNotResolve_ShouldStillBeFoundByName_WithLowConfidence()
    {
        Assert.Equal(Expected.Select(e => e + " (low)"), await ChannelsAsync(Code));
    }

    [Fact]
    public async Task PollingConsumers_AndTopicsNamedAfterTypes_ShouldBeRecorded()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new BrokerClientAnalyzer(), """
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.SQS;
            using Confluent.Kafka;
            public sealed record InvoicePaid(int Id);
            public abstract class BackgroundService { protected abstract Task ExecuteAsync(CancellationToken stoppingToken); }
            public sealed class ShipmentPoller(IAmazonSQS sqs, IProducer<string, string> producer) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        await sqs.ReceiveMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/shipments");
                        await producer.ProduceAsync(typeof(InvoicePaid).Name, new Message<string, string>());
                    }
                }
            }
            """, BrokerStubs);
        Assert.Equal(
            ["queue:shipments a loop in the hosted service ShipmentPoller", "topic:InvoicePaid "],
            diagnostics.Where(d => d.Id != RuleIdentifiers.ConsumerUnhandledFailure).Select(d => $"{d.Properties[FindingProperties.Target]} {d.Properties.GetValueOrDefault(FindingProperties.Polling)}"));
    }

    private const string Workers = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.SQS;
        using Azure.Messaging.EventHubs;
        using Azure.Messaging.ServiceBus;
        using Confluent.Kafka;
        public abstract class BackgroundService { protected abstract Task ExecuteAsync(CancellationToken stoppingToken); }
        public sealed class Workers(IAmazonSQS sqs, IConsumer<string, string> orders, ServiceBusClient bus) : BackgroundService
        {
            private readonly IConsumer<string, string> _orders = orders;
            private readonly HashSet<string> _processedIds = new();

            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    await sqs.ReceiveMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/shipments");
                }
            }

            public void ConsumeOrders(CancellationToken cancellationToken)
            {
                _orders.Subscribe("orders");
                try
                {
                    while (true)
                    {
                        try { _orders.Consume(cancellationToken); }
                        catch (OperationCanceledException) { break; }
                    }
                }
                catch (Exception) { }
            }

            public void ConsumePayments(IConsumer<string, string> payments, CancellationToken cancellationToken)
            {
                payments.Subscribe("payments");
                while (!cancellationToken.IsCancellationRequested)
                {
                    var result = payments.Consume(cancellationToken);
                    try { _processedIds.Add(result.ToString()); }
                    catch (InvalidOperationException) { }
                }
            }

            public void ConsumeRefunds(IConsumer<string, string> refunds, CancellationToken cancellationToken)
            {
                refunds.Subscribe("refunds");
                while (!cancellationToken.IsCancellationRequested)
                {
                    try { refunds.Consume(cancellationToken); }
                    catch (Exception exception) { Console.Error.WriteLine(exception); throw; }
                }
            }

            public void StartProcessors()
            {
                var processor = bus.CreateProcessor("billing.invoices");
                processor.ProcessMessageAsync += args => Task.CompletedTask;
                var telemetry = new EventProcessorClient(null!, "$Default", "Endpoint=sb://hub.example/", "telemetry");
                telemetry.ProcessEventAsync += OnTelemetry;
                var audit = new EventProcessorClient(null!, "$Default", "Endpoint=sb://hub.example/", "audit");
                audit.ProcessEventAsync += async e => { try { await OnTelemetry(e); } catch (Exception) { } };
            }

            private Task OnTelemetry(ProcessEventArgs e) => Task.CompletedTask;
        }
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Consumers_ShouldSayHowTheyHandleFailures_AndUnguardedLoopsAndEventProcessorsShouldBeWarnings(bool packagesResolve)
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new BrokerClientAnalyzer(), packagesResolve ? [Workers, BrokerStubs] : [Workers]);

        Assert.Equal(
            [
                "INV2006 queue:shipments none - a loop in the hosted service Workers",
                "INV2011 queue:shipments its loop (one failing message ends the loop)",
                "INV2006 topic:orders none - a loop in the hosted service Workers",
                "INV2011 topic:orders its loop (one failing message ends the loop)",
                "INV2006 topic:payments catches _processedIds a loop in the hosted service Workers",
                "INV2006 topic:refunds none - a loop in the hosted service Workers",
                "INV2011 topic:refunds its loop (one failing message ends the loop)",
                "INV2006 entity:billing.invoices library - -",
                "INV2006 hub:telemetry none - -",
                "INV2011 hub:telemetry its event handler (the processor does not handle them)",
                "INV2006 hub:audit catches - -",
            ],
            diagnostics.Select(d => d.Id == RuleIdentifiers.ConsumerUnhandledFailure
                ? $"{d.Id} {d.Properties[FindingProperties.Target]} {d.GetMessage().Split(" escape ")[1]}"
                : $"{d.Id} {d.Properties[FindingProperties.Target]} {d.Properties.GetValueOrDefault(FindingProperties.ErrorHandling)} {d.Properties.GetValueOrDefault(FindingProperties.Idempotency) ?? "-"} {d.Properties.GetValueOrDefault(FindingProperties.Polling) ?? "-"}"));
    }

    [Fact]
    public async Task SenderMadeInTheConstructor_ShouldNameTheChannelItWasMadeFor()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new BrokerClientAnalyzer(), """
            using Azure.Messaging.ServiceBus;
            public sealed class EventBusServiceBus
            {
                private readonly string _topicName = "eshop_event_bus";
                private readonly ServiceBusSender _sender;
                public EventBusServiceBus(ServiceBusClient client) { _sender = client.CreateSender(_topicName); }
                public void Publish(string json) => _sender.SendMessageAsync(new ServiceBusMessage(json)).GetAwaiter().GetResult();
            }
            """, BrokerStubs);

        Assert.Equal(
            ["INV2014 entity:eshop_event_bus", "INV2005 entity:eshop_event_bus"],
            diagnostics.Select(d => $"{d.Id} {d.Properties[FindingProperties.Target]}"));
    }

    private const string SettingsObjects = """
        using System.Threading.Tasks;
        using Azure.Messaging.ServiceBus;
        using Azure.Storage.Queues;
        namespace Contoso.Settings
        {
            public interface IAppSettings { BusSettings Bus { get; } }
            public class AppSettings : IAppSettings
            {
                public virtual BusSettings Bus { get; set; } = new BusSettings();
                public virtual MailSettings Mail { get; set; } = new MailSettings();
            }
            public class BusSettings
            {
                private string _ordersTopic;
                public string ConnectionString { get; set; }
                public string OrdersTopic { get => _ordersTopic; set => _ordersTopic = value?.Trim('"'); }
                public virtual string AuditTopic { get; set; } = "audit-events";
            }
            public class MailSettings { public string ConnectionString { get; set; } public string QueueName { get; set; } = "mail"; }
            public class Envelope { public string Queue { get; set; } }
        }
        namespace Contoso.Services
        {
            using Contoso.Settings;
            public sealed class OrderEvents
            {
                private readonly ServiceBusSender _orders;
                private readonly ServiceBusSender _audit;
                public OrderEvents(AppSettings appSettings, ServiceBusClient client)
                {
                    _orders = client.CreateSender(appSettings.Bus.OrdersTopic);
                    _audit = client.CreateSender(appSettings.Bus.AuditTopic);
                }
                public Task PublishAsync(string json) => _orders.SendMessageAsync(new ServiceBusMessage(json));
                public Task AuditAsync(string json) => _audit.SendMessageAsync(new ServiceBusMessage(json));
            }
            public sealed class MailQueue(IAppSettings settings, AppSettings concrete, Envelope envelope)
            {
                public Task EnqueueAsync(string json) => new QueueClient(concrete.Mail.ConnectionString, concrete.Mail.QueueName).SendMessageAsync(json);
                public Task EchoAsync(string json) => new QueueClient("UseDevelopmentStorage=true", envelope.Queue).SendMessageAsync(json);
                public ServiceBusSender Orders(ServiceBusClient client) => client.CreateSender(settings.Bus.OrdersTopic);
            }
        }
        """;

    [Fact]
    public async Task ChannelsNamedBySettingsObjects_ShouldNameTheSetting_OrTheDefaultItsClassDeclares()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new BrokerClientAnalyzer(), SettingsObjects, BrokerStubs);

        Assert.Equal(
            [
                "INV2014 entity:settings:AppSettings.Bus.OrdersTopic configuration settings:AppSettings.Bus.OrdersTopic -",
                "INV2014 entity:audit-events configuration settings:AppSettings.Bus.AuditTopic default in BusSettings=audit-events",
                "INV2005 entity:settings:AppSettings.Bus.OrdersTopic configuration settings:AppSettings.Bus.OrdersTopic -",
                "INV2005 entity:audit-events configuration settings:AppSettings.Bus.AuditTopic default in BusSettings=audit-events",
                "INV2005 queue:mail configuration settings:AppSettings.Mail.QueueName default in MailSettings=mail",
                "INV2014 queue:mail configuration settings:AppSettings.Mail.QueueName default in MailSettings=mail",
                "INV2005 queue:unresolved unresolved - -",
                "INV2014 queue:unresolved unresolved - -",
                "INV2014 entity:settings:AppSettings.Bus.OrdersTopic configuration settings:AppSettings.Bus.OrdersTopic -",
            ],
            diagnostics.Select(d => $"{d.Id} {d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.TargetSource]} {d.Properties.GetValueOrDefault(FindingProperties.ConfigKey) ?? "-"} {d.Properties.GetValueOrDefault(FindingProperties.ConfigValues) ?? "-"}"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SettingsObjectOfAProjectThatDidNotLoad_AndAClientMadeWhenTheServiceStarts_ShouldStillNameTheSetting(bool packagesResolve)
    {
        const string worker = """
            using System.Threading;
            using System.Threading.Tasks;
            using Azure.Storage.Queues;
            public sealed class EventsWorker
            {
                private readonly GlobalSettings _globalSettings;
                private readonly EventCache _cache;
                private QueueClient _queue;
                private QueueClient _lookalike;
                public EventsWorker(GlobalSettings globalSettings, EventCache cache) { _globalSettings = globalSettings; _cache = cache; }
                public async Task ExecuteAsync(CancellationToken cancellationToken)
                {
                    _queue = new QueueClient(_globalSettings.Events.ConnectionString, _globalSettings.Events.QueueName);
                    await _queue.ReceiveMessagesAsync();
                    _lookalike = new QueueClient("UseDevelopmentStorage=true", _cache.Events.QueueName);
                    await _lookalike.ReceiveMessagesAsync();
                }
            }
            """;

        var diagnostics = await AnalyzerRunner.RunAsync(new BrokerClientAnalyzer(), packagesResolve ? [worker, BrokerStubs] : [worker]);

        Assert.Equal(
            [
                "INV2014 queue:settings:GlobalSettings.Events.QueueName",
                "INV2006 queue:settings:GlobalSettings.Events.QueueName",
                "INV2014 queue:unresolved",
                "INV2006 queue:unresolved",
            ],
            diagnostics.Where(d => d.Id != RuleIdentifiers.ConsumerUnhandledFailure).Select(d => $"{d.Id} {d.Properties[FindingProperties.Target]}"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ClientsRegisteredByDIFactories_AndSendsThroughInjectedClients_ShouldRecordTheClientAndItsKey(bool packagesResolve)
    {
        const string services = """
            using System;
            using System.Threading.Tasks;
            using Azure.Storage.Queues;
            using Microsoft.Extensions.DependencyInjection;
            public static class Registrations
            {
                public static void Add(IServiceCollection services, QueueServiceClient queues, string cs)
                {
                    services.TryAddKeyedSingleton("notifications", (sp, _) => new QueueClient(cs, "notifications"));
                    services.AddSingleton(sp => queues.GetQueueClient("thumbnail-queue"));
                    services.AddSingleton(sp => { return new QueueClient(cs, "audit"); });
                    var local = new QueueClient(cs, "not-registered");
                    services.AddSingleton(sp => Wrap(new QueueClient(cs, "wrapped")));
                }
                private static object Wrap(QueueClient client) => client;
            }
            public sealed class PushEngine
            {
                private readonly QueueClient _queue;
                public PushEngine([FromKeyedServices("notifications")] QueueClient queue) { _queue = queue; }
                public Task PushAsync(string json) => _queue.SendMessageAsync(json);
            }
            public sealed class ThumbnailWorker(QueueClient queue)
            {
                public Task PollAsync() => queue.ReceiveMessagesAsync();
            }
            public sealed class PushListener(IServiceProvider provider)
            {
                public Task ListenAsync()
                {
                    var queue = provider.GetRequiredKeyedService<QueueClient>("notifications");
                    return queue.ReceiveMessagesAsync();
                }
            }
            public sealed class Lookalike
            {
                public Task SendAsync(Func<QueueClient> factory) => factory().SendMessageAsync("x");
            }
            """;
        const string diStubs = """
            namespace Microsoft.Extensions.DependencyInjection
            {
                using System;
                public interface IServiceCollection { }
                [AttributeUsage(AttributeTargets.Parameter)]
                public sealed class FromKeyedServicesAttribute(object key) : Attribute { }
                public static class ServiceCollectionExtensions
                {
                    public static void TryAddKeyedSingleton<T>(this IServiceCollection services, object key, Func<IServiceProvider, object, T> factory) { }
                    public static void AddSingleton<T>(this IServiceCollection services, Func<IServiceProvider, T> factory) { }
                    public static T GetRequiredKeyedService<T>(this IServiceProvider provider, object key) => default!;
                }
            }
            namespace Azure.Storage.Queues
            {
                public sealed class QueueServiceClient { public QueueClient GetQueueClient(string queueName) => null!; }
            }
            """;

        var diagnostics = await AnalyzerRunner.RunAsync(new BrokerClientAnalyzer(), packagesResolve ? [services, diStubs, BrokerStubs] : [services]);

        Assert.Equal(
            [
                "INV2014 queue:notifications QueueClient notifications",
                "INV2014 queue:thumbnail-queue QueueClient -",
                "INV2014 queue:audit QueueClient -",
                "INV2014 queue:not-registered - -",
                "INV2014 queue:wrapped - -",
                "INV2005 queue:unresolved QueueClient notifications",
                "INV2006 queue:unresolved QueueClient -",
                "INV2006 queue:unresolved QueueClient notifications",
                "INV2005 queue:unresolved - -",
            ],
            diagnostics.Select(d => $"{d.Id} {d.Properties[FindingProperties.Target]} {d.Properties.GetValueOrDefault(FindingProperties.BrokerClient) ?? "-"} {d.Properties.GetValueOrDefault(FindingProperties.ServiceKey) ?? "-"}"));
    }

    [Fact]
    public async Task SettingsObjects_WhenTheHostsConfigurationSetsTheSetting_ShouldTakeItsValue()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new BrokerClientAnalyzer(),
            [("/src/appsettings.json", """{ "appSettings": { "bus": { "ordersTopic": "orders-v2" } } }""")],
            SettingsObjects,
            BrokerStubs);

        Assert.Equal(
            ["entity:orders-v2 AppSettings:Bus:OrdersTopic appsettings.json=orders-v2"],
            diagnostics.Where(d => d.Id == RuleIdentifiers.BrokerPublish && d.Properties.GetValueOrDefault(FindingProperties.ConfigKey)?.EndsWith("OrdersTopic", StringComparison.Ordinal) == true)
                .Select(d => $"{d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.ConfigKey]} {d.Properties[FindingProperties.ConfigValues]}"));
    }
}
