using System.Collections.Immutable;
using System.Linq;
using InventoryScanner.Analyzers.Messaging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Rules
{
    /// <summary>
    /// Calls of the application's own broker wrappers: <c>_publisher.PublishEventAsync(body, organizationId)</c> on an
    /// <c>IEventIntegrationPublisher</c> whose implementation sends to a broker, <c>_bus.CreateProcessor(topic, subscription)</c>
    /// on a service that wraps the broker's client. Large services hide their broker behind such types, and the calls of them
    /// are where messages leave or enter the component. This analyzer records each call of an application member named like
    /// a publish or a consume, with the member it calls (<see cref="FindingProperties.Calls"/>) and what its arguments resolve
    /// to; the findings inside name the members they are reached through (<see cref="FindingProperties.Implements"/>), and the
    /// scanner, which sees every project, keeps the calls whose member publishes or consumes. Calls of a type's own members
    /// (its helpers) and of framework and SDK types are not recorded.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerWords("Publish", "Send", "Enqueue", "Push", "Emit", "Raise", "Produce", "Dispatch", "Broadcast", "Notify", "Subscribe", "Consume", "Receive", "Listen", "CreateProcessor", "CreateReceiver", "CreateConsumer", "StartProcessing", "StartConsuming")]
    public sealed class WrapperCallAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIdentifiers.WrapperCall,
            title: "Call of the application's own broker wrapper",
            messageFormat: "Call of {0}",
            category: RuleCategories.Messaging,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A call of an application member named like a publish (PublishAsync, SendEventAsync, EnqueueAsync…) or a consume (CreateProcessor, SubscribeAsync…). The scanner makes it a publish site or a consumer, with the broker and channel, when the member's implementation publishes or consumes; otherwise it is not an integration and is left out of the inventory.");

        private static readonly DiagnosticDescriptor RequestRule = RuleDescriptors.Create(
            RuleIdentifiers.RequestWrapperCall,
            title: "Call of the application's own request wrapper",
            messageFormat: "Call of {0}",
            category: RuleCategories.Http,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A call of an application member that makes a request to an address its caller passes (GetAsync<T>(string uri), PostAsync(string url, T body)…). The scanner makes it an outbound call to the caller's address when the member's implementation calls out with it; otherwise it is left out of the inventory.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, RequestRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var resolver = new ValueResolver(start.Compilation, start.Options, start.CancellationToken);
                start.RegisterOperationAction(c => AnalyzeInvocation(c, resolver), OperationKind.Invocation);
                start.RegisterOperationAction(c => AnalyzeInvalid(c, resolver), OperationKind.Invalid);
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, ValueResolver resolver)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var request = WrapperMembers.IsRequestWrapper(method.OriginalDefinition);
            if (!(request || WrapperMembers.IsWrapperName(method.Name)) || method.ContainingType is not { } type || type.IsFrameworkOrSdk()
                || method.IsStatic || IsOwnMember(context.ContainingSymbol, type))
            {
                return;
            }

            // A request wrapper that hands its address on to another (GetImageResponse(url) => _inner.GetImageResponse(url)) is a
            // link of that wrapper's chain: its own callers are the places the address comes from.
            if (request && context.ContainingSymbol is IMethodSymbol { } containing && WrapperMembers.IsRequestWrapper(containing))
            {
                return;
            }

            Report(context, request ? RequestRule : Rule, WrapperMembers.Key(type.Name, method.Name), Confidence.High, null, Arguments(invocation, resolver, context.CancellationToken));
        }

        /// <summary>A call through an application interface that did not resolve (its project did not load): named by the receiver's type.</summary>
        private static void AnalyzeInvalid(OperationAnalysisContext context, ValueResolver resolver)
        {
            if (context.Operation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
                || !WrapperMembers.IsWrapperName(access.Name.Identifier.ValueText))
            {
                return;
            }

            if (context.Operation.SemanticModel?.GetTypeInfo(access.Expression, context.CancellationToken).Type is INamedTypeSymbol { TypeKind: not TypeKind.Error } resolved)
            {
                // The publisher resolved but the call did not bind: one of its arguments' types is missing (a RabbitMQ IChannel).
                if (!resolved.IsFrameworkOrSdk() && !IsOwnMember(context.ContainingSymbol, resolved))
                {
                    Report(context, Rule, WrapperMembers.Key(resolved.Name, access.Name.Identifier.ValueText), Confidence.Medium, "the call did not bind (an argument's type did not resolve)", Arguments(context.Operation, resolver, context.CancellationToken));
                }

                return;
            }

            if (ReceiverName(access.Expression, context) is { } receiver && !SdkClients.Contains(receiver))
            {
                Report(context, Rule, WrapperMembers.Key(receiver, access.Name.Identifier.ValueText), Confidence.Low, receiver + " did not resolve; recognised by name", Arguments(context.Operation, resolver, context.CancellationToken));
            }
        }

        /// <summary>
        /// The type an unresolved receiver names: its error type's name, or the service a container call asks for
        /// (<c>services.GetRequiredService&lt;IPlatformEventPublisher&gt;()</c> where the container's package is missing too).
        /// </summary>
        private static string? ReceiverName(ExpressionSyntax receiver, OperationAnalysisContext context)
        {
            if (context.Operation.SemanticModel?.GetTypeInfo(receiver, context.CancellationToken).Type is IErrorTypeSymbol { Name.Length: > 0 } error)
            {
                return error.Name;
            }

            return receiver is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "GetRequiredService" or "GetService", TypeArgumentList.Arguments: { Count: 1 } service } } }
                ? service[0].SimpleTypeName()
                : null;
        }

        /// <summary>The SDK clients the broker rules recognise by name when their packages are missing: their calls are those rules' findings.</summary>
        private static readonly System.Collections.Generic.HashSet<string> SdkClients = new System.Collections.Generic.HashSet<string>(
            BrokerApi.All.Select(api => api.SimpleName).Concat(new[] { "HttpClient", "IModel", "IChannel", "IBus", "IPublishEndpoint", "ISendEndpoint", "IMessageSession" }),
            System.StringComparer.Ordinal);

        /// <summary>A type calling its own helper (or its base's) is inside the publisher, not a caller of it.</summary>
        private static bool IsOwnMember(ISymbol containing, INamedTypeSymbol called)
        {
            for (var type = containing.ContainingType; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, called.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// What the call's arguments resolve to, <c>ordinal=value</c> a line, for a wrapper whose channel is its parameter:
        /// by the parameter's ordinal when the call binds, by position when it does not. Arguments that say nothing are left out.
        /// </summary>
        private static string? Arguments(IOperation call, ValueResolver resolver, System.Threading.CancellationToken cancellationToken)
        {
            var lines = new System.Collections.Generic.List<string>();
            if (call is IInvocationOperation bound)
            {
                foreach (var argument in bound.Arguments)
                {
                    if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter is { } parameter && (parameter.Type.SpecialType == SpecialType.System_String || parameter.Type.Name == "Uri")
                        && resolver.Resolve(CallSite.Unwrap(argument.Value), cancellationToken).TargetText() is { Length: > 0 } text)
                    {
                        lines.Add(parameter.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture) + "=" + text);
                    }
                }
            }
            else if (call.Syntax is InvocationExpressionSyntax { ArgumentList.Arguments: var arguments } && call.SemanticModel is { } model)
            {
                for (var position = 0; position < arguments.Count; position++)
                {
                    if (arguments[position].NameColon is null
                        && resolver.Resolve(model.GetValueOperation(arguments[position].Expression, cancellationToken), cancellationToken).TargetText() is { Length: > 0 } text)
                    {
                        lines.Add(position.ToString(System.Globalization.CultureInfo.InvariantCulture) + "=" + text);
                    }
                }
            }

            return lines.Count == 0 ? null : string.Join("\n", lines);
        }

        private static void Report(OperationAnalysisContext context, DiagnosticDescriptor rule, string member, string confidence, string? reason, string? arguments)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(FindingProperties.Kind, FindingKinds.WrapperCall);
            properties.Add(FindingProperties.Library, "application");
            properties.Add(FindingProperties.Target, TargetSources.Unresolved);
            properties.Add(FindingProperties.Calls, member);
            properties.Add(FindingProperties.Arguments, arguments);
            properties.Add(FindingProperties.Confidence, confidence);
            properties.Add(FindingProperties.ConfidenceReason, reason);
            properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId());
            context.ReportDiagnostic(Diagnostic.Create(rule, context.Operation.Syntax.GetLocation(), properties.ToImmutable(), member));
        }
    }
}
