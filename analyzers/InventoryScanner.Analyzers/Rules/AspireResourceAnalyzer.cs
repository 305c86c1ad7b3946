using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Rules
{
    /// <summary>
    /// Inventory fact: a project resource of a .NET Aspire AppHost, <c>builder.AddProject&lt;Projects.Catalog_API&gt;("catalog-api")</c>,
    /// with the resources it references (<c>.WithReference(redis)</c>). The AppHost is the estate's own map: it says which
    /// service answers to which name, so a call to <c>https+http://catalog-api</c> is a call to the Catalog.API project.
    /// Read from the syntax and bound where it can be: AppHosts often do not restore on an auditor's machine.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerWords("AddProject")]
    public sealed class AspireResourceAnalyzer : DiagnosticAnalyzer
    {
        private const string Library = "Aspire.Hosting";
        private const string ProjectsNamespace = "Projects";

        private static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIdentifiers.AspireProjectResource,
            title: "Aspire project resource",
            messageFormat: "Aspire resource '{0}' runs project {1}; references: {2}",
            category: RuleCategories.Http,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A project resource of a .NET Aspire AppHost, with its name and the resources it references. The scanner maps service-discovery names to the projects of the scan with it.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(Analyze, OperationKind.Invocation, OperationKind.Invalid);
        }

        private static void Analyze(OperationAnalysisContext context)
        {
            if (context.Operation.Syntax is not InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "AddProject", TypeArgumentList.Arguments.Count: 1 } generic },
                    ArgumentList.Arguments.Count: > 0,
                } invocation
                || context.Operation.SemanticModel is not { } model)
            {
                return;
            }

            // A bound call must be Aspire's; one that did not bind is taken by its shape (AddProject<Projects.X>("name")).
            var bound = context.Operation as IInvocationOperation;
            if (bound is not null && bound.TargetMethod.ContainingNamespace?.ToDisplayString().StartsWith(Library, StringComparison.Ordinal) != true)
            {
                return;
            }

            var projectType = generic.TypeArgumentList.Arguments[0];
            var project = projectType is QualifiedNameSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: ProjectsNamespace } } qualified
                ? qualified.Right.Identifier.ValueText
                : model.GetTypeInfo(projectType, context.CancellationToken).Type is { ContainingNamespace.Name: ProjectsNamespace } type ? type.Name : null;
            if (project is null || ResourceName(invocation, model, context) is not { } resource)
            {
                return;
            }

            var references = new List<string>();
            SyntaxNode current = invocation;
            while (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current && access.Parent is InvocationExpressionSyntax outer)
            {
                if (access.Name.Identifier.ValueText == "WithReference" && outer.ArgumentList.Arguments.Count > 0
                    && Referenced(outer.ArgumentList.Arguments[0].Expression, model, context) is { } referenced && !references.Contains(referenced))
                {
                    references.Add(referenced);
                }

                current = outer;
            }

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(FindingProperties.Kind, FindingKinds.ServiceResource);
            properties.Add(FindingProperties.Library, Library);
            properties.Add(FindingProperties.Target, resource);
            properties.Add(FindingProperties.Resource, resource);
            properties.Add(FindingProperties.Project, project);
            properties.Add(FindingProperties.References, references.Count == 0 ? null : string.Join(", ", references));
            properties.Add(FindingProperties.Confidence, bound is null ? Confidence.Low : Confidence.High);
            properties.Add(FindingProperties.ConfidenceReason, bound is null ? "Aspire.Hosting did not resolve; AddProject recognised by its shape" : null);
            properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId());
            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.GetLocation(), properties.ToImmutable(), resource, project, references.Count == 0 ? "none" : string.Join(", ", references)));
        }

        private static string? ResourceName(InvocationExpressionSyntax invocation, SemanticModel model, OperationAnalysisContext context) =>
            model.GetConstantValue(invocation.ArgumentList.Arguments[0].Expression, context.CancellationToken).Value as string;

        /// <summary>
        /// The resource a WithReference argument names, with the method that made it: a local holding
        /// <c>builder.AddRedis("redis")</c> (through any chained configuration) reads "redis (AddRedis)".
        /// </summary>
        private static string? Referenced(ExpressionSyntax argument, SemanticModel model, OperationAnalysisContext context)
        {
            ExpressionSyntax? expression = argument;
            if (argument is IdentifierNameSyntax && model.GetSymbolInfo(argument, context.CancellationToken).Symbol is ILocalSymbol local)
            {
                expression = MemberAssignments.DeclaredInitializer(local, context.CancellationToken);
            }

            // Down the chain to the call that created the resource: the first Add… with a constant name.
            for (var depth = 0; depth < 16 && expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call; depth++)
            {
                var method = access.Name.Identifier.ValueText;
                if (method.StartsWith("Add", StringComparison.Ordinal) && call.ArgumentList.Arguments.Count > 0
                    && model.GetConstantValue(call.ArgumentList.Arguments[0].Expression, context.CancellationToken).Value is string name)
                {
                    return name + " (" + method + ")";
                }

                expression = access.Expression;
            }

            return null;
        }
    }
}
