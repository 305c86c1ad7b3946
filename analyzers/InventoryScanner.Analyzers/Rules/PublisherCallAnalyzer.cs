using System.Collections.Immutable;
using InventoryScanner.Analyzers.Messaging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Rules
{
    /// <summary>
    /// Calls of the application's own publishers: <c>_publisher.PublishEventAsync(body, organizationId)</c> on an
    /// <c>IEventIntegrationPublisher</c> whose implementation sends to a broker. Large services hide their broker behind
    /// such an interface, and the calls of it are where messages leave the component. This analyzer records each call of an
    /// application member named like a publish, with the member it calls (<see cref="FindingProperties.Calls"/>); publish
    /// findings name the members they are reached through (<see cref="FindingProperties.Implements"/>), and the scanner,
    /// which sees every project, keeps the calls whose member publishes and gives them that broker and channel. Calls of a
    /// type's own members (its helpers) and of framework and SDK types are not recorded.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerWords("Publish", "Send", "Enqueue", "Push", "Emit", "Raise", "Produce", "Dispatch", "Broadcast", "Notify")]
    public sealed class PublisherCallAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIdentifiers.PublisherCall,
            title: "Call of the application's own publisher",
            messageFormat: "Call of {0}",
            category: RuleCategories.Messaging,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A call of an application member named like a publish (PublishAsync, SendEventAsync, EnqueueAsync…). The scanner makes it a publish site, with the broker and channel, when the member's implementation publishes to a broker; otherwise it is not an integration and is left out of the inventory.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
            context.RegisterOperationAction(AnalyzeInvalid, OperationKind.Invalid);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (!PublisherMembers.IsPublisherName(method.Name) || method.ContainingType is not { } type || type.IsFrameworkOrSdk()
                || method.IsStatic || IsOwnMember(context.ContainingSymbol, type))
            {
                return;
            }

            Report(context, PublisherMembers.Key(type.Name, method.Name), Confidence.High, null);
        }

        /// <summary>A call through an application interface that did not resolve (its project did not load): named by the receiver's type.</summary>
        private static void AnalyzeInvalid(OperationAnalysisContext context)
        {
            if (context.Operation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
                || !PublisherMembers.IsPublisherName(access.Name.Identifier.ValueText))
            {
                return;
            }

            if (context.Operation.SemanticModel?.GetTypeInfo(access.Expression, context.CancellationToken).Type is INamedTypeSymbol { TypeKind: not TypeKind.Error } resolved)
            {
                // The publisher resolved but the call did not bind: one of its arguments' types is missing (a RabbitMQ IChannel).
                if (!resolved.IsFrameworkOrSdk() && !IsOwnMember(context.ContainingSymbol, resolved))
                {
                    Report(context, PublisherMembers.Key(resolved.Name, access.Name.Identifier.ValueText), Confidence.Medium, "the call did not bind (an argument's type did not resolve)");
                }

                return;
            }

            if (ReceiverName(access.Expression, context) is { } receiver)
            {
                Report(context, PublisherMembers.Key(receiver, access.Name.Identifier.ValueText), Confidence.Low, receiver + " did not resolve; recognised by name");
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

        private static void Report(OperationAnalysisContext context, string member, string confidence, string? reason)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(FindingProperties.Kind, FindingKinds.PublisherCall);
            properties.Add(FindingProperties.Library, "application");
            properties.Add(FindingProperties.Target, TargetSources.Unresolved);
            properties.Add(FindingProperties.Calls, member);
            properties.Add(FindingProperties.Confidence, confidence);
            properties.Add(FindingProperties.ConfidenceReason, reason);
            properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId());
            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), properties.ToImmutable(), member));
        }
    }
}
