using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;

namespace InventoryScanner.Analyzers.Tests.Rules;

public sealed class MessagingReliabilityAnalyzerTests
{
    private const string Code = """
        using System;
        using System.Collections.Generic;
        using MassTransit;
        class Setup
        {
            void Configure(MassTransit.IReceiveEndpointConfigurator endpoint, RabbitMQ.Client.IModel channel, Polly.Policy policy)
            {
                endpoint.UseMessageRetry(r => { });
                endpoint.UseInMemoryOutbox();
                channel.ConfirmSelect();
                channel.QueueDeclare("orders", true, false, false, new Dictionary<string, object> { ["x-dead-letter-exchange"] = "orders.dlx" });
                var producer = new Confluent.Kafka.ProducerConfig { EnableIdempotence = true };
                policy.UseRetry();
            }
        }
        """;

    private const string Stubs = """
        namespace MassTransit
        {
            public interface IReceiveEndpointConfigurator { }
            public static class RetryExtensions { public static void UseMessageRetry(this IReceiveEndpointConfigurator c, System.Action<object> configure) { } }
            public static class OutboxExtensions { public static void UseInMemoryOutbox(this IReceiveEndpointConfigurator c) { } }
        }
        namespace RabbitMQ.Client
        {
            public interface IModel { void ConfirmSelect(); void QueueDeclare(string queue, bool durable, bool exclusive, bool autoDelete, System.Collections.Generic.IDictionary<string, object> arguments); }
        }
        namespace Confluent.Kafka { public sealed class ProducerConfig { public bool? EnableIdempotence { get; set; } } }
        namespace Polly { public sealed class Policy { public void UseRetry() { } } }
        """;

    private static async Task<List<string>> FactsAsync(params string[] sources) =>
        (await AnalyzerRunner.RunAsync(new MessagingReliabilityAnalyzer(), sources))
            .Select(d => $"{d.Properties[FindingProperties.Library]} {d.Properties[FindingProperties.Target]} ({d.Properties[FindingProperties.Confidence]})")
            .ToList();

    [Fact]
    public async Task ReliabilitySettings_ShouldBeReported_AndAnotherLibrarysNamesakeShouldNot()
    {
        Assert.Equal(
            [
                "MassTransit retry (high)",
                "MassTransit outbox (high)",
                "RabbitMQ.Client publisher-confirms (high)",
                "RabbitMQ.Client dead-letter (medium)",
                "Confluent.Kafka idempotent-producer (high)",
            ],
            await FactsAsync(Code, Stubs));
    }

    [Fact]
    public async Task ReliabilitySettings_WhenTheLibrariesDoNotResolve_ShouldStillBeFoundByTheirDistinctiveNames()
    {
        Assert.Equal(
            [
                "MassTransit retry (low)",
                "MassTransit outbox (low)",
                "RabbitMQ.Client publisher-confirms (low)",
                "RabbitMQ.Client dead-letter (medium)",
            ],
            await FactsAsync(Code));
    }
}
