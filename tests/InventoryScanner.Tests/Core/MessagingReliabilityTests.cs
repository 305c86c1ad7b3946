using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;
using static InventoryScanner.Tests.Builders;

namespace InventoryScanner.Tests.Core;

/// <summary>The per-endpoint reliability picture: each channel end's own facts joined with its component's settings and its library's defaults.</summary>
public sealed class MessagingReliabilityTests
{
    private static Finding With(Finding finding, params (string Key, string Value)[] details)
    {
        finding.Details = details.ToDictionary(d => d.Key, d => d.Value);
        return finding;
    }

    private static Finding Rule(string ruleId, string component, string kind, string target, string library, int line, string? symbol = null) =>
        Finding(component, kind, target, library, line: line, ruleId: ruleId, symbol: symbol ?? $"M:{component}.Run{line}");

    private static string Describe(MessagingEndpoint endpoint, IReadOnlyList<Finding> findings)
    {
        string Rules(IEnumerable<string> ids) => string.Join("+", ids.Select(id => findings.Single(f => f.Fingerprint == id).RuleId));
        return $"{endpoint.Component} {endpoint.Role} {endpoint.Channel}: "
            + string.Join("; ", endpoint.Facts.Select(f => f.Findings.Count == 0 ? $"{f.Name}={f.Value}" : $"{f.Name}={f.Value} [{Rules(f.Findings)}]"))
            + (endpoint.Risks.Count == 0 ? "" : " | " + endpoint.Risks.Count + " risk(s)");
    }

    [Fact]
    public void Endpoints_ShouldJoinTheirOwnFactsWithTheirComponentsSettings_AndLibraryDefaults_WithEvidence()
    {
        var findings = new List<Finding>
        {
            // A raw RabbitMQ consumer with auto-ack and a handler that lets failures escape; its component publishes with confirms.
            With(Rule("INV2002", "Billing", FindingKinds.QueueConsume, "queue:orders", "RabbitMQ.Client", 10), (FindingProperties.ErrorHandling, "none")),
            Rule("INV2003", "Billing", FindingKinds.AntiPattern, "queue:orders", "RabbitMQ.Client", 10),
            Rule("INV2010", "Billing", FindingKinds.AntiPattern, "queue:orders", "RabbitMQ.Client", 10),
            Rule("INV2001", "Billing", FindingKinds.QueuePublish, "exchange:invoices", "RabbitMQ.Client", 20),
            Rule("INV2009", "Billing", FindingKinds.MessagingReliability, "publisher-confirms", "RabbitMQ.Client", 21),
            Rule("INV2009", "Billing", FindingKinds.MessagingReliability, "dead-letter", "RabbitMQ.Client", 22),

            // A MassTransit consumer with a retry policy and a duplicate check, on a receive endpoint; a Service Bus processor on library defaults.
            With(Rule("INV2008", "Shipping", FindingKinds.QueueConsume, "message:Shipped", "MassTransit", 30), (FindingProperties.ErrorHandling, "library"), (FindingProperties.Idempotency, "_processed"), (FindingProperties.Handler, "ShippedConsumer")),
            With(Rule("INV2013", "Shipping", FindingKinds.QueueDeclaration, "queue:shipping", "MassTransit", 33), (FindingProperties.Handler, "AuditConsumer, ShippedConsumer")),
            Rule("INV2009", "Shipping", FindingKinds.MessagingReliability, "retry", "MassTransit", 31),
            Rule("INV2009", "Shipping", FindingKinds.MessagingReliability, "retry", "Polly", 32),
            With(Rule("INV2006", "Shipping", FindingKinds.QueueConsume, "entity:returns", "Azure.Messaging.ServiceBus", 40), (FindingProperties.ErrorHandling, "library")),

            // A home-grown bus: one event saved to an outbox, one published directly; a Kafka producer with idempotence.
            With(Rule("INV2007", "Ordering", FindingKinds.QueuePublish, "message:OrderStarted", "event bus (by shape)", 50), (FindingProperties.Outbox, "IOrderingIntegrationEventService")),
            Rule("INV2007", "Ordering", FindingKinds.QueuePublish, "message:OrderPaid", "event bus (by shape)", 51),
            Rule("INV2005", "Ordering", FindingKinds.QueuePublish, "topic:audit", "Confluent.Kafka", 52),
            Rule("INV2009", "Ordering", FindingKinds.MessagingReliability, "idempotent-producer", "Confluent.Kafka", 53),
            Rule("INV2006", "Ordering", FindingKinds.QueueConsume, "topic:payments", "Confluent.Kafka", 54),
        };
        var inventory = Inventory([Component("Billing"), Component("Shipping"), Component("Ordering")], findings);

        Assert.Equal(
            [
                "Billing consumer queue:orders: acknowledgement=automatic [INV2003]; errorHandling=none [INV2002+INV2010]; retry=none found; deadLetter=configured [INV2009]; idempotency=none found | 2 risk(s)",
                "Billing publisher exchange:invoices: publisherConfirms=configured [INV2009]; outbox=none found",
                "Ordering consumer topic:payments: errorHandling=unknown: the handler is not in the scanned code [INV2006]; retry=none found; deadLetter=none found; idempotency=none found | 1 risk(s)",
                "Ordering publisher message:OrderPaid: outbox=none found",
                "Ordering publisher message:OrderStarted: outbox=saved to IOrderingIntegrationEventService, published later [INV2007]",
                "Ordering publisher topic:audit: idempotentProducer=configured [INV2009]; outbox=none found",
                "Shipping consumer entity:returns: errorHandling=library [INV2006]; retry=library default: redelivered up to the entity's max delivery count; deadLetter=library default: the entity's dead-letter sub-queue; idempotency=none found",
                "Shipping consumer message:Shipped: errorHandling=library [INV2008]; retry=configured [INV2009]; deadLetter=library default: faulted messages move to the endpoint's _error queue; receiveEndpoint=queue:shipping [INV2013]; idempotency=checked (_processed) [INV2008]",
            ],
            inventory.Messaging.Select(e => Describe(e, findings)));

        var billing = inventory.Messaging.First();
        Assert.Equal(
            ["messages are acknowledged on delivery: a failure loses the message", "failures escape the handler"],
            billing.Risks);
        Assert.Equal(findings[0].Fingerprint, billing.Finding);
    }

