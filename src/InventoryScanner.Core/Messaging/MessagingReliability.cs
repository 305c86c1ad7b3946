using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Messaging;

/// <summary>
/// The reliability picture of every publisher and consumer: for each channel end, what its own finding says (how the
/// handler treats failures, a duplicate check, automatic acknowledgement) joined with what its component configures for
/// the same library (INV2009: retries, dead-lettering, publisher confirms, outboxes) and with what the library does by
/// default. Every fact names the findings behind it; the risky combinations are listed as risks. This is the input of
/// the maturity model: a baseline of how each integration behaves when a message fails.
/// </summary>
public static class MessagingReliability
{
    /// <summary>A fact the scan did not find anywhere: not proof of absence, but nothing in the scanned code says so.</summary>
    public const string NoneFound = "none found";

    public const string Configured = "configured";

    /// <summary>What each library does when a handler fails, without any configuration.</summary>
    private static readonly Dictionary<string, (string? Retry, string? DeadLetter)> LibraryDefaults = new(StringComparer.Ordinal)
    {
        ["MassTransit"] = (null, "library default: faulted messages move to the endpoint's _error queue"),
        ["NServiceBus"] = ("library default: immediate and delayed retries", "library default: failed messages move to the error queue"),
        ["Azure.Messaging.ServiceBus"] = ("library default: redelivered up to the entity's max delivery count", "library default: the entity's dead-letter sub-queue"),
    };

