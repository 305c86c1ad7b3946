using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Rules
{
    /// <summary>
    /// Inventory facts: RabbitMQ.Client publishes (<c>BasicPublish</c>, <c>BasicPublishAsync</c>) and consumers
    /// (<c>BasicConsume</c>, <c>BasicConsumeAsync</c>) on <c>IModel</c> (6.x) and <c>IChannel</c> (7.x), with the
    /// exchange, routing key and queue where the code says them; bindings (<c>QueueBind</c>) and declarations
    /// (<c>QueueDeclare</c>, <c>ExchangeDeclare</c>) with what they say of durability and dead-lettering.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerWords("BasicPublish", "BasicConsume", "QueueBind", "QueueDeclare", "ExchangeDeclare")]
    public sealed class RabbitMqAnalyzer : DiagnosticAnalyzer
    {
        private const string Library = "RabbitMQ.Client";

        private static readonly DiagnosticDescriptor PublishRule = RuleDescriptors.Create(
            RuleIdentifiers.RabbitMqPublish,
            title: "RabbitMQ publish",
            messageFormat: "RabbitMQ publish to {0}",
            category: RuleCategories.Messaging,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A message published to a RabbitMQ exchange. Reported as an inventory fact with the exchange and routing key.");

        private static readonly DiagnosticDescriptor ConsumeRule = RuleDescriptors.Create(
            RuleIdentifiers.RabbitMqConsume,
            title: "RabbitMQ consumer",
            messageFormat: "RabbitMQ consumer of {0}",
            category: RuleCategories.Messaging,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A consumer registered on a RabbitMQ queue. Reported as an inventory fact with the queue name.");

        private static readonly DiagnosticDescriptor BindRule = RuleDescriptors.Create(
            RuleIdentifiers.RabbitMqBinding,
            title: "RabbitMQ queue binding",
            messageFormat: "RabbitMQ binding of {0}",
            category: RuleCategories.Messaging,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A queue bound to an exchange with a routing key. Reported as an inventory fact: it is what joins a publisher of the exchange to the consumers of the queue.");

        private static readonly DiagnosticDescriptor AutoAckRule = RuleDescriptors.Create(
            RuleIdentifiers.RabbitMqAutoAck,
            title: "RabbitMQ consumer with automatic acknowledgement",
            messageFormat: "The consumer of {0} acknowledges messages on delivery (autoAck: true); a failure in the handler loses the message",
            category: RuleCategories.Messaging,
            defaultSeverity: DiagnosticSeverity.Warning,
            description: "With autoAck the broker forgets a message as soon as it is delivered. If the handler throws or the process stops, the message is gone. Acknowledge after the work is done (BasicAck), and reject to a dead-letter exchange on failure.");

        private static readonly DiagnosticDescriptor UnhandledFailureRule = RuleDescriptors.Create(
            RuleIdentifiers.RabbitMqUnhandledFailure,
            title: "RabbitMQ handler that does not catch failures",
            messageFormat: "The handler wired to the consumer of {0} does not catch failures; a message it fails on is neither acknowledged nor rejected",
            category: RuleCategories.Messaging,
            defaultSeverity: DiagnosticSeverity.Warning,
            description: "An exception that escapes a Received handler leaves its message unacknowledged: it blocks the consumer's prefetch and comes back when the channel closes, again and again if it always fails (with autoAck it is simply lost). Catch failures in the handler, and reject the message (BasicNack without requeue) to a dead-letter exchange.");

        private static readonly DiagnosticDescriptor DeclareRule = RuleDescriptors.Create(
            RuleIdentifiers.RabbitMqDeclaration,
            title: "RabbitMQ queue or exchange declaration",
            messageFormat: "RabbitMQ declaration of {0}",
            category: RuleCategories.Messaging,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A queue or exchange the code declares, with its durability, the exchange's type and the queue's dead-letter exchange (x-dead-letter-exchange). Reported as an inventory fact: it says whether a consumer's failed messages have somewhere to go.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(PublishRule, ConsumeRule, BindRule, AutoAckRule, UnhandledFailureRule, DeclareRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                // Types are looked up at the first call named like a RabbitMQ method, not here: in a build, a lookup of a
                // type no reference has is most of what this rule would cost a project that does not use RabbitMQ.
                var analyzer = new AnalyzerContext(start.Compilation, start.Options, start.CancellationToken);
                start.RegisterOperationAction(analyzer.AnalyzeInvocation, OperationKind.Invocation);
                start.RegisterOperationAction(analyzer.AnalyzeInvalid, OperationKind.Invalid);
            });
        }

        private static bool IsPublish(string name) => name == "BasicPublish" || name == "BasicPublishAsync";

        private static bool IsConsume(string name) => name == "BasicConsume" || name == "BasicConsumeAsync";

        private static bool IsBind(string name) => name == "QueueBind" || name == "QueueBindAsync";

        private static bool IsDeclare(string name) => name is "QueueDeclare" or "QueueDeclareAsync" or "ExchangeDeclare" or "ExchangeDeclareAsync";

        private static bool IsRecognised(string name) => IsPublish(name) || IsConsume(name) || IsBind(name) || IsDeclare(name);

        private sealed class AnalyzerContext
        {
            private readonly Compilation _compilation;
            private readonly ValueResolver _resolver;

            public AnalyzerContext(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
            {
                _compilation = compilation;
                _resolver = new ValueResolver(compilation, options, cancellationToken);
            }

            private ImmutableArray<INamedTypeSymbol> ChannelInterfaces => Collect(
                _compilation.GetBestTypeByMetadataName(KnownTypeNames.RabbitMQ_Client_IModel),
                _compilation.GetBestTypeByMetadataName(KnownTypeNames.RabbitMQ_Client_IChannel));

            private ImmutableArray<INamedTypeSymbol> DeclaringTypes => Collect(
                _compilation.GetBestTypeByMetadataName(KnownTypeNames.RabbitMQ_Client_IModel),
                _compilation.GetBestTypeByMetadataName(KnownTypeNames.RabbitMQ_Client_IChannel),
                _compilation.GetBestTypeByMetadataName(KnownTypeNames.RabbitMQ_Client_IModelExensions),
                _compilation.GetBestTypeByMetadataName(KnownTypeNames.RabbitMQ_Client_IChannelExtensions));

            public void AnalyzeInvocation(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                if (IsRecognised(method.Name) && IsRabbitMqMethod(method))
                {
                    Report(context, CallSite.FromInvocation(invocation), Confidence.High, reason: null);
                }
            }

            public void AnalyzeInvalid(OperationAnalysisContext context)
            {
                var invalid = (IInvalidOperation)context.Operation;
                if (!CallSite.TryFromInvalid(invalid, IsRecognised, context.CancellationToken, out var call))
                {
                    return;
                }

                if (call.Method is not null && IsRabbitMqMethod(call.Method))
                {
                    Report(context, call, Confidence.Medium, "the call did not bind (an argument's type did not resolve)");
                }
                else if (call.ReceiverType is null or IErrorTypeSymbol)
                {
                    var typeName = string.IsNullOrEmpty(call.ReceiverType?.Name) ? "the channel's type" : call.ReceiverType!.Name;
                    Report(context, call, Confidence.Low, typeName + " did not resolve; recognised by method name");
                }
            }

            private bool IsRabbitMqMethod(IMethodSymbol method)
            {
                var declaringType = (method.ReducedFrom ?? method).ContainingType.OriginalDefinition;
                foreach (var type in DeclaringTypes)
                {
                    if (SymbolEqualityComparer.Default.Equals(declaringType, type))
                    {
                        return true;
                    }
                }

                // A concrete channel class implementing IModel/IChannel.
                var channelInterfaces = ChannelInterfaces;
                foreach (var implemented in declaringType.AllInterfaces)
                {
                    foreach (var type in channelInterfaces)
                    {
                        if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, type))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            private void Report(OperationAnalysisContext context, CallSite call, string confidence, string? reason)
            {
                var cancellationToken = context.CancellationToken;
                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(FindingProperties.Library, Library);
                properties.Add(FindingProperties.Confidence, confidence);
                properties.Add(FindingProperties.ConfidenceReason, reason);
                properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId());

                DiagnosticDescriptor rule;
                string target;
                var unhandled = false;
                string description;
                ResolvedValue primary;
                if (IsPublish(call.MethodName))
                {
                    rule = PublishRule;
                    var exchange = _resolver.Resolve(call.GetArgument("exchange", 0, cancellationToken), cancellationToken);
                    var routingKey = _resolver.Resolve(call.GetArgument("routingKey", 1, cancellationToken), cancellationToken);
                    properties.Add(FindingProperties.Kind, FindingKinds.QueuePublish);
                    properties.Add(FindingProperties.Exchange, exchange.TargetText());
                    properties.Add(FindingProperties.RoutingKey, routingKey.TargetText());

                    // The default exchange ("") delivers to the queue named by the routing key.
                    if (exchange.Text == string.Empty)
                    {
                        primary = routingKey;
                        target = "queue:" + (routingKey.TargetText() ?? TargetSources.Unresolved);
                        description = "queue '" + (routingKey.TargetText() ?? routingKey.Expression) + "' (default exchange)";
                    }
                    else
                    {
                        primary = exchange;
                        target = "exchange:" + (exchange.TargetText() ?? TargetSources.Unresolved);
                        description = "exchange '" + (exchange.TargetText() ?? exchange.Expression) + "' with routing key '" + (routingKey.TargetText() ?? routingKey.Expression) + "'";
                    }
                }
                else if (IsBind(call.MethodName))
                {
                    rule = BindRule;
                    primary = _resolver.Resolve(call.GetArgument("queue", 0, cancellationToken), cancellationToken);
                    var exchange = _resolver.Resolve(call.GetArgument("exchange", 1, cancellationToken), cancellationToken);
                    var routingKey = _resolver.Resolve(call.GetArgument("routingKey", 2, cancellationToken), cancellationToken);
                    properties.Add(FindingProperties.Kind, FindingKinds.QueueBinding);
                    properties.Add(FindingProperties.Queue, primary.TargetText());
                    properties.Add(FindingProperties.Exchange, exchange.TargetText());
                    properties.Add(FindingProperties.RoutingKey, routingKey.TargetText());
                    target = "queue:" + (primary.TargetText() ?? TargetSources.Unresolved);
                    description = "queue '" + (primary.TargetText() ?? primary.Expression) + "' to exchange '" + (exchange.TargetText() ?? exchange.Expression) + "' with routing key '" + (routingKey.TargetText() ?? routingKey.Expression) + "'";
                }
                else if (IsDeclare(call.MethodName))
                {
                    rule = DeclareRule;
                    var isQueue = call.MethodName.StartsWith("Queue", System.StringComparison.Ordinal);
                    primary = _resolver.Resolve(call.GetArgument(isQueue ? "queue" : "exchange", 0, cancellationToken), cancellationToken);
                    properties.Add(FindingProperties.Kind, FindingKinds.QueueDeclaration);
                    var durable = call.GetArgument("durable", isQueue ? 1 : 2, cancellationToken)?.ConstantValue;
                    properties.Add(FindingProperties.Durable, durable is { HasValue: true, Value: bool flag } ? (flag ? "true" : "false") : null);
                    if (isQueue)
                    {
                        properties.Add(FindingProperties.Queue, primary.TargetText());
                        var deadLetter = Messaging.QueueArguments.DeadLetterExchange(call.GetArgument("arguments", 4, cancellationToken), call.Operation.Syntax, _resolver, cancellationToken);
                        properties.Add(FindingProperties.DeadLetterExchange, deadLetter);
                    }
                    else
                    {
                        properties.Add(FindingProperties.Exchange, primary.TargetText());
                        properties.Add(FindingProperties.ExchangeType, _resolver.Resolve(call.GetArgument("type", 1, cancellationToken), cancellationToken).TargetText());
                    }

                    target = (isQueue ? "queue:" : "exchange:") + (primary.TargetText() ?? TargetSources.Unresolved);
                    description = (isQueue ? "queue '" : "exchange '") + (primary.TargetText() ?? primary.Expression) + "'";
                }
                else
                {
                    rule = ConsumeRule;
                    primary = _resolver.Resolve(call.GetArgument("queue", 0, cancellationToken), cancellationToken);
                    properties.Add(FindingProperties.Kind, FindingKinds.QueueConsume);
                    properties.Add(FindingProperties.Queue, primary.TargetText());
                    Messaging.HandlerFacts.AddTo(properties, HandlersOf(call.GetArgument("consumer", 2, cancellationToken), call.Operation.Syntax, cancellationToken));
                    unhandled = properties.TryGetValue(FindingProperties.ErrorHandling, out var handling) && handling == Messaging.HandlerFacts.None;
                    target = "queue:" + (primary.TargetText() ?? TargetSources.Unresolved);
                    description = "queue '" + (primary.TargetText() ?? primary.Expression) + "'";
                }

                properties.Add(FindingProperties.Target, target);
                primary.AddProvenance(properties, null);
                if (rule == PublishRule || rule == ConsumeRule)
                {
                    Messaging.WrapperMembers.AddTo(properties, context.ContainingSymbol, rule == PublishRule, primary, cancellationToken);
                }

                context.ReportDiagnostic(Diagnostic.Create(rule, call.Operation.Syntax.GetLocation(), properties.ToImmutable(), description));

                if (IsConsume(call.MethodName) && call.GetArgument("autoAck", 1, cancellationToken) is { ConstantValue: { HasValue: true, Value: true } })
                {
                    var warning = AntiPatterns.Properties(context.ContainingSymbol, RuleIdentifiers.RabbitMqAutoAck, Library, target, confidence);
                    context.ReportDiagnostic(Diagnostic.Create(AutoAckRule, call.Operation.Syntax.GetLocation(), warning, target));
                }

                if (unhandled)
                {
                    var warning = AntiPatterns.Properties(context.ContainingSymbol, RuleIdentifiers.RabbitMqUnhandledFailure, Library, target, confidence);
                    context.ReportDiagnostic(Diagnostic.Create(UnhandledFailureRule, call.Operation.Syntax.GetLocation(), warning, target));
                }
            }

            /// <summary>
            /// The handler code of the consumer given to BasicConsume: what a local consumer's <c>Received</c> event is
            /// given in the same type, or the delivery method of a consumer class of the project.
            /// </summary>
            private static System.Collections.Generic.IReadOnlyList<SyntaxNode> HandlersOf(IOperation? consumer, SyntaxNode call, CancellationToken cancellationToken)
            {
                var value = CallSite.Unwrap(consumer);
                if ((value?.Syntax ?? consumer?.Syntax) is Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax identifier)
                {
                    var attached = Messaging.HandlerFacts.AttachedTo(identifier.Identifier.ValueText, call, isField: value is IFieldReferenceOperation or IPropertyReferenceOperation, cancellationToken);
                    if (attached.Count > 0)
                    {
                        return attached;
                    }
                }

                return value?.Type is INamedTypeSymbol { Locations.Length: > 0 } type && type.Locations[0].IsInSource
                    ? Messaging.HandlerFacts.OfHandlerType(type, cancellationToken)
                    : System.Array.Empty<SyntaxNode>();
            }

            private static ImmutableArray<INamedTypeSymbol> Collect(params INamedTypeSymbol?[] types)
            {
                var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
                foreach (var type in types)
                {
                    if (type is not null)
                    {
                        builder.Add(type);
                    }
                }

                return builder.ToImmutable();
            }
        }
    }
}
