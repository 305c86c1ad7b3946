using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using InventoryScanner.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InventoryScanner.Analyzers.Messaging
{
    /// <summary>
    /// The registrations <see cref="MessageBusAnalyzer"/> reads as consumers: MassTransit's <c>AddConsumer&lt;T&gt;()</c>
    /// and <c>ReceiveEndpoint(queue, e =&gt; e.ConfigureConsumer&lt;T&gt;(…))</c>, and a home-grown bus's
    /// <c>Subscribe&lt;TEvent, THandler&gt;()</c>. Each places the consumer in the component that registers it, wherever
    /// the handler class is declared.
    /// </summary>
    internal static class BusRegistrations
    {
        /// <summary>The type arguments of a generic call, read from its syntax (bound or not): <c>AddConsumer&lt;T&gt;()</c>.</summary>
        private static IReadOnlyList<INamedTypeSymbol> TypeArguments(SyntaxNode syntax, SemanticModel? model, CancellationToken cancellationToken)
        {
            var name = syntax switch
            {
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax member } } => member,
                InvocationExpressionSyntax { Expression: GenericNameSyntax member } => member,
                _ => null,
            };
            if (name is null || model is null)
            {
                return Array.Empty<INamedTypeSymbol>();
            }

            return name.TypeArgumentList.Arguments.Select(a => model.GetTypeInfo(a, cancellationToken).Type).OfType<INamedTypeSymbol>().ToList();
        }

        /// <summary>The messages a MassTransit consumer class consumes: the T of each IConsumer&lt;T&gt; it implements.</summary>
        private static IEnumerable<INamedTypeSymbol> ConsumedMessages(INamedTypeSymbol consumer)
        {
            var candidates = consumer.AllInterfaces.AsEnumerable();
            if (consumer.BaseType is IErrorTypeSymbol unresolvedBase)
            {
                candidates = candidates.Prepend(unresolvedBase);
            }

            return candidates
                .Where(i => i.Name == "IConsumer" && i.TypeArguments.Length == 1 && i.TypeArguments[0] is INamedTypeSymbol)
                .Select(i => (INamedTypeSymbol)i.TypeArguments[0])
                .Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        }

        /// <summary>
        /// <c>x.AddConsumer&lt;OrderSubmittedConsumer&gt;()</c>: the component that registers a consumer consumes its messages,
        /// wherever the class is declared (a shared handlers library). One finding per message, with the class's facts.
        /// </summary>
        public static void ConsumerRegistration(OperationAnalysisContext context, CallSite call)
        {
            var arguments = TypeArguments(context.Operation.Syntax, context.Operation.SemanticModel, context.CancellationToken);
            if (arguments.Count == 0 || arguments[0] is not { TypeKind: TypeKind.Class } consumer)
            {
                return;
            }

            foreach (var message in ConsumedMessages(consumer))
            {
                var properties = MessageBusAnalyzer.Properties(FindingKinds.QueueConsume, MessageBusAnalyzer.MassTransit, message, !call.IsBound || message.TypeKind == TypeKind.Error, context.ContainingSymbol.GetDocumentationCommentId() + "#" + message.Name).ToBuilder();
                properties[FindingProperties.Handler] = consumer.Name;
                if (consumer.Locations.Length > 0 && consumer.Locations[0].IsInSource)
                {
                    HandlerFacts.AddTo(properties, HandlerFacts.OfHandlerType(consumer, context.CancellationToken), libraryRetries: true);
                }

                context.ReportDiagnostic(Diagnostic.Create(MessageBusAnalyzer.HandlerRule, context.Operation.Syntax.GetLocation(), properties.ToImmutable(), MessageBusAnalyzer.MassTransit, consumer.Name, message.Name));
            }
        }

        /// <summary>
        /// <c>cfg.ReceiveEndpoint("orders", e =&gt; e.ConfigureConsumer&lt;OrderSubmittedConsumer&gt;(ctx))</c>: the queue a
        /// component receives on, and the consumers configured on it (<c>ConfigureConsumer</c>, <c>Consumer</c>).
        /// </summary>
        public static void ReceiveEndpoint(OperationAnalysisContext context, CallSite call, ValueResolver resolver)
        {
            if (context.Operation.Syntax is not InvocationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments } invocation)
            {
                return;
            }

            var queue = resolver.Resolve(call.GetArgument("queueName", 0, context.CancellationToken), context.CancellationToken);
            var consumers = new List<string>();
            foreach (var argument in arguments)
            {
                if (argument.Expression is not AnonymousFunctionExpressionSyntax configure)
                {
                    continue;
                }

                foreach (var configured in configure.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (configured.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "ConfigureConsumer" or "Consumer", TypeArgumentList.Arguments.Count: > 0 } generic })
                    {
                        consumers.Add(generic.TypeArgumentList.Arguments[0].ToString().Split('.').Last());
                    }
                }
            }

            var target = "queue:" + (queue.TargetText() ?? TargetSources.Unresolved);
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(FindingProperties.Kind, FindingKinds.QueueDeclaration);
            properties.Add(FindingProperties.Library, MessageBusAnalyzer.MassTransit);
            properties.Add(FindingProperties.Target, target);
            properties.Add(FindingProperties.Queue, queue.TargetText());
            properties.Add(FindingProperties.Handler, consumers.Count == 0 ? null : string.Join(", ", consumers.Distinct()));
            properties.Add(FindingProperties.Confidence, call.IsBound ? Confidence.High : Confidence.Low);
            properties.Add(FindingProperties.ConfidenceReason, call.IsBound ? null : "MassTransit did not resolve; recognised by name");
            properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId() + "#" + target);
            queue.AddProvenance(properties, null);
            context.ReportDiagnostic(Diagnostic.Create(MessageBusAnalyzer.EndpointRule, invocation.GetLocation(), properties.ToImmutable(), target, consumers.Count == 0 ? "(no consumer configured here)" : string.Join(", ", consumers.Distinct())));
        }

        /// <summary>
        /// A home-grown bus's subscription: <c>eventBus.Subscribe&lt;OrderPaid, OrderPaidHandler&gt;()</c>,
        /// <c>builder.AddSubscription&lt;OrderPaid, OrderPaidHandler&gt;()</c> on a type named like a bus (or its builder).
        /// It places the consumer in the component that subscribes, wherever the handler class is declared.
        /// </summary>
        public static void Subscription(OperationAnalysisContext context, CallSite call)
        {
            if (call.ReceiverType is not { } receiver || !(MessageBusAnalyzer.NamesBus(receiver.Name) || (receiver is IErrorTypeSymbol && MessageBusAnalyzer.NamesBus(MessageBusAnalyzer.MadeByCall(call.Receiver))))
                || MessageBusAnalyzer.IsFrameworkDispatcher(receiver)
                || context.Operation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments.Count: 2 } generic } }
                || context.Operation.SemanticModel is not { } model)
            {
                return;
            }

            if (model.GetTypeInfo(generic.TypeArgumentList.Arguments[0], context.CancellationToken).Type is not INamedTypeSymbol message || message.TypeKind == TypeKind.Error || !MessageBusAnalyzer.IsEvent(message))
            {
                return;
            }

            var handler = model.GetTypeInfo(generic.TypeArgumentList.Arguments[1], context.CancellationToken).Type as INamedTypeSymbol;
            var properties = MessageBusAnalyzer.Properties(FindingKinds.QueueConsume, MessageBusAnalyzer.EventBus, message, receiver is IErrorTypeSymbol || !call.IsBound, context.ContainingSymbol.GetDocumentationCommentId() + "#" + message.Name).ToBuilder();
            properties[FindingProperties.Handler] = handler?.Name;
            if (handler is { TypeKind: TypeKind.Class, Locations.Length: > 0 } && handler.Locations[0].IsInSource)
            {
                HandlerFacts.AddTo(properties, HandlerFacts.OfHandlerType(handler, context.CancellationToken));
            }

            context.ReportDiagnostic(Diagnostic.Create(MessageBusAnalyzer.HandlerRule, context.Operation.Syntax.GetLocation(), properties.ToImmutable(), MessageBusAnalyzer.EventBus, handler?.Name ?? generic.TypeArgumentList.Arguments[1].ToString(), message.Name));
        }
    }
}
