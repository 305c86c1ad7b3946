using Microsoft.CodeAnalysis;
using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;
using VerifyCS = InventoryScanner.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<InventoryScanner.Analyzers.Rules.RabbitMqAnalyzer>;

namespace InventoryScanner.Analyzers.Tests.Rules;

public sealed class RabbitMqAnalyzerTests
{
    [Fact]
    public async Task PublishToNamedExchange_ShouldReportDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            [
                """
                using RabbitMQ.Client;
                class InvoicePublisher
                {
                    private const string Exchange = "billing";
                    void Publish(IModel channel, byte[] body) => {|#0:channel.BasicPublish(Exchange, "invoice.created", null, body)|};
                }
                """,
                Stubs.RabbitMq6,
            ],
            editorConfig: null,
            VerifyCS.Diagnostic(RuleIdentifiers.RabbitMqPublish).WithLocation(0).WithArguments("exchange 'billing' with routing key 'invoice.created'"));
    }

    [Fact]
    public async Task PublishToDefaultExchange_ShouldTargetTheQueueNamedByTheRoutingKey()
    {
        var diagnostic = await AnalyzerRunner.SingleAsync(new RabbitMqAnalyzer(), """
            using RabbitMQ.Client;
            class OrderPublisher
            {
                void Publish(IModel channel, byte[] body) => channel.BasicPublish(exchange: "", routingKey: "billing.orders", mandatory: false, basicProperties: null, body: body);
            }
            """, Stubs.RabbitMq6);

        Assert.Equal("queue:billing.orders", diagnostic.Properties[FindingProperties.Target]);
        Assert.Equal(string.Empty, diagnostic.Properties[FindingProperties.Exchange]);
        Assert.Equal("billing.orders", diagnostic.Properties[FindingProperties.RoutingKey]);
        Assert.Equal(FindingKinds.QueuePublish, diagnostic.Properties[FindingProperties.Kind]);
    }

    [Fact]
    public async Task ConsumeWithConstantQueue_ShouldReportDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            [
                """
                using RabbitMQ.Client;
                class OrderConsumer
                {
                    public const string Queue = "billing.orders";
                    void Start(IModel channel, IBasicConsumer consumer) => {|#0:channel.BasicConsume(Queue, false, consumer)|};
                }
                """,
                Stubs.RabbitMq6,
            ],
            editorConfig: null,
            VerifyCS.Diagnostic(RuleIdentifiers.RabbitMqConsume).WithLocation(0).WithArguments("queue 'billing.orders'"));
    }

    [Fact]
    public async Task Version7AsyncPublishAndConsume_ShouldReportDiagnostics()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            [
                """
                using System.Threading.Tasks;
                using RabbitMQ.Client;
                class Notifications
                {
                    async Task Run(IChannel channel, IAsyncBasicConsumer consumer, byte[] body)
                    {
                        await {|#0:channel.BasicPublishAsync("notifications", "email.send", body)|};
                        await {|#1:channel.BasicConsumeAsync("email.send", autoAck: true, consumer)|};
                    }
                }
                """,
                Stubs.RabbitMq7,
            ],
            editorConfig: null,
            VerifyCS.Diagnostic(RuleIdentifiers.RabbitMqPublish).WithLocation(0).WithArguments("exchange 'notifications' with routing key 'email.send'"),
            VerifyCS.Diagnostic(RuleIdentifiers.RabbitMqConsume).WithLocation(1).WithArguments("queue 'email.send'"),
            VerifyCS.Diagnostic(RuleIdentifiers.RabbitMqAutoAck).WithLocation(1).WithArguments("queue:email.send"));
    }

    [Fact]
    public async Task QueueBinding_ShouldReportTheExchangeAndRoutingKey()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            [
                """
                using System.Threading.Tasks;
                using RabbitMQ.Client;
                class Topology
                {
                    const string Exchange = "billing";
                    async Task Declare(IModel model, IChannel channel)
                    {
                        {|#0:model.QueueBind("invoices.crm", Exchange, "invoice.created", null)|};
                        await {|#1:channel.QueueBindAsync(queue: "invoices.audit", exchange: Exchange, routingKey: "invoice.*")|};
                    }
                }
                """,
                Stubs.RabbitMq6,
                Stubs.RabbitMq7,
            ],
            editorConfig: null,
            VerifyCS.Diagnostic(RuleIdentifiers.RabbitMqBinding).WithLocation(0).WithArguments("queue 'invoices.crm' to exchange 'billing' with routing key 'invoice.created'"),
            VerifyCS.Diagnostic(RuleIdentifiers.RabbitMqBinding).WithLocation(1).WithArguments("queue 'invoices.audit' to exchange 'billing' with routing key 'invoice.*'"));
    }

    [Fact]
    public async Task ConsumerThatAcknowledgesExplicitly_ShouldNotReportAutoAck()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new RabbitMqAnalyzer(), """
            using RabbitMQ.Client;
            class Careful
            {
                void Start(IModel channel, IBasicConsumer consumer, bool fromSettings)
                {
                    channel.BasicConsume("orders", autoAck: false, consumer);
                    channel.BasicConsume("audit", fromSettings, consumer);
                }
            }
            """, Stubs.RabbitMq6);

        Assert.DoesNotContain(diagnostics, d => d.Id == RuleIdentifiers.RabbitMqAutoAck);
        Assert.Equal(2, diagnostics.Length);
    }

    [Fact]
    public async Task PublishOnUnrelatedType_ShouldNotReportDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            [
                """
                class FakeBus
                {
                    public void BasicPublish(string exchange, string routingKey) { }
                    void Use() => BasicPublish("billing", "invoice.created");
                }
                """,
                Stubs.RabbitMq6,
            ],
            editorConfig: null);
    }

    [Fact]
    public async Task UnresolvedRabbitMqPackage_ShouldReportWithLowConfidence()
    {
        var all = await AnalyzerRunner.RunAsync(new RabbitMqAnalyzer(), """
            using RabbitMQ.Client;
            class LegacyConsumer
            {
                void Start(IConnection connection, IBasicConsumer consumer, byte[] body)
                {
                    var channel = connection.CreateModel();
                    channel.BasicConsume("legacy.events", true, consumer);
                    channel.BasicPublish("audit", "legacy.seen", null, body);
                }
            }
            """);
        var diagnostics = all.Where(d => d.Id != RuleIdentifiers.RabbitMqAutoAck);

        Assert.Collection(
            diagnostics,
            consume =>
            {
                Assert.Equal("queue:legacy.events", consume.Properties[FindingProperties.Target]);
                Assert.Equal(Confidence.Low, consume.Properties[FindingProperties.Confidence]);
            },
            publish =>
            {
                Assert.Equal("exchange:audit", publish.Properties[FindingProperties.Target]);
                Assert.Equal("legacy.seen", publish.Properties[FindingProperties.RoutingKey]);
                Assert.Equal(Confidence.Low, publish.Properties[FindingProperties.Confidence]);
            });
    }

    private const string Topology = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using RabbitMQ.Client;
        class Topology
        {
            private const string DeadLetters = "billing.dlx";

            void Declare6(IModel model)
            {
                model.ExchangeDeclare("billing", "topic", true, false, null);
                model.QueueDeclare("billing.orders", true, false, false, new Dictionary<string, object> { ["x-dead-letter-exchange"] = DeadLetters });
                var args = new Dictionary<string, object>();
                args.Add("x-dead-letter-exchange", "audit.dlx");
                model.QueueDeclare("audit.events", true, false, false, args);
                model.QueueDeclare("scratch", false, true, true, null);
            }

            async Task Declare7(IChannel channel)
            {
                await channel.ExchangeDeclareAsync(exchange: "payments", type: "fanout", durable: true);
                await channel.QueueDeclareAsync(queue: "payments.ledger", durable: true, exclusive: false, autoDelete: false,
                    arguments: new Dictionary<string, object> { { "x-dead-letter-exchange", "payments.dlx" }, { "x-message-ttl", 60000 } });
            }
        }
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Declarations_ShouldSayDurabilityExchangeTypeAndDeadLetterExchange(bool packageResolves)
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new RabbitMqAnalyzer(), packageResolves ? [Topology, Stubs.RabbitMq6, Stubs.RabbitMq7] : [Topology]);

        Assert.Equal(
            [
                "exchange:billing durable=true type=topic dlx=-",
                "queue:billing.orders durable=true type=- dlx=billing.dlx",
                "queue:audit.events durable=true type=- dlx=audit.dlx",
                "queue:scratch durable=false type=- dlx=-",
                "exchange:payments durable=true type=fanout dlx=-",
                "queue:payments.ledger durable=true type=- dlx=payments.dlx",
            ],
            diagnostics.Select(d =>
                $"{d.Properties[FindingProperties.Target]} durable={d.Properties.GetValueOrDefault(FindingProperties.Durable) ?? "-"} type={d.Properties.GetValueOrDefault(FindingProperties.ExchangeType) ?? "-"} dlx={d.Properties.GetValueOrDefault(FindingProperties.DeadLetterExchange) ?? "-"}"));
        Assert.All(diagnostics, d => Assert.Equal(RuleIdentifiers.RabbitMqDeclaration, d.Id));
        Assert.All(diagnostics, d => Assert.Equal(packageResolves ? Confidence.High : Confidence.Low, d.Properties[FindingProperties.Confidence]));
    }

    [Fact]
    public async Task ChannelsOfAWrapper_ShouldResolveThroughTheArgumentsItsConstructorIsCalledWith()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new RabbitMqAnalyzer(),
            [("/app/appsettings.json", """{ "Rabbit": { "Queue": "billing.orders" } }""")],
            """
            using RabbitMQ.Client;
            using Microsoft.Extensions.Configuration;
            public sealed class BusPublisher
            {
                private readonly string _exchange;
                public BusPublisher(string host, string exchange) { _exchange = exchange; }
                public BusPublisher(string exchange) : this("localhost", exchange) { }
                public void Publish(IModel channel, byte[] body) => channel.BasicPublish(_exchange, "invoice.created", null, body);
            }
            public sealed class BusConsumer(string queue)
            {
                public void Start(IModel channel, IBasicConsumer consumer) => channel.BasicConsume(queue, false, consumer);
            }
            public sealed class AuditConsumer
            {
                public AuditConsumer(string queue) { Queue = queue; }
                public string Queue { get; }
                public void Start(IModel channel, IBasicConsumer consumer) => channel.BasicConsume(Queue, false, consumer);
            }
            public static class Composition
            {
                public static void Wire(IConfiguration configuration)
                {
                    _ = new BusPublisher("billing");
                    _ = new BusConsumer(configuration["Rabbit:Queue"]!);
                    _ = new AuditConsumer("audit.a");
                    _ = new AuditConsumer("audit.b");
                }
            }
            """,
            Stubs.RabbitMq6,
            Stubs.Configuration);

        Assert.Equal(
            ["exchange:billing constant", "queue:billing.orders configuration", "queue:unresolved unresolved"],
            diagnostics.Where(d => d.Properties[FindingProperties.Kind] != FindingKinds.AntiPattern)
                .Select(d => $"{d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.TargetSource]}"));
    }
}