    public static IReadOnlyList<MessagingEndpoint> Build(IReadOnlyList<Finding> findings)
    {
        var settings = findings
            .Where(f => f.Kind == FindingKinds.MessagingReliability)
            .GroupBy(f => f.Component, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var warnings = findings
            .Where(f => f.Kind == FindingKinds.AntiPattern)
            .ToLookup(f => (f.Path, f.Line), f => f);

        // A queue is declared once, often by another component than its consumer (or by both): any declaration says.
        var declarations = findings
            .Where(f => f.Kind == FindingKinds.QueueDeclaration)
            .ToLookup(f => (f.Library, f.Target), f => f);

        var endpoints = new List<MessagingEndpoint>();
        var handled = new HashSet<(string Component, string Channel, string Handler)>();
        foreach (var finding in findings.OrderBy(HandlerFirst))
        {
            if (finding.Kind is not (FindingKinds.QueuePublish or FindingKinds.QueueConsume))
            {
                continue;
            }

            // A bus handler class and the subscription that wires it in the same component are one consumer; so is a
            // subscription that names only the handler's interface (Subscribe<OrderPaid, IIntegrationEventHandler<OrderPaid>>).
            if (finding.Kind == FindingKinds.QueueConsume && Detail(finding, FindingProperties.Handler) is { } handler
                && (!handled.Add((finding.Component, finding.Target, handler))
                    || (IsInterfaceName(handler) && handled.Any(h => h.Component == finding.Component && h.Channel == finding.Target && h.Handler != handler))))
            {
                continue;
            }

            var own = settings.TryGetValue(finding.Component, out var list) ? list.Where(s => Applies(s, finding)).ToList() : [];
            var atCall = warnings[(finding.Path, finding.Line)].ToList();
            var declared = declarations[(finding.Library, finding.Target)].ToList();

            // A bus consumer's queue is the receive endpoint its class is configured on (MassTransit's ReceiveEndpoint).
            if (Detail(finding, FindingProperties.Handler) is { } consumerClass && finding.Library == "MassTransit")
            {
                declared.AddRange(findings.Where(d => d.Kind == FindingKinds.QueueDeclaration && d.Library == finding.Library && d.Component == finding.Component
                    && (Detail(d, FindingProperties.Handler) ?? string.Empty).Split(", ").Contains(consumerClass, StringComparer.Ordinal)));
            }

            var facts = finding.Kind == FindingKinds.QueueConsume ? ConsumerFacts(finding, own, atCall, declared) : PublisherFacts(finding, own);
            endpoints.Add(new MessagingEndpoint(
                finding.Component,
                finding.Kind == FindingKinds.QueueConsume ? "consumer" : "publisher",
                finding.Library,
                finding.Target,
                finding.Fingerprint,
                facts,
                Risks(finding, facts)));
        }

        return endpoints
            .OrderBy(e => e.Component, StringComparer.Ordinal)
            .ThenBy(e => e.Role, StringComparer.Ordinal)
            .ThenBy(e => e.Channel, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary><c>IIntegrationEventHandler</c>: a subscription that names the handler's interface, not a handler.</summary>
    private static bool IsInterfaceName(string name) => name.Length > 2 && name[0] == 'I' && char.IsUpper(name[1]);

    /// <summary>The handler class's own finding before a subscription's: it is where the handler's facts were read.</summary>
    private static int HandlerFirst(Finding finding) =>
        finding.Symbol is { } symbol && symbol.StartsWith("T:", StringComparison.Ordinal) ? 0 : 1;

    /// <summary>
    /// A component's setting applies to its channel ends of the same library. A home-grown bus wraps a broker of the same
    /// component, so every setting of the component applies to it.
    /// </summary>
    private static bool Applies(Finding setting, Finding endpoint) =>
        setting.Library == endpoint.Library || endpoint.Library.StartsWith("event bus", StringComparison.Ordinal);

    private static List<ReliabilityFact> ConsumerFacts(Finding consumer, List<Finding> settings, List<Finding> warnings, List<Finding> declarations)
    {
        var facts = new List<ReliabilityFact>();
        if (consumer.Library == "RabbitMQ.Client")
        {
            var autoAck = warnings.Where(w => w.RuleId == RuleIdentifiers.RabbitMqAutoAck).ToList();
            facts.Add(autoAck.Count > 0
                ? new ReliabilityFact("acknowledgement", "automatic", Ids(autoAck))
                : new ReliabilityFact("acknowledgement", "manual", [consumer.Fingerprint]));
        }

        var unhandled = warnings.Where(w => w.RuleId is RuleIdentifiers.RabbitMqUnhandledFailure or RuleIdentifiers.ConsumerUnhandledFailure).ToList();
        facts.Add(Detail(consumer, FindingProperties.ErrorHandling) is { } handling
            ? new ReliabilityFact("errorHandling", handling, [consumer.Fingerprint, .. Ids(unhandled)])
            : new ReliabilityFact("errorHandling", "unknown: the handler is not in the scanned code", [consumer.Fingerprint]));

        LibraryDefaults.TryGetValue(consumer.Library, out var defaults);
        facts.Add(Setting("retry", settings, ["retry", "redelivery"], defaults.Retry));

        // The queue's own declaration is the best evidence of dead-lettering: x-dead-letter-exchange on that queue.
        var deadLettered = declarations.Where(d => Detail(d, FindingProperties.DeadLetterExchange) is not null).ToList();
        facts.Add(deadLettered.Count > 0
            ? new ReliabilityFact("deadLetter", Configured + " (x-dead-letter-exchange " + Detail(deadLettered[0], FindingProperties.DeadLetterExchange) + ")", Ids(deadLettered))
            : Setting("deadLetter", settings, ["dead-letter"], defaults.DeadLetter));
        var endpoint = declarations.Where(d => d.Library == "MassTransit").ToList();
        if (endpoint.Count > 0)
        {
            facts.Add(new ReliabilityFact("receiveEndpoint", string.Join(", ", endpoint.Select(d => d.Target).Distinct(StringComparer.Ordinal)), Ids(endpoint)));
        }

        if (declarations.Any(d => d.Library == "RabbitMQ.Client"))
        {
            var queues = declarations.Where(d => d.Library == "RabbitMQ.Client").ToList();
            var durable = queues.Select(d => Detail(d, FindingProperties.Durable)).FirstOrDefault(d => d is not null);
            facts.Add(new ReliabilityFact("durable", durable ?? "unknown: the declaration does not say", Ids(queues)));
        }

        var outbox = settings.Where(s => s.Target == "outbox").ToList();
        facts.Add(Detail(consumer, FindingProperties.Idempotency) is { } member
            ? new ReliabilityFact("idempotency", "checked (" + member + ")", [consumer.Fingerprint])
            : outbox.Count > 0 ? new ReliabilityFact("idempotency", "outbox/inbox " + Configured, Ids(outbox))
            : new ReliabilityFact("idempotency", NoneFound, []));
        return facts;
    }

    private static List<ReliabilityFact> PublisherFacts(Finding publisher, List<Finding> settings)
    {
        var facts = new List<ReliabilityFact>();
        if (publisher.Library == "RabbitMQ.Client")
        {
            facts.Add(Setting("publisherConfirms", settings, ["publisher-confirms"], null));
        }

        if (publisher.Library == "Confluent.Kafka")
        {
            facts.Add(Setting("idempotentProducer", settings, ["idempotent-producer"], null));
        }

        facts.Add(Detail(publisher, FindingProperties.Outbox) is { } outbox
            ? new ReliabilityFact("outbox", "saved to " + outbox + ", published later", [publisher.Fingerprint])
            : Setting("outbox", settings, ["outbox"], null));
        return facts;
    }

    /// <summary>A component-wide setting: configured (with its findings), else the library's default, else none found.</summary>
    private static ReliabilityFact Setting(string name, List<Finding> settings, string[] kinds, string? libraryDefault)
    {
        var found = settings.Where(s => kinds.Contains(s.Target, StringComparer.Ordinal)).ToList();
        return found.Count > 0 ? new ReliabilityFact(name, Configured, Ids(found))
            : libraryDefault is not null ? new ReliabilityFact(name, libraryDefault, [])
            : new ReliabilityFact(name, NoneFound, []);
    }

    private static List<string> Risks(Finding endpoint, List<ReliabilityFact> facts)
    {
        string? Value(string name) => facts.FirstOrDefault(f => f.Name == name)?.Value;
        var risks = new List<string>();
        if (Value("acknowledgement") == "automatic")
        {
            risks.Add("messages are acknowledged on delivery: a failure loses the message");
        }

        if (Value("errorHandling") == "none")
        {
            risks.Add("failures escape the handler");
        }

        if (endpoint.Kind == FindingKinds.QueueConsume && Value("deadLetter") == NoneFound)
        {
            risks.Add("no dead-lettering found: a message that always fails has nowhere to go");
        }

        if (Value("durable") == "false")
        {
            risks.Add("the queue is not durable: a broker restart loses it and its messages");
        }

        if (Value("publisherConfirms") == NoneFound)
        {
            risks.Add("no publisher confirms: a message the broker drops is never known");
        }

        return risks;
    }

    private static string? Detail(Finding finding, string key) =>
        finding.Details is not null && finding.Details.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private static List<string> Ids(IEnumerable<Finding> findings) => findings.Select(f => f.Fingerprint).Distinct(StringComparer.Ordinal).ToList();
}
