using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Rules
{
    /// <summary>
    /// Inventory fact: a SignalR client connection, <c>new HubConnectionBuilder().WithUrl(url)</c>, with the hub's URL.
    /// A long-lived connection to another service's hub is an integration as much as a request is.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerWords("HubConnectionBuilder", "WithUrl")]
    public sealed class SignalRClientAnalyzer : DiagnosticAnalyzer
    {
        private const string Library = "Microsoft.AspNetCore.SignalR.Client";

        private static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIdentifiers.SignalRHubConnection,
            title: "SignalR hub connection",
            messageFormat: "SignalR connection to the hub at {0}",
            category: RuleCategories.Http,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A SignalR client connection (HubConnectionBuilder.WithUrl) to another service's hub, with the hub URL resolved as far as the code and its configuration say.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var resolver = new ValueResolver(start.Compilation, start.Options, start.CancellationToken);
                start.RegisterOperationAction(context => Analyze(context, resolver), OperationKind.Invocation, OperationKind.Invalid);
            });
        }

        private static void Analyze(OperationAnalysisContext context, ValueResolver resolver)
        {
            if (context.Operation.Syntax is not InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WithUrl" } access,
                    ArgumentList.Arguments.Count: > 0,
                } invocation
                || context.Operation.SemanticModel is not { } model)
            {
                return;
            }

            // Bound, WithUrl must be SignalR's; unbound (the client package is missing), the chain must start at a
            // new HubConnectionBuilder().
            var bound = context.Operation as IInvocationOperation;
            if (bound is not null ? bound.TargetMethod.ContainingNamespace?.ToDisplayString() != Library : !StartsAtBuilder(access.Expression))
            {
                return;
            }

            var url = resolver.Resolve(model.GetValueOperation(invocation.ArgumentList.Arguments[0].Expression, context.CancellationToken), context.CancellationToken);
            var target = url.TargetText() ?? TargetSources.Unresolved;
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(FindingProperties.Kind, FindingKinds.SignalRClient);
            properties.Add(FindingProperties.Library, Library);
            properties.Add(FindingProperties.Target, target);
            url.AddProvenance(properties, invocation.ArgumentList.Arguments[0].Expression.ToString());
            properties.Add(FindingProperties.Confidence, bound is null ? Confidence.Low : Confidence.High);
            properties.Add(FindingProperties.ConfidenceReason, bound is null ? "the SignalR client did not resolve; recognised by new HubConnectionBuilder().WithUrl" : null);
            properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId());
            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.GetLocation(), properties.ToImmutable(), target));
        }

        private static bool StartsAtBuilder(ExpressionSyntax expression)
        {
            for (var depth = 0; depth < 16; depth++)
            {
                switch (expression)
                {
                    case ObjectCreationExpressionSyntax creation:
                        return creation.Type.ToString().EndsWith("HubConnectionBuilder", System.StringComparison.Ordinal);
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner }:
                        expression = inner.Expression;
                        break;
                    default:
                        return false;
                }
            }

            return false;
        }
    }
}
