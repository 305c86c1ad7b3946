using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using InventoryScanner.Analyzers.Messaging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Rules
{
    /// <summary>
    /// Inventory facts: messages published to and consumed from the brokers other than RabbitMQ — Azure Service Bus,
    /// Azure Storage Queues, Azure Event Hubs, Kafka, AWS SQS and SNS, Redis pub/sub, MSMQ — with the channel named
    /// where the code says it (an argument, the request object, or the client the call is made on). One table
    /// (<see cref="BrokerApi.All"/>) says how each library names its channel; the analyzer reads it by symbol, and by
    /// name when the package does not resolve.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerWords(
        "ServiceBus", "QueueClient", "EventHub", "EventProcessorClient", "Produce", "Subscribe", "IConsumer", "AmazonSQS", "SendMessage",
        "ReceiveMessage", "SimpleNotificationService", "ISubscriber", "MessageQueue", "Publish", "CreateSender", "CreateProcessor", "CreateReceiver")]
    public sealed class BrokerClientAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor PublishRule = RuleDescriptors.Create(
            RuleIdentifiers.BrokerPublish,
            title: "Message published to a broker",
            messageFormat: "{0} publish to {1}",
            category: RuleCategories.Messaging,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A message sent to a queue, topic, event hub or channel of Azure Service Bus, Azure Storage Queues, Azure Event Hubs, Kafka, AWS SQS/SNS, Redis pub/sub or MSMQ. Reported as an inventory fact with the channel.");

        private static readonly DiagnosticDescriptor ConsumeRule = RuleDescriptors.Create(
            RuleIdentifiers.BrokerConsume,
            title: "Message consumed from a broker",
            messageFormat: "{0} consumer of {1}",
            category: RuleCategories.Messaging,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A processor, receiver, consumer or subscription that takes messages off a queue, topic, event hub or channel of Azure Service Bus, Azure Storage Queues, Azure Event Hubs, Kafka, AWS SQS, Redis pub/sub or MSMQ. Reported as an inventory fact with the channel.");

        private static readonly DiagnosticDescriptor DeclareRule = RuleDescriptors.Create(
            RuleIdentifiers.BrokerChannelClient,
            title: "Broker client made for a channel",
            messageFormat: "{0} client of {1}",
            category: RuleCategories.Messaging,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A Service Bus sender, a Storage queue client or an Event Hubs producer made for one queue, topic or event hub. Reported as a topology fact with the channel: where the sends go when the client is handed on to code that only sends.");

        private static readonly DiagnosticDescriptor UnhandledFailureRule = RuleDescriptors.Create(
            RuleIdentifiers.ConsumerUnhandledFailure,
            title: "Consumer loop or event processor that does not catch failures",
            messageFormat: "{0} consumer of {1} lets failures escape {2}",
            category: RuleCategories.Messaging,
            defaultSeverity: DiagnosticSeverity.Warning,
            description: "A polling consumer whose loop has no try/catch (one failing message, or one broker error, ends the loop and the consumer stops for good), or an Event Hubs processor whose event handler does not catch (the processor does not handle the handler's exceptions).");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(PublishRule, ConsumeRule, DeclareRule, UnhandledFailureRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var analyzer = new AnalyzerContext(start.Compilation, start.Options, start.CancellationToken);
                start.RegisterOperationAction(analyzer.AnalyzeInvocation, OperationKind.Invocation);
                start.RegisterOperationAction(analyzer.AnalyzeCreation, OperationKind.ObjectCreation);
                start.RegisterOperationAction(analyzer.AnalyzeInvalid, OperationKind.Invalid);
            });
        }

        private sealed class AnalyzerContext
        {
            private readonly Lazy<Dictionary<BrokerApi, INamedTypeSymbol>> _lazyTypes;
            private readonly ValueResolver _resolver;

            public AnalyzerContext(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
            {
                // The broker types are looked up at the first call or creation named like one of their members, not when
                // the compilation starts: most projects a build compiles use no broker, and pay nothing for this rule.
                _lazyTypes = new Lazy<Dictionary<BrokerApi, INamedTypeSymbol>>(() => ResolveTypes(compilation, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
                _resolver = new ValueResolver(compilation, options, cancellationToken);
            }

            private Dictionary<BrokerApi, INamedTypeSymbol> BrokerTypes => _lazyTypes.Value;

            /// <summary>
            /// A type is looked up only where it can be: a referenced assembly of its library, or a type of that name in
            /// the compilation's own source. Looking up a type no reference has makes every referenced assembly list its
            /// namespaces.
            /// </summary>
            private static Dictionary<BrokerApi, INamedTypeSymbol> ResolveTypes(Compilation compilation, CancellationToken cancellationToken)
            {
                var types = new Dictionary<BrokerApi, INamedTypeSymbol>();
                var assemblies = compilation.ReferencedAssemblyNames.Select(identity => identity.Name).ToList();
                foreach (var api in BrokerApi.All)
                {
                    if ((assemblies.Any(name => name.StartsWith(api.Library, StringComparison.Ordinal)) || compilation.ContainsSymbolsWithName(api.SimpleName, SymbolFilter.Type, cancellationToken))
                        && compilation.GetBestTypeByMetadataName(api.TypeName) is { } type)
                    {
                        types[api] = type;
                    }
                }

                return types;
            }

            public void AnalyzeInvocation(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (!BrokerApi.MemberNames.Contains(invocation.TargetMethod.Name))
                {
                    return;
                }

                var call = CallSite.FromInvocation(invocation);
                foreach (var api in BrokerApi.All)
                {
                    if (api.Source != ChannelSource.Constructor && api.Members.Contains(call.MethodName) && BrokerTypes.TryGetValue(api, out var type) && call.ReceiverType.IsOrInherits(type))
                    {
                        Report(context, api, call, Confidence.High, reason: null);
                        return;
                    }
                }
            }

            /// <summary>An object that is itself a consumer (EventProcessorClient).</summary>
            public void AnalyzeCreation(OperationAnalysisContext context)
            {
                var creation = (IObjectCreationOperation)context.Operation;
                if (creation.Type is null || !BrokerApi.ConstructedNames.Contains(creation.Type.Name))
                {
                    return;
                }

                foreach (var api in BrokerApi.All)
                {
                    if (api.Source == ChannelSource.Constructor && BrokerTypes.TryGetValue(api, out var type) && SymbolEqualityComparer.Default.Equals(creation.Type, type))
                    {
                        ReportChannel(context, api, ConstructorArgument(creation, api, context.CancellationToken), Confidence.High, reason: null, subscription: null);
                        return;
                    }
                }
            }

            /// <summary>A call on a broker type that did not resolve: recognised by the type's and the member's names.</summary>
            public void AnalyzeInvalid(OperationAnalysisContext context)
            {
                if (context.Operation.Syntax is ObjectCreationExpressionSyntax creation)
                {
                    var created = creation.Type.ToString();
                    foreach (var api in BrokerApi.All)
                    {
                        if (api.Source == ChannelSource.Constructor && created.EndsWith(api.SimpleName, StringComparison.Ordinal))
                        {
                            ReportChannel(context, api, ConstructorArgument(context.Operation, api, context.CancellationToken), Confidence.Low, api.Library + " did not resolve; recognised by name", subscription: null);
                            return;
                        }
                    }

                    return;
                }

                if (!CallSite.TryFromInvalid((IInvalidOperation)context.Operation, BrokerApi.MemberNames.Contains, context.CancellationToken, out var call))
                {
                    return;
                }

                foreach (var api in BrokerApi.All)
                {
                    if (api.Source == ChannelSource.Constructor || !api.Members.Contains(call.MethodName))
                    {
                        continue;
                    }

                    if (BrokerTypes.TryGetValue(api, out var type) && call.Method is not null && call.ReceiverType.IsOrInherits(type))
                    {
                        Report(context, api, call, Confidence.Medium, "the call did not bind (an argument's type did not resolve)");
                        return;
                    }

                    if (call.ReceiverType is IErrorTypeSymbol error && (error.Name == api.SimpleName || MadeBy(call.Receiver, api, context.CancellationToken)))
                    {
                        Report(context, api, call, Confidence.Low, api.Library + " did not resolve; recognised by name");
                        return;
                    }
                }
            }

            private void Report(OperationAnalysisContext context, BrokerApi api, CallSite call, string confidence, string? reason)
            {
                var cancellationToken = context.CancellationToken;
                IOperation? channel = null;
                IOperation? subscription = null;
                switch (api.Source)
                {
                    case ChannelSource.Argument:
                    case ChannelSource.ArgumentOrRequestProperty:
                        foreach (var parameter in api.Parameters)
                        {
                            channel ??= call.GetArgument(parameter, call.IsBound ? -1 : api.Position, cancellationToken);
                        }

                        if (api.Source == ChannelSource.ArgumentOrRequestProperty && api.RequestProperty is not null)
                        {
                            // SendMessageAsync(new SendMessageRequest { QueueUrl = … }): the request carries the channel.
                            var request = channel ?? call.GetArgument("request", 0, cancellationToken);
                            if (request is not null && CallSite.Unwrap(request)?.Type?.SpecialType != SpecialType.System_String)
                            {
                                // Unbound, a string argument has no type either: only a request object replaces it.
                                channel = RequestProperty(request, api.RequestProperty, cancellationToken) ?? channel;
                            }
                        }

                        if (api.SubscriptionParameter is not null)
                        {
                            subscription = call.GetArgument(api.SubscriptionParameter, call.IsBound ? -1 : api.Position + 1, cancellationToken);
                        }

                        break;
                    case ChannelSource.ReceiverConstructor:
                    case ChannelSource.ReceiverFactory:
                        channel = FromReceiver(call.Receiver, api, cancellationToken);
                        if (channel is null && InjectedClients.InjectedKey(call.Receiver, cancellationToken) is { } key)
                        {
                            // Sent through a client made elsewhere: the scanner gives it the channel of that client's registration.
                            var client = call.ReceiverType is { TypeKind: not TypeKind.Error, Name.Length: > 0 } type ? type.Name : api.SimpleName;
                            ReportChannel(context, api, null, confidence, reason, subscription, (client, key));
                            return;
                        }

                        break;
                }

                ReportChannel(context, api, channel, confidence, reason, subscription);
            }

            /// <summary>A declaration that is what a DI factory returns registers that client (<see cref="InjectedClients.RegisteredKey"/>).</summary>
            private static (string Client, string Key)? Registered(OperationAnalysisContext context, BrokerApi api)
            {
                if (api.Direction != Direction.Declare || context.Operation.SemanticModel is not { } model
                    || InjectedClients.RegisteredKey(context.Operation.Syntax, model, context.CancellationToken) is not { } key)
                {
                    return null;
                }

                return (context.Operation.Type is { TypeKind: not TypeKind.Error, Name.Length: > 0 } made ? made.Name : api.MadeType ?? api.SimpleName, key);
            }

            private void ReportChannel(OperationAnalysisContext context, BrokerApi api, IOperation? channelOperation, string confidence, string? reason, IOperation? subscription, (string Client, string Key)? injected = null)
            {
                injected ??= Registered(context, api);
                var cancellationToken = context.CancellationToken;
                channelOperation = ChannelValue(channelOperation, cancellationToken);
                var channel = _resolver.Resolve(channelOperation, cancellationToken);
                var name = channel.TargetText() is { } text ? ChannelName(api, text) : TargetSources.Unresolved;
                var subscriptionName = subscription is null ? null : _resolver.Resolve(subscription, cancellationToken).TargetText();
                var target = api.ChannelPrefix + name;
                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(FindingProperties.Kind, api.Direction switch
                {
                    Direction.Publish => FindingKinds.QueuePublish,
                    Direction.Consume => FindingKinds.QueueConsume,
                    _ => FindingKinds.QueueDeclaration,
                });
                properties.Add(FindingProperties.Library, api.Library);
                properties.Add(FindingProperties.Target, target);
                channel.AddProvenance(properties, channelOperation?.Syntax.ToString());
                properties.Add(FindingProperties.Queue, name);
                properties.Add(FindingProperties.Subscription, subscriptionName);
                properties.Add(FindingProperties.BrokerClient, injected?.Client);
                properties.Add(FindingProperties.ServiceKey, injected is { Key.Length: > 0 } keyed ? keyed.Key : null);
                var handling = api.Direction == Direction.Consume ? Handling(context, api) : default;
                properties.Add(FindingProperties.Polling, handling.Polling);
                properties.Add(FindingProperties.ErrorHandling, handling.ErrorHandling);
                properties.Add(FindingProperties.Idempotency, handling.Idempotency);
                properties.Add(FindingProperties.Confidence, confidence);
                properties.Add(FindingProperties.ConfidenceReason, reason);
                properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId());
                if (api.Direction != Direction.Declare)
                {
                    WrapperMembers.AddTo(properties, context.ContainingSymbol, api.Direction == Direction.Publish, channel, cancellationToken);
                }

                var rule = api.Direction switch
                {
                    Direction.Publish => PublishRule,
                    Direction.Consume => ConsumeRule,
                    _ => DeclareRule,
                };
                var shown = subscriptionName is null ? target : target + " (subscription " + subscriptionName + ")";
                context.ReportDiagnostic(Diagnostic.Create(rule, context.Operation.Syntax.GetLocation(), properties.ToImmutable(), api.Library, shown));

                if (handling.Unhandled is { } unhandled)
                {
                    var warning = AntiPatterns.Properties(context.ContainingSymbol, RuleIdentifiers.ConsumerUnhandledFailure, api.Library, target, confidence);
                    context.ReportDiagnostic(Diagnostic.Create(UnhandledFailureRule, unhandled.Location, warning, api.Library, target, unhandled.Where));
                }
            }

            /// <summary>
            /// How a consumer handles failures. A polling consumer is read from its loop: the loop around the receive call,
            /// or for Kafka the loop that calls <c>Consume</c> on the subscribed consumer. A push consumer is read from the
            /// handler it is given: a Redis subscription's handler argument, a Service Bus processor's
            /// <c>ProcessMessageAsync</c> (the processor abandons a message whose handler throws, so the broker retries and
            /// dead-letters it), an Event Hubs processor's <c>ProcessEventAsync</c> (which the processor does not guard).
            /// </summary>
            private static ConsumerHandling Handling(OperationAnalysisContext context, BrokerApi api)
            {
                var syntax = context.Operation.Syntax;
                var loop = HandlerFacts.EnclosingLoop(syntax);
                var receiveCall = syntax;
                if (loop is null && api.Library == "Confluent.Kafka" && syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax subscribe })
                {
                    (loop, receiveCall) = ConsumeLoop(subscribe.Expression, syntax, context.CancellationToken);
                }

                if (loop is not null)
                {
                    var catches = HandlerFacts.LoopCatches(loop, receiveCall);
                    return new ConsumerHandling(
                        PollingLoop(context.ContainingSymbol, loop),
                        catches ? HandlerFacts.Catches : HandlerFacts.None,
                        HandlerFacts.Of(new[] { loop })?.Idempotency,
                        catches ? null : (receiveCall.GetLocation(), "its loop (one failing message ends the loop)"));
                }

                IReadOnlyList<SyntaxNode> bodies;
                var libraryRetries = false;
                var guarded = false;
                switch (api.Library, context.Operation.Syntax)
                {
                    case ("StackExchange.Redis", InvocationExpressionSyntax { ArgumentList.Arguments: { Count: > 1 } arguments }):
                        bodies = HandlerFacts.OfArgument(arguments[1].Expression);
                        break;
                    case ("Azure.Messaging.ServiceBus", InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CreateProcessor" or "CreateSessionProcessor" } }):
                        bodies = Attached(syntax, ServiceBusEvents, context.CancellationToken);
                        libraryRetries = true;
                        break;
                    case ("Azure.Messaging.EventHubs", BaseObjectCreationExpressionSyntax):
                        bodies = Attached(syntax, EventHubsEvents, context.CancellationToken);
                        guarded = true;
                        break;
                    default:
                        return default;
                }

                var facts = HandlerFacts.Of(bodies);
                if (facts is null)
                {
                    return default;
                }

                var errorHandling = libraryRetries && facts.Value.ErrorHandling == HandlerFacts.None ? HandlerFacts.Library : facts.Value.ErrorHandling;
                return new ConsumerHandling(
                    null,
                    errorHandling,
                    facts.Value.Idempotency,
                    guarded && errorHandling == HandlerFacts.None ? (syntax.GetLocation(), "its event handler (the processor does not handle them)") : null);
            }

            private static readonly string[] ServiceBusEvents = { "ProcessMessageAsync" };

            private static readonly string[] EventHubsEvents = { "ProcessEventAsync" };

            /// <summary>The handlers attached to the variable or field a processor is stored in: <c>var p = client.CreateProcessor(…); p.ProcessMessageAsync += …</c>.</summary>
            private static IReadOnlyList<SyntaxNode> Attached(SyntaxNode created, IReadOnlyCollection<string> events, CancellationToken cancellationToken)
            {
                var value = created.Parent is AwaitExpressionSyntax awaited ? awaited : created;
                switch (value.Parent)
                {
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                        return HandlerFacts.AttachedTo(declarator.Identifier.ValueText, created, isField: declarator.Parent?.Parent is FieldDeclarationSyntax, events, cancellationToken);
                    case AssignmentExpressionSyntax { Left: var left } when StoredIn(left) is { } name:
                        return HandlerFacts.AttachedTo(name, created, isField: true, events, cancellationToken);
                    default:
                        return Array.Empty<SyntaxNode>();
                }
            }

            /// <summary><c>_consumer</c>, <c>this._consumer</c>: the name something is stored in.</summary>
            private static string? StoredIn(ExpressionSyntax expression) => expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => name.Identifier.ValueText,
                _ => null,
            };

            /// <summary>
            /// Kafka subscribes once and polls elsewhere: the loop, in the same type, that calls <c>Consume</c> on the
            /// consumer that subscribed (a local in the same method, or a field anywhere in the type).
            /// </summary>
            private static (SyntaxNode? Loop, SyntaxNode Call) ConsumeLoop(ExpressionSyntax consumer, SyntaxNode subscribe, CancellationToken cancellationToken)
            {
                var name = StoredIn(consumer);
                var type = subscribe.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().LastOrDefault();
                if (name is null || type is null)
                {
                    return (null, subscribe);
                }

                foreach (var invocation in type.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Consume" } access && StoredIn(access.Expression) == name
                        && HandlerFacts.EnclosingLoop(invocation) is { } loop)
                    {
                        return (loop, invocation);
                    }
                }

                return (null, subscribe);
            }

            /// <summary>What a consumer knows of its failures; all null for a consumer whose handling code is not in sight.</summary>
            private readonly struct ConsumerHandling
            {
                public ConsumerHandling(string? polling, string? errorHandling, string? idempotency, (Location Location, string Where)? unhandled)
                {
                    Polling = polling;
                    ErrorHandling = errorHandling;
                    Idempotency = idempotency;
                    Unhandled = unhandled;
                }

                public string? Polling { get; }

                public string? ErrorHandling { get; }

                public string? Idempotency { get; }

                /// <summary>Where a failure escapes code that nothing else guards (INV2011), and how to say it.</summary>
                public (Location Location, string Where)? Unhandled { get; }
            }

            /// <summary>
            /// The name inside a channel wrapper: Redis's <c>RedisChannel.Literal("x")</c>, <c>RedisChannel.Pattern("x")</c>,
            /// <c>new RedisChannel("x", mode)</c>; Kafka's <c>new TopicPartition("x", partition)</c>.
            /// </summary>
            private static IOperation? ChannelValue(IOperation? channel, CancellationToken cancellationToken)
            {
                channel = CallSite.Unwrap(channel);
                var arguments = channel?.Syntax switch
                {
                    InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Literal" or "Pattern" } } call => call.ArgumentList.Arguments,
                    ObjectCreationExpressionSyntax { ArgumentList: { } list } creation when creation.Type.ToString().EndsWith("RedisChannel", StringComparison.Ordinal)
                        || creation.Type.ToString().EndsWith("TopicPartition", StringComparison.Ordinal) => list.Arguments,
                    _ => default(SeparatedSyntaxList<ArgumentSyntax>?),
                };

                return arguments is { Count: > 0 } && channel!.SemanticModel is { } model
                    ? model.GetValueOperation(arguments.Value[0].Expression, cancellationToken)
                    : channel;
            }

            /// <summary>
            /// A receiver whose type did not resolve, made by the API's factory (<c>bus.CreateSender("x")</c>), its constructor,
            /// or taken from the container by its type (<c>GetRequiredService&lt;QueueClient&gt;()</c>):
            /// <c>var</c> gives it an error type with no name, but the call that made it still says what it is.
            /// </summary>
            private static bool MadeBy(IOperation? receiver, BrokerApi api, CancellationToken cancellationToken) =>
                MemberAssignments.ValueOrConstruction(receiver, cancellationToken)?.Syntax switch
                {
                    // provider.GetRequiredKeyedService<QueueClient>("notifications"): the container hands out the type it names.
                    InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments: { Count: 1 } typeArguments } } }
                        when typeArguments[0].SimpleTypeName() == api.SimpleName => true,
                    InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => api.FactoryMethod is not null && access.Name.Identifier.ValueText == api.FactoryMethod,
                    ObjectCreationExpressionSyntax creation => creation.Type.ToString().EndsWith(api.SimpleName, StringComparison.Ordinal),
                    _ => false,
                };

            /// <summary>
            /// A consumer that polls: the receive call sits in a loop (of a hosted service's method:
            /// <c>BackgroundService.ExecuteAsync</c>, an <c>IHostedService</c>), rather than a push subscription.
            /// </summary>
            private static string PollingLoop(ISymbol containingSymbol, SyntaxNode loop)
            {
                for (var type = containingSymbol.ContainingType; type is not null; type = type.BaseType)
                {
                    if (type.Name == "BackgroundService" || type.AllInterfaces.Any(i => i.Name == "IHostedService"))
                    {
                        return "a loop in the hosted service " + containingSymbol.ContainingType!.Name;
                    }
                }

                var method = loop.Ancestors().OfType<MethodDeclarationSyntax>().FirstOrDefault();
                return "a loop in " + (method?.Identifier.ValueText ?? containingSymbol.Name);
            }

            /// <summary>SQS queue URLs and SNS topic ARNs name their channel in their last segment.</summary>
            private static string ChannelName(BrokerApi api, string text)
            {
                if (api.RequestProperty == "QueueUrl" && UriText.IsAbsolute(text))
                {
                    return text.TrimEnd('/').Substring(text.TrimEnd('/').LastIndexOf('/') + 1);
                }

                if (api.RequestProperty == "TopicArn" && text.StartsWith("arn:", StringComparison.Ordinal))
                {
                    return text.Substring(text.LastIndexOf(':') + 1);
                }

                return text;
            }

            /// <summary>The channel the receiver was made for: its constructor's argument, or its factory call's.</summary>
            private static IOperation? FromReceiver(IOperation? receiver, BrokerApi api, CancellationToken cancellationToken)
            {
                var made = MemberAssignments.ValueOrConstruction(receiver, cancellationToken);
                if (made is null || made.SemanticModel is not { } model)
                {
                    return null;
                }

                if (made.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } factory
                    && (access.Name.Identifier.ValueText == api.FactoryMethod))
                {
                    if (made is IInvocationOperation bound)
                    {
                        foreach (var argument in bound.Arguments)
                        {
                            if (argument.Parameter is { } parameter && (api.Parameters.Contains(parameter.Name) || parameter.Ordinal == 0) && argument.ArgumentKind == ArgumentKind.Explicit)
                            {
                                return argument.Value;
                            }
                        }
                    }

                    return factory.ArgumentList.Arguments.Count > 0 ? model.GetValueOperation(factory.ArgumentList.Arguments[0].Expression, cancellationToken) : null;
                }

                return made.Syntax is BaseObjectCreationExpressionSyntax ? ConstructorArgument(made, api, cancellationToken) : null;
            }

            /// <summary>A constructor's channel argument, by parameter name when bound, by position otherwise.</summary>
            private static IOperation? ConstructorArgument(IOperation creation, BrokerApi api, CancellationToken cancellationToken)
            {
                if (creation is IObjectCreationOperation bound)
                {
                    foreach (var argument in bound.Arguments)
                    {
                        if (argument.Parameter is { } parameter && api.Parameters.Contains(parameter.Name) && argument.ArgumentKind == ArgumentKind.Explicit)
                        {
                            return argument.Value;
                        }
                    }

                    return null;
                }

                return creation.Syntax is BaseObjectCreationExpressionSyntax { ArgumentList: { } list } && list.Arguments.Count > api.Position && creation.SemanticModel is { } model
                    ? model.GetValueOperation(list.Arguments[api.Position].Expression, cancellationToken)
                    : null;
            }

            /// <summary>new SendMessageRequest { QueueUrl = … } or new SendMessageRequest(queueUrl, body), through a local.</summary>
            private static IOperation? RequestProperty(IOperation request, string property, CancellationToken cancellationToken)
            {
                var made = MemberAssignments.ValueOrInitializer(request, cancellationToken);
                if (made?.Syntax is not BaseObjectCreationExpressionSyntax creation || made.SemanticModel is not { } model)
                {
                    return null;
                }

                foreach (var expression in creation.Initializer?.Expressions ?? default)
                {
                    if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment && name.Identifier.ValueText == property)
                    {
                        return model.GetValueOperation(assignment.Right, cancellationToken);
                    }
                }

                return creation.ArgumentList is { Arguments.Count: > 0 } list ? model.GetValueOperation(list.Arguments[0].Expression, cancellationToken) : null;
            }

        }
    }
}