    [Fact]
    public void RabbitMqConsumers_ShouldReadDeadLetteringAndDurabilityFromTheirQueuesDeclaration_WhereverItIs()
    {
        var findings = new List<Finding>
        {
            With(Rule("INV2002", "Billing", FindingKinds.QueueConsume, "queue:orders", "RabbitMQ.Client", 10), (FindingProperties.ErrorHandling, "catches")),
            With(Rule("INV2012", "Ordering", FindingKinds.QueueDeclaration, "queue:orders", "RabbitMQ.Client", 5), (FindingProperties.Durable, "true"), (FindingProperties.DeadLetterExchange, "orders.dlx")),
            With(Rule("INV2002", "Billing", FindingKinds.QueueConsume, "queue:scratch", "RabbitMQ.Client", 20), (FindingProperties.ErrorHandling, "catches")),
            With(Rule("INV2012", "Billing", FindingKinds.QueueDeclaration, "queue:scratch", "RabbitMQ.Client", 19), (FindingProperties.Durable, "false")),
        };
        var inventory = Inventory([Component("Billing"), Component("Ordering")], findings);

        Assert.Equal(
            [
                "Billing consumer queue:orders: acknowledgement=manual [INV2002]; errorHandling=catches [INV2002]; retry=none found; deadLetter=configured (x-dead-letter-exchange orders.dlx) [INV2012]; durable=true [INV2012]; idempotency=none found",
                "Billing consumer queue:scratch: acknowledgement=manual [INV2002]; errorHandling=catches [INV2002]; retry=none found; deadLetter=none found; durable=false [INV2012]; idempotency=none found | 2 risk(s)",
            ],
            inventory.Messaging.Select(e => Describe(e, findings)));
        Assert.Contains("the queue is not durable: a broker restart loses it and its messages", inventory.Messaging[1].Risks);
    }

    [Fact]
    public void AHandlerClassAndItsSubscriptionInOneComponent_ShouldBeOneConsumer()
    {
        // The subscription comes first in the scan; the class is where the handler's facts were read, so it stands for both.
        var handlerClass = With(
            Rule("INV2008", "Ordering", FindingKinds.QueueConsume, "message:OrderPaid", "event bus (by shape)", 3, symbol: "T:Ordering.OrderPaidHandler"),
            (FindingProperties.Handler, "OrderPaidHandler"),
            (FindingProperties.ErrorHandling, "none"));
        var findings = new List<Finding>
        {
            With(Rule("INV2008", "Ordering", FindingKinds.QueueConsume, "message:OrderPaid", "event bus (by shape)", 40), (FindingProperties.Handler, "OrderPaidHandler"), (FindingProperties.ErrorHandling, "none")),
            handlerClass,
            With(Rule("INV2008", "Ordering", FindingKinds.QueueConsume, "message:OrderPaid", "event bus (by shape)", 41), (FindingProperties.Handler, "AuditHandler")),
            With(Rule("INV2008", "Ordering", FindingKinds.QueueConsume, "message:OrderPaid", "event bus (by shape)", 42), (FindingProperties.Handler, "IIntegrationEventHandler")),
        };
        var inventory = Inventory([Component("Ordering")], findings);

        // The subscription by interface adds nothing to the handler class; another handler class is another consumer.
        Assert.Equal(2, inventory.Messaging.Count);
        Assert.Contains(inventory.Messaging, e => e.Finding == handlerClass.Fingerprint);
    }

    [Fact]
    public void AnInventoryWithoutBrokers_ShouldHaveNoMessagingEndpoints()
    {
        var inventory = Inventory([Component("Web")], [Finding("Web", FindingKinds.HttpClient, "https://partner.example/api")]);

        Assert.Empty(inventory.Messaging);
    }
}
