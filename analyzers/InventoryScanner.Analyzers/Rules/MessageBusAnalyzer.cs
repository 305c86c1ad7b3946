using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Rules
{
    /// <summary>
    /// Inventory facts: messages sent and handled through a service bus, where the channel is the message type.
    /// <list type="bullet">
    /// <item>MassTransit: <c>Publish</c>/<c>Send</c> on <c>IPublishEndpoint</c>, <c>ISendEndpoint</c>, <c>IBus</c>,
    /// <c>ConsumeContext</c>; consumers are classes implementing <c>IConsumer&lt;T&gt;</c>.</item>
    /// <item>NServiceBus: <c>Send</c>/<c>Publish</c>/<c>Reply</c> on <c>IMessageSession</c>, <c>IPipelineContext</c>
    /// (<c>IMessageHandlerContext</c>); handlers implement <c>IHandleMessages&lt;T&gt;</c>.</item>
    /// <item>Home-grown event buses, by shape (medium confidence): a <c>Publish</c>/<c>Send</c> on a type named like a
    /// bus (<c>IEventBus</c>) with an event argument, and handlers implementing a generic <c>I…EventHandler&lt;T&gt;</c>.
    /// MediatR's in-process notifications are not integrations and are left out.</item>
    /// <item>Handlers that dispatch on the message type's name, as a string (<c>HandleMessageAsync(string messageType,
    /// string message)</c> with <c>case "CustomerRegistered":</c>): one handler finding per name, by shape.</item>
    /// </list>
    /// Publishers and handlers of the same message type are joined across projects.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerWords("IConsumer", "IHandleMessages", "Publish", "Send", "Reply", "Handler", "EventBus", "MessageBus", "MessageType", "EventType", "EventName", "CommandType", "RoutingKey", "Subscribe", "AddSubscription", "AddConsumer", "ReceiveEndpoint")]
    public sealed class MessageBusAnalyzer : DiagnosticAnalyzer
    {
        internal const string MassTransit = "MassTransit";
        private const string NServiceBus = "NServiceBus";
        internal const string EventBus = "event bus (by shape)";

        private static readonly DiagnosticDescriptor SendRule = RuleDescriptors.Create(
            RuleIdentifiers.BusSend,
            title: "Message sent through a service bus",
            messageFormat: "{0}: {1} of {2}",
            category: RuleCategories.Messaging,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A message published or sent through MassTransit, NServiceBus or a home-grown event bus. Reported as an inventory fact; the channel is the message type.");

        internal static readonly DiagnosticDescriptor HandlerRule = RuleDescriptors.Create(
            RuleIdentifiers.BusHandler,
            title: "Message handler",
            messageFormat: "{0}: {1} handles {2}",
            category: RuleCategories.Messaging,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A MassTransit consumer, an NServiceBus handler or a home-grown event handler. Reported as an inventory fact; the channel is the message type it handles.");

        internal static readonly DiagnosticDescriptor EndpointRule = RuleDescriptors.Create(
            RuleIdentifiers.BusReceiveEndpoint,
            title: "MassTransit receive endpoint",
            messageFormat: "MassTransit receive endpoint {0} for {1}",
            category: RuleCategories.Messaging,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A queue MassTransit receives on (ReceiveEndpoint) and the consumers configured on it. Reported as an inventory fact: it names the queue behind the consumers of a message type.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(SendRule, HandlerRule, EndpointRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
            context.RegisterCompilationStartAction(start =>
            {
                // Built only when a message is published as its base type, once per compilation.
                var resolver = new ValueResolver(start.Compilation, start.Options, start.CancellationToken);
                var derived = new Lazy<Messaging.DerivedEvents>(() => new Messaging.DerivedEvents(start.Compilation, resolver, start.CancellationToken), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
                start.RegisterOperationAction(c => AnalyzeInvocation(c, derived, resolver), OperationKind.Invocation);
                start.RegisterOperationAction(c => AnalyzeInvalid(c, derived, resolver), OperationKind.Invalid);
            });
            context.RegisterOperationAction(c => Messaging.StringDispatch.Analyze(c, HandlerRule, EventBus), OperationKind.Switch, OperationKind.SwitchExpression, OperationKind.Binary, OperationKind.Invocation);
        }

        /// <summary>Consumers and handlers: one finding per handled message type.</summary>
        private static void AnalyzeType(SymbolAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.Locations.Length == 0 || !type.Locations[0].IsInSource)
            {
                return;
            }

            // A base-list entry that did not resolve (the bus package is missing) cannot be told to be an interface: the
            // compiler makes the first one the base type. Look at it, and at the direct interfaces, as well.
            var candidates = type.Interfaces.Concat(type.AllInterfaces);
            if (type.BaseType is IErrorTypeSymbol unresolvedBase)
            {
                candidates = candidates.Prepend(unresolvedBase);
            }

            foreach (var implemented in candidates.Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default))
            {
                if (implemented.TypeArguments.Length != 1 || implemented.TypeArguments[0] is not INamedTypeSymbol message)
                {
                    continue;
                }

                var (library, byName) = HandlerLibrary(implemented, message);
                if (library is null)
                {
                    continue;
                }

                var properties = Properties(FindingKinds.QueueConsume, library, message, byName, type.GetDocumentationCommentId()).ToBuilder();
                properties[FindingProperties.Handler] = type.Name;
                // MassTransit and NServiceBus retry a handler that throws and then move its message to an error queue.
                Messaging.HandlerFacts.AddTo(properties, Messaging.HandlerFacts.OfHandlerType(type, context.CancellationToken), libraryRetries: library != EventBus);
                context.ReportDiagnostic(Diagnostic.Create(HandlerRule, type.Locations[0], properties.ToImmutable(), library, type.Name, message.Name));
            }
        }

        /// <summary>IConsumer&lt;T&gt; (MassTransit), IHandleMessages&lt;T&gt; (NServiceBus), or an event bus's handler interface.</summary>
        private static (string? Library, bool ByName) HandlerLibrary(INamedTypeSymbol handler, INamedTypeSymbol message)
        {
            var ns = handler.ContainingNamespace?.ToDisplayString();
            var unresolved = handler is IErrorTypeSymbol;
            switch (handler.Name)
            {
                case "IConsumer" when ns == MassTransit || unresolved:
                    return (MassTransit, unresolved);
                case "IHandleMessages" when ns == NServiceBus || unresolved:
                    return (NServiceBus, unresolved);
            }

            // MediatR and other in-process dispatchers are not integrations.
            if (IsFrameworkDispatcher(handler))
            {
                return (null, false);
            }

            // Domain events are dispatched in process: a handler of them is not an integration. An unresolved handler
            // interface (the event bus project did not load) is still one by its shape, with less confidence.
            return handler.Name.EndsWith("EventHandler", StringComparison.Ordinal) && handler.Name.IndexOf("Domain", StringComparison.Ordinal) < 0
                && IsEvent(message) ? (EventBus, unresolved) : (null, false);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, Lazy<Messaging.DerivedEvents> derived, ValueResolver resolver)
        {
            var invocation = (IInvocationOperation)context.Operation;
            Analyze(context, CallSite.FromInvocation(invocation), invocation.TargetMethod, derived, resolver);
        }

        private static void AnalyzeInvalid(OperationAnalysisContext context, Lazy<Messaging.DerivedEvents> derived, ValueResolver resolver)
        {
            // Only the names Analyze looks at cost a semantic query (in a scan of code whose packages are missing, most calls do not bind).
            if (CallSite.TryFromInvalid((IInvalidOperation)context.Operation, IsAnalyzedName, context.CancellationToken, out var call))
            {
                Analyze(context, call, call.Method, derived, resolver);
            }
        }

        /// <summary>The method names <see cref="Analyze"/> acts on: a subscription, a consumer or endpoint registration, a send or publish, an outbox add.</summary>
        private static bool IsAnalyzedName(string name) =>
            IsSubscription(name) || name is "AddConsumer" or "ReceiveEndpoint" || SendVerb(name) is not null || IsOutboxAddName(name);

        private static bool IsSubscription(string name) => name is "Subscribe" or "SubscribeAsync" or "AddSubscription";

        /// <summary>What a call of this name does to a message, when its name says: publish, send or reply.</summary>
        private static string? SendVerb(string name) => name switch
        {
            "Publish" or "PublishAsync" => "publish",
            "Send" or "SendAsync" or "SendLocal" => "send",
            "Reply" => "reply",
            "PublishMessage" or "PublishMessageAsync" or "PublishEvent" or "PublishEventAsync" => "publish",
            "SendMessage" or "SendMessageAsync" or "SendEvent" or "SendEventAsync" => "send",
            _ => null,
        };

        private static void Analyze(OperationAnalysisContext context, CallSite call, IMethodSymbol? method, Lazy<Messaging.DerivedEvents> derived, ValueResolver resolver)
        {
            if (IsSubscription(call.MethodName))
            {
                Messaging.BusRegistrations.Subscription(context, call);
                return;
            }

            if (call.MethodName == "AddConsumer" && IsMassTransitCall(call))
            {
                Messaging.BusRegistrations.ConsumerRegistration(context, call);
                return;
            }

            if (call.MethodName == "ReceiveEndpoint" && IsMassTransitCall(call))
            {
                Messaging.BusRegistrations.ReceiveEndpoint(context, call, resolver);
                return;
            }

            var verb = SendVerb(call.MethodName) ?? (IsOutboxAdd(call) ? "publish (through an outbox)" : null);
            if (verb is null || call.ReceiverType is not { } receiver)
            {
                return;
            }

            var (library, byName) = verb.EndsWith("outbox)", StringComparison.Ordinal) ? (EventBus, receiver is IErrorTypeSymbol) : SenderLibrary(receiver);
            if (library is null)
            {
                return;
            }

            var message = MessageType(call, method, context, allowUnresolved: library == EventBus);
            if (message is null || (library == EventBus && !IsEvent(message)))
            {
                return;
            }

            var outbox = verb.EndsWith("outbox)", StringComparison.Ordinal) ? receiver.Name : null;

            // A home-grown bus handed a base-typed event (foreach (Event e in aggregate.GetEvents()) publisher.Publish(e)):
            // the message is one of the concrete events of that base the code creates, in this method if it creates any
            // (IntegrationEvent e = ok ? new StockConfirmed() : new StockRejected()), else anywhere in the project. An
            // event the project only declares is one it receives.
            if (library == EventBus && derived.Value.Of(message, MemberBody(context.Operation.Syntax)) is { Candidates.Count: > 0 } polymorphic)
            {
                var (candidates, inMethod) = polymorphic;
                foreach (var candidate in candidates)
                {
                    var builder = Properties(FindingKinds.QueuePublish, library, candidate, byName: byName || !call.IsBound || !inMethod, context.ContainingSymbol.GetDocumentationCommentId() + "#" + candidate.Name).ToBuilder();
                    builder[FindingProperties.ConfidenceReason] = "the event is typed as its base " + message.Name + ": one of the " + candidates.Count + " " + message.Name
                        + " types " + (inMethod ? "this method creates" : "this project creates");
                    if (outbox is not null)
                    {
                        builder[FindingProperties.Outbox] = outbox;
                    }

                    context.ReportDiagnostic(Diagnostic.Create(SendRule, context.Operation.Syntax.GetLocation(), builder.ToImmutable(), library, verb, candidate.Name));
                }

                return;
            }

            if (message.TypeKind == TypeKind.Error)
            {
                return;
            }

            var properties = Properties(FindingKinds.QueuePublish, library, message, byName || !call.IsBound, context.ContainingSymbol.GetDocumentationCommentId());
            if (outbox is not null)
            {
                properties = properties.Add(FindingProperties.Outbox, outbox);
            }

            context.ReportDiagnostic(Diagnostic.Create(SendRule, context.Operation.Syntax.GetLocation(), properties, library, verb, message.Name));
        }

        /// <summary>The body of the member a call is in: where to look for the events it creates.</summary>
        private static SyntaxNode? MemberBody(SyntaxNode call)
        {
            foreach (var node in call.Ancestors())
            {
                if (node is Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax member)
                {
                    return member;
                }
            }

            return null;
        }


        internal static bool NamesBus(string? name) =>
            name is not null && (name.IndexOf("EventBus", StringComparison.Ordinal) >= 0 || name.IndexOf("MessageBus", StringComparison.Ordinal) >= 0);

        /// <summary>
        /// The method that made a receiver whose type did not resolve: <c>builder.AddRabbitMqEventBus("eventbus")</c> in a
        /// chain still says it returns the bus's builder.
        /// </summary>
        internal static string? MadeByCall(IOperation? receiver)
        {
            // Down a fluent chain: builder.AddRabbitMqEventBus("eventbus").AddSubscription<A, HA>().AddSubscription<B, HB>().
            var syntax = CallSite.Unwrap(receiver)?.Syntax;
            for (var depth = 0; depth < 8 && syntax is InvocationExpressionSyntax invocation; depth++)
            {
                var (name, inner) = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax access => (access.Name.Identifier.ValueText, access.Expression),
                    IdentifierNameSyntax identifier => (identifier.Identifier.ValueText, null),
                    _ => (null, null),
                };
                if (name is null || NamesBus(name) || name is not ("AddSubscription" or "Subscribe"))
                {
                    return name;
                }

                syntax = inner;
            }

            return null;
        }

        /// <summary>A call on a MassTransit type, or, when MassTransit did not resolve, on a receiver whose type did not either.</summary>
        private static bool IsMassTransitCall(CallSite call) =>
            call.Method is { } method
                ? (method.ReducedFrom ?? method).ContainingType?.ContainingNamespace?.ToDisplayString().StartsWith(MassTransit, StringComparison.Ordinal) == true
                : call.ReceiverType is null or IErrorTypeSymbol;

        /// <summary>
        /// An event saved to an outbox to be published later (eShop's <c>AddAndSaveEventAsync</c> on an
        /// <c>…IntegrationEventService</c>): a method about events, adding or saving one, on a type named like an event
        /// service or an outbox.
        /// </summary>
        private static bool IsOutboxAdd(CallSite call)
        {
            var receiver = call.ReceiverType?.Name ?? string.Empty;
            return IsOutboxAddName(call.MethodName) && (receiver.EndsWith("EventService", StringComparison.Ordinal) || receiver.IndexOf("Outbox", StringComparison.Ordinal) >= 0);
        }

        private static bool IsOutboxAddName(string name) =>
            name.IndexOf("Event", StringComparison.Ordinal) > 0
            && (name.StartsWith("Add", StringComparison.Ordinal) || name.StartsWith("Save", StringComparison.Ordinal) || name.StartsWith("Store", StringComparison.Ordinal) || name.StartsWith("Enqueue", StringComparison.Ordinal));

        /// <summary>The bus a receiver belongs to, by the interfaces it implements (or its name when unresolved).</summary>
        private static (string? Library, bool ByName) SenderLibrary(ITypeSymbol receiver)
        {
            if (receiver is IErrorTypeSymbol)
            {
                return receiver.Name switch
                {
                    "IPublishEndpoint" or "ISendEndpoint" or "IBus" or "ConsumeContext" => (MassTransit, true),
                    "IMessageSession" or "IMessageHandlerContext" or "IPipelineContext" or "IEndpointInstance" => (NServiceBus, true),
                    _ when IsBusName(receiver.Name) => (EventBus, true),
                    _ => (null, false),
                };
            }

            foreach (var type in Self(receiver))
            {
                var ns = type.ContainingNamespace?.ToDisplayString();
                if (ns == MassTransit && type.Name is "IPublishEndpoint" or "ISendEndpoint")
                {
                    return (MassTransit, false);
                }

                if (ns == NServiceBus && type.Name is "IMessageSession" or "IPipelineContext")
                {
                    return (NServiceBus, false);
                }

                if (IsFrameworkDispatcher(type))
                {
                    return (null, false);
                }
            }

            // A home-grown bus: the receiver's own type is named like one (IEventBus, IMessageBus, RabbitMQEventBus).
            return IsBusName(receiver.Name) ? (EventBus, false) : (null, false);
        }

        /// <summary>
        /// A dispatcher of a framework or of MediatR: in process, not an integration. A resolved type is told by the assembly
        /// it comes from (<c>MediatR</c>, <c>Microsoft.*</c>, <c>System.*</c>), never by its namespace: the estate's own bus
        /// may well live in <c>Microsoft.eShopOnContainers.BuildingBlocks.EventBus</c>, or put its builder in
        /// <c>Microsoft.Extensions.DependencyInjection</c> (eShop) to be found without a using. A type that did not resolve
        /// has only its namespace, and the framework's own namespaces are what is left out then; a nameless error type (a call
        /// that did not bind) says nothing either way.
        /// </summary>
        internal static bool IsFrameworkDispatcher(ITypeSymbol type)
        {
            // An error type may still know its assembly: eShop's IEventBusBuilder from its EventBus project, whose own
            // compilation is incomplete when the scan cannot restore it.
            var assembly = type.ContainingAssembly?.Name;
            if (type is not IErrorTypeSymbol || !string.IsNullOrEmpty(assembly))
            {
                assembly ??= string.Empty;
                return assembly.StartsWith("MediatR", StringComparison.Ordinal) || assembly.StartsWith("Microsoft.", StringComparison.Ordinal) || assembly.StartsWith("System.", StringComparison.Ordinal)
                    || assembly is "System" or "mscorlib" or "netstandard";
            }

            var ns = type.Name.Length == 0 ? string.Empty : type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            return ns.StartsWith("MediatR", StringComparison.Ordinal) || ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal)
                || ns.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || ns.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal);
        }

        /// <summary>
        /// The names home-grown buses go by: <c>IEventBus</c>, <c>RabbitMQMessageBus</c>, <c>IMessagePublisher</c>,
        /// <c>KafkaEventProducer</c>, <c>IMessageSender</c>. A publisher of anything else (<c>ReportPublisher</c>) is not one.
        /// </summary>
        private static bool IsBusName(string name)
        {
            foreach (var suffix in BusSuffixes)
            {
                if (name.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static readonly string[] BusSuffixes = { "EventBus", "MessageBus", "MessagePublisher", "EventPublisher", "MessageProducer", "EventProducer", "MessageSender", "EventSender" };

        private static System.Collections.Generic.IEnumerable<ITypeSymbol> Self(ITypeSymbol type)
        {
            yield return type;
            foreach (var implemented in type.AllInterfaces)
            {
                yield return implemented;
            }
        }

        /// <summary>The message: the generic argument of Publish&lt;T&gt;, else the static type of the message argument.</summary>
        private static INamedTypeSymbol? MessageType(CallSite call, IMethodSymbol? method, OperationAnalysisContext context, bool allowUnresolved)
        {
            if (method is { IsGenericMethod: true, TypeArguments.Length: > 0 } && method.TypeArguments[0] is INamedTypeSymbol { SpecialType: SpecialType.None } generic
                && generic.TypeKind != TypeKind.TypeParameter)
            {
                return generic;
            }

            // The message is the first argument of a message type, whatever its parameter is called (message, @event,
            // command); a home-grown publisher may take the type's name first: PublishMessageAsync(messageType, message, routingKey).
            var count = method?.Parameters.Length ?? 4;
            for (var i = 0; i < count; i++)
            {
                var argument = call.GetArgument(method is null ? string.Empty : method.Parameters[i].Name, i, context.CancellationToken);
                // An argument of a type that did not resolve (the events' base lives in a package that did not restore) is
                // kept for a home-grown bus, by name: its derived events may be the project's own.
                if (CallSite.Unwrap(argument)?.Type is INamedTypeSymbol { SpecialType: SpecialType.None } type
                    && (type.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Interface || (allowUnresolved && type.TypeKind == TypeKind.Error && type.Name.Length > 0))
                    && !type.IsAnonymousType && !IsFrameworkType(type))
                {
                    return type;
                }
            }

            return null;
        }

        /// <summary>A CancellationToken, a TimeSpan: never the message.</summary>
        private static bool IsFrameworkType(INamedTypeSymbol type) =>
            type.ContainingNamespace?.ToDisplayString() is { } ns && (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal));

        /// <summary>An event or message class of the code's own: named so, or derived from a base named so.</summary>
        internal static bool IsEvent(INamedTypeSymbol type)
        {
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                if (current.Name.EndsWith("Event", StringComparison.Ordinal) || current.Name.EndsWith("Message", StringComparison.Ordinal)
                    || current.Name.EndsWith("Command", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        internal static ImmutableDictionary<string, string?> Properties(string kind, string library, INamedTypeSymbol message, bool byName, string? symbol)
        {
            // Home-grown buses route by the event's name (eShop's routing key is GetType().Name), and each service keeps
            // its own copy of the event class: join them by name. MassTransit and NServiceBus route by full type name.
            var target = "message:" + (library == EventBus ? message.Name : message.ToDisplayString());
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(FindingProperties.Kind, kind);
            properties.Add(FindingProperties.Library, library);
            properties.Add(FindingProperties.Target, target);
            properties.Add(FindingProperties.TargetSource, TargetSources.MessageType);
            properties.Add(FindingProperties.Queue, message.ToDisplayString());
            properties.Add(FindingProperties.Confidence, byName ? Confidence.Low : library == EventBus ? Confidence.Medium : Confidence.High);
            properties.Add(
                FindingProperties.ConfidenceReason,
                byName ? library + " did not resolve; recognised by name"
                : library == EventBus ? "a home-grown event bus, recognised by its shape (a bus type and event types)" : null);
            properties.Add(FindingProperties.ContainingSymbol, symbol);
            return properties.ToImmutable();
        }
    }
}
