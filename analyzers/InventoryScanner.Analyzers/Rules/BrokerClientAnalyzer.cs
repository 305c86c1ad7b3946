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
        "ReceiveMessage", "SimpleNotificationService", "ISubscriber", "MessageQueue", "Publish")]
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

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(PublishRule, ConsumeRule);

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
            private readonly Dictionary<BrokerApi, INamedTypeSymbol> _types = new Dictionary<BrokerApi, INamedTypeSymbol>();
            private readonly ValueResolver _resolver;

            public AnalyzerContext(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
            {
                foreach (var api in BrokerApi.All)
                {
                    if (compilation.GetBestTypeByMetadataName(api.TypeName) is { } type)
                    {
                        _types[api] = type;
                    }
                }

                _resolver = new ValueResolver(compilation, options, cancellationToken);
            }

            public void AnalyzeInvocation(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                var call = CallSite.FromInvocation(invocation);
                foreach (var api in BrokerApi.All)
                {
                    if (api.Source != ChannelSource.Constructor && api.Members.Contains(call.MethodName) && _types.TryGetValue(api, out var type) && call.ReceiverType.IsOrInherits(type))
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
                foreach (var api in BrokerApi.All)
                {
                    if (api.Source == ChannelSource.Constructor && _types.TryGetValue(api, out var type) && SymbolEqualityComparer.Default.Equals(creation.Type, type))
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
                    foreach (var api in BrokerApi.All)
                    {
                        if (api.Source == ChannelSource.Constructor && creation.Type.ToString().EndsWith(api.SimpleName, StringComparison.Ordinal))
                        {
                            ReportChannel(context, api, ConstructorArgument(context.Operation, api, context.CancellationToken), Confidence.Low, api.Library + " did not resolve; recognised by name", subscription: null);
                            return;
                        }
                    }

                    return;
                }

                if (!CallSite.TryFromInvalid((IInvalidOperation)context.Operation, context.CancellationToken, out var call))
                {
                    return;
                }

                foreach (var api in BrokerApi.All)
                {
                    if (api.Source == ChannelSource.Constructor || !api.Members.Contains(call.MethodName))
                    {
                        continue;
                    }

                    if (_types.TryGetValue(api, out var type) && call.Method is not null && call.ReceiverType.IsOrInherits(type))
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
                        break;
                }

                ReportChannel(context, api, channel, confidence, reason, subscription);
            }

            private void ReportChannel(OperationAnalysisContext context, BrokerApi api, IOperation? channelOperation, string confidence, string? reason, IOperation? subscription)
            {
                var cancellationToken = context.CancellationToken;
                channelOperation = ChannelValue(channelOperation, cancellationToken);
                var channel = _resolver.Resolve(channelOperation, cancellationToken);
                var name = channel.TargetText() is { } text ? ChannelName(api, text) : TargetSources.Unresolved;
                var subscriptionName = subscription is null ? null : _resolver.Resolve(subscription, cancellationToken).TargetText();
                var target = api.ChannelPrefix + name;
                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(FindingProperties.Kind, api.Direction == Direction.Publish ? FindingKinds.QueuePublish : FindingKinds.QueueConsume);
                properties.Add(FindingProperties.Library, api.Library);
                properties.Add(FindingProperties.Target, target);
                channel.AddProvenance(properties, channelOperation?.Syntax.ToString());
                properties.Add(FindingProperties.Queue, name);
                properties.Add(FindingProperties.Subscription, subscriptionName);
                properties.Add(FindingProperties.Polling, api.Direction == Direction.Consume ? PollingLoop(context) : null);
                properties.Add(FindingProperties.Confidence, confidence);
                properties.Add(FindingProperties.ConfidenceReason, reason);
                properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId());
                var rule = api.Direction == Direction.Publish ? PublishRule : ConsumeRule;
                var shown = subscriptionName is null ? target : target + " (subscription " + subscriptionName + ")";
                context.ReportDiagnostic(Diagnostic.Create(rule, context.Operation.Syntax.GetLocation(), properties.ToImmutable(), api.Library, shown));
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
            /// A receiver whose type did not resolve, made by the API's factory (<c>bus.CreateSender("x")</c>) or constructor:
            /// <c>var</c> gives it an error type with no name, but the call that made it still says what it is.
            /// </summary>
            private static bool MadeBy(IOperation? receiver, BrokerApi api, CancellationToken cancellationToken) =>
                MemberAssignments.ValueOrInitializer(receiver, cancellationToken)?.Syntax switch
                {
                    InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => api.FactoryMethod is not null && access.Name.Identifier.ValueText == api.FactoryMethod,
                    ObjectCreationExpressionSyntax creation => creation.Type.ToString().EndsWith(api.SimpleName, StringComparison.Ordinal),
                    _ => false,
                };

            /// <summary>
            /// A consumer that polls: the receive call sits in a loop of a hosted service's method
            /// (<c>BackgroundService.ExecuteAsync</c>, an <c>IHostedService</c>), rather than a push subscription.
            /// </summary>
            private static string? PollingLoop(OperationAnalysisContext context)
            {
                var inLoop = false;
                for (var node = context.Operation.Syntax.Parent; node is not null && node is not MemberDeclarationSyntax; node = node.Parent)
                {
                    if (node is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or ForEachStatementSyntax)
                    {
                        inLoop = true;
                        break;
                    }
                }

                for (var type = context.ContainingSymbol.ContainingType; inLoop && type is not null; type = type.BaseType)
                {
                    if (type.Name == "BackgroundService" || type.AllInterfaces.Any(i => i.Name == "IHostedService"))
                    {
                        return "a loop in the hosted service " + context.ContainingSymbol.ContainingType.Name;
                    }
                }

                return inLoop ? "a loop in " + context.ContainingSymbol.Name : null;
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
                var made = MemberAssignments.ValueOrInitializer(receiver, cancellationToken);
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
