using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Rules
{
    /// <summary>
    /// Inventory fact: where a component makes its messaging reliable — retries and redelivery, dead-lettering,
    /// publisher confirms, outboxes, idempotent producers, circuit breakers. The maturity model reads these facts per
    /// component; each one points at the line that configures it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerWords("Retry", "Redelivery", "Outbox", "Recoverability", "Confirm", "DeadLetter", "dead-letter", "EnableIdempotence", "CircuitBreaker", "KillSwitch", "BasicNack", "BasicReject")]
    public sealed class MessagingReliabilityAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIdentifiers.MessagingReliability,
            title: "Messaging reliability setting",
            messageFormat: "{0}: {1} ({2})",
            category: RuleCategories.Messaging,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A retry, redelivery, dead-letter, publisher-confirm, outbox, idempotence or circuit-breaker setting of a messaging library. Reported as an inventory fact for the maturity model.");

        /// <summary>Members that configure reliability: (member, namespace prefix of its declaring type, library, fact).</summary>
        private static readonly ImmutableArray<(string Member, string Namespace, string Library, string Fact)> Members = ImmutableArray.Create(
            ("UseMessageRetry", "MassTransit", "MassTransit", "retry"),
            ("UseRetry", "MassTransit", "MassTransit", "retry"),
            ("UseDelayedRedelivery", "MassTransit", "MassTransit", "redelivery"),
            ("UseScheduledRedelivery", "MassTransit", "MassTransit", "redelivery"),
            ("UseInMemoryOutbox", "MassTransit", "MassTransit", "outbox"),
            ("AddEntityFrameworkOutbox", "MassTransit", "MassTransit", "outbox"),
            ("UseEntityFrameworkOutbox", "MassTransit", "MassTransit", "outbox"),
            ("AddMongoDbOutbox", "MassTransit", "MassTransit", "outbox"),
            ("UseKillSwitch", "MassTransit", "MassTransit", "circuit-breaker"),
            ("UseCircuitBreaker", "MassTransit", "MassTransit", "circuit-breaker"),
            ("Recoverability", "NServiceBus", "NServiceBus", "retry"),
            ("EnableOutbox", "NServiceBus", "NServiceBus", "outbox"),
            ("ConfirmSelect", "RabbitMQ.Client", "RabbitMQ.Client", "publisher-confirms"),
            ("ConfirmSelectAsync", "RabbitMQ.Client", "RabbitMQ.Client", "publisher-confirms"),
            ("WaitForConfirms", "RabbitMQ.Client", "RabbitMQ.Client", "publisher-confirms"),
            ("WaitForConfirmsOrDie", "RabbitMQ.Client", "RabbitMQ.Client", "publisher-confirms"),
            ("BasicNack", "RabbitMQ.Client", "RabbitMQ.Client", "negative-acknowledgement"),
            ("BasicNackAsync", "RabbitMQ.Client", "RabbitMQ.Client", "negative-acknowledgement"),
            ("BasicReject", "RabbitMQ.Client", "RabbitMQ.Client", "negative-acknowledgement"),
            ("BasicRejectAsync", "RabbitMQ.Client", "RabbitMQ.Client", "negative-acknowledgement"),
            ("DeadLetterMessageAsync", "Azure.Messaging.ServiceBus", "Azure.Messaging.ServiceBus", "dead-letter"),
            ("AbandonMessageAsync", "Azure.Messaging.ServiceBus", "Azure.Messaging.ServiceBus", "negative-acknowledgement"));

        /// <summary>Settings assigned in object initializers or properties: (property, library, fact, required value or null for any).</summary>
        private static readonly ImmutableArray<(string Property, string Namespace, string Library, string Fact, string? Value)> Settings = ImmutableArray.Create(
            ("EnableIdempotence", "Confluent.Kafka", "Confluent.Kafka", "idempotent-producer", "true"),
            ("RetryOptions", "Azure.Messaging.ServiceBus", "Azure.Messaging.ServiceBus", "retry", null),
            ("MaxAutoLockRenewalDuration", "Azure.Messaging.ServiceBus", "Azure.Messaging.ServiceBus", "lock-renewal", null));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation, OperationKind.Invalid);
            context.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
            context.RegisterOperationAction(AnalyzeLiteral, OperationKind.Literal);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context)
        {
            if (context.Operation.Syntax is not InvocationExpressionSyntax invocation)
            {
                return;
            }

            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax { Name: var member } => member.Identifier.ValueText,
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                _ => null,
            };
            if (name is null)
            {
                return;
            }

            foreach (var (member, ns, library, fact) in Members)
            {
                if (member != name)
                {
                    continue;
                }

                // Bound, the member must be the library's; unbound (the package is missing), its name is all there is.
                if (context.Operation is IInvocationOperation bound)
                {
                    var declaring = bound.TargetMethod.ContainingType?.ContainingNamespace?.ToDisplayString() ?? string.Empty;
                    if (!declaring.StartsWith(ns, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    Report(context, library, fact, member, Confidence.High);
                }
                else if (member is not ("UseRetry" or "UseCircuitBreaker"))
                {
                    // Polly has members of these two names: unbound, they say nothing about which library it is.
                    Report(context, library, fact, member, Confidence.Low);
                }

                return;
            }
        }

        /// <summary>new ProducerConfig { EnableIdempotence = true }, processorOptions.RetryOptions = …</summary>
        private static void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation property)
            {
                return;
            }

            foreach (var (name, ns, library, fact, value) in Settings)
            {
                if (property.Property.Name == name
                    && (property.Property.ContainingType?.ContainingNamespace?.ToDisplayString() ?? string.Empty).StartsWith(ns, StringComparison.Ordinal)
                    && (value is null || string.Equals(CallSite.Unwrap(assignment.Value)?.ConstantValue.Value?.ToString(), value, StringComparison.OrdinalIgnoreCase)))
                {
                    Report(context, library, fact, name, Confidence.High);
                    return;
                }
            }
        }

        /// <summary>RabbitMQ dead-lettering is a queue argument: "x-dead-letter-exchange".</summary>
        private static void AnalyzeLiteral(OperationAnalysisContext context)
        {
            if (context.Operation.ConstantValue.Value is "x-dead-letter-exchange")
            {
                Report(context, "RabbitMQ.Client", "dead-letter", "x-dead-letter-exchange", Confidence.Medium);
            }
        }

        private static void Report(OperationAnalysisContext context, string library, string fact, string evidence, string confidence)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(FindingProperties.Kind, FindingKinds.MessagingReliability);
            properties.Add(FindingProperties.Library, library);
            properties.Add(FindingProperties.Target, fact);
            properties.Add(FindingProperties.Confidence, confidence);
            properties.Add(FindingProperties.ConfidenceReason, confidence == Confidence.Low ? library + " did not resolve; recognised by name" : null);
            properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId() + "#" + fact);
            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), properties.ToImmutable(), library, fact, evidence));
        }
    }
}