/// <summary>INV2002's handler facts: does the code wired to a consumer catch its failures, and check for duplicates?</summary>
public sealed class ConsumerHandlerFactsTests
{
    private const string Events = """
        namespace RabbitMQ.Client.Events
        {
            public sealed class BasicDeliverEventArgs { public string MessageId { get; set; } = ""; }
            public sealed class EventingBasicConsumer : RabbitMQ.Client.IBasicConsumer
            {
                public event System.EventHandler<BasicDeliverEventArgs>? Received;
            }
        }
        """;

    [Fact]
    public async Task ConsumerHandlers_ShouldSayWhetherTheyCatchFailures_AndWhetherTheyCheckForDuplicates()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new RabbitMqAnalyzer(), """
            using System;
            using RabbitMQ.Client;
            using RabbitMQ.Client.Events;
            class Consumers
            {
                private readonly System.Collections.Generic.HashSet<string> _processedIds = new();

                void Careful(IModel channel)
                {
                    var consumer = new EventingBasicConsumer();
                    consumer.Received += (sender, delivery) =>
                    {
                        try
                        {
                            if (!_processedIds.Add(delivery.MessageId)) return;
                            Handle(delivery);
                        }
                        catch (Exception)
                        {
                            Console.Error.WriteLine("parked");
                        }
                    };
                    channel.BasicConsume("orders.careful", false, consumer);
                }

                void Careless(IModel channel)
                {
                    var consumer = new EventingBasicConsumer();
                    consumer.Received += OnDelivery;
                    channel.BasicConsume("orders.careless", false, consumer);
                }

                void Unknown(IModel channel, IBasicConsumer consumer) => channel.BasicConsume("orders.elsewhere", false, consumer);

                void OnDelivery(object? sender, BasicDeliverEventArgs delivery) => Handle(delivery);

                void Handle(BasicDeliverEventArgs delivery) { }
            }
            """, Stubs.RabbitMq6, Events);

        Assert.Equal(
            [
                "queue:orders.careful catches _processedIds",
                "queue:orders.careless none -",
                "queue:orders.elsewhere - -",
            ],
            diagnostics.Where(d => d.Id == RuleIdentifiers.RabbitMqConsume).Select(d =>
                $"{d.Properties[FindingProperties.Target]} {d.Properties.GetValueOrDefault(FindingProperties.ErrorHandling) ?? "-"} {d.Properties.GetValueOrDefault(FindingProperties.Idempotency) ?? "-"}"));

        // INV2010 warns where failures escape the handler, and only there.
        var warning = Assert.Single(diagnostics, d => d.Id == RuleIdentifiers.RabbitMqUnhandledFailure);
        Assert.Equal("queue:orders.careless", warning.Properties[FindingProperties.Target]);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
    }

    [Fact]
    public async Task ChannelsOfAWrapper_ShouldResolveThroughABaseConstructor_AndACallAcrossAPieceOfTheText()
    {
        // The constructor calls are found by their keywords in the text, read in 16K pieces: one call's "new" sits across the
        // fourth piece's end, and look-alikes (renew, newQueue, a comment, a string) are not calls.
        const string prefix = """
            public static class Composition
            {
                public static string renew(string newQueue) => newQueue; // new ShipmentsConsumer("not.a.call")
                public const string Text = "new ShipmentsConsumer(\"not.a.call\")";
                public static object Wire() =>
            """;
        var composition = prefix + new string(' ', (64 * 1024) - 1 - prefix.Length) + "new ShipmentsConsumer(\"shipments.sent\");\n}\n";
        var diagnostics = await AnalyzerRunner.RunAsync(
            new RabbitMqAnalyzer(),
            """
            using RabbitMQ.Client;
            public class QueueConsumer
            {
                private readonly string _queue;
                public QueueConsumer(string queue) { _queue = queue; }
                public void Start(IModel channel, IBasicConsumer consumer) => channel.BasicConsume(_queue, false, consumer);
            }
            public sealed class OrdersConsumer : QueueConsumer
            {
                public OrdersConsumer() : base("orders.created") { }
            }
            public sealed class ShipmentsConsumer
            {
                private readonly string _queue;
                public ShipmentsConsumer(string queue) { _queue = queue; }
                public void Start(IModel channel, IBasicConsumer consumer) => channel.BasicConsume(_queue, false, consumer);
            }
            """,
            composition,
            Stubs.RabbitMq6);

        Assert.Equal(
            ["queue:orders.created constant", "queue:shipments.sent constant"],
            diagnostics.Where(d => d.Properties[FindingProperties.Kind] != FindingKinds.AntiPattern)
                .Select(d => $"{d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.TargetSource]}")
                .Order(StringComparer.Ordinal));
    }
}
