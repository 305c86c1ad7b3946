using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using InventoryScanner.Analyzers.Aspire;
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
    /// Also each <c>WithReference</c> of a service resource (INV1013: the referencing project's dependency, and the
    /// scanner's finding of that project's component), and each route of a YARP resource (INV1014,
    /// <c>builder.AddYarp("mobile-bff").WithConfiguration(yarp =&gt; yarp.AddRoute("/api/orders/{*any}", orderingApi))</c>),
    /// followed into the application's own helper methods the resources are handed to.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerWords("AddProject", "WithReference", "AddRoute")]
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

        private static readonly DiagnosticDescriptor ReferenceRule = RuleDescriptors.Create(
            RuleIdentifiers.AspireServiceReference,
            title: "Aspire service reference",
            messageFormat: "Aspire resource '{0}' references service '{1}'",
            category: RuleCategories.Http,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "An Aspire AppHost gives a resource a reference to a service resource (a project, app or container): the referencing resource is told where that service answers, and calls it. The scanner makes it a dependency of the referencing project.");

        private static readonly DiagnosticDescriptor RouteRule = RuleDescriptors.Create(
            RuleIdentifiers.AspireYarpRoute,
            title: "Aspire YARP route",
            messageFormat: "YARP resource '{0}' routes {1} to {2}",
            category: RuleCategories.Http,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A route of a YARP resource an Aspire AppHost runs (AddYarp … WithConfiguration … AddRoute): the gateway forwards that path to the service resource of the cluster or endpoint.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, ReferenceRule, RouteRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(Analyze, OperationKind.Invocation, OperationKind.Invalid);
        }

        private static void Analyze(OperationAnalysisContext context)
        {
            if (context.Operation.Syntax is not InvocationExpressionSyntax invocation || context.Operation.SemanticModel is not { } model)
            {
                return;
            }

            var resources = new AppHostResources(model);
            switch ((invocation.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText)
            {
                case "AddProject":
                    AnalyzeProject(context);
                    break;
                case "WithReference" when IsAspire(context.Operation):
                    ReportReference(context, invocation, resources, invocation, via: null);
                    break;
                case "AddRoute" when IsAspire(context.Operation):
                    ReportRoute(context, invocation, resources, invocation, via: null);
                    break;
            }

            FollowHelper(context, invocation, resources, model);
        }

        /// <summary>A bound call is Aspire's (or an extension of Aspire's builders); one that did not bind is taken by its shape.</summary>
        private static bool IsAspire(IOperation operation)
        {
            if (operation is not IInvocationOperation bound)
            {
                return true;
            }

            var method = bound.TargetMethod.ReducedFrom ?? bound.TargetMethod;
            return method.ContainingNamespace?.ToDisplayString().StartsWith("Aspire", StringComparison.Ordinal) == true
                || (method.IsExtensionMethod && method.Parameters.Length > 0 && method.Parameters[0].Type.IsDeclaredIn("Aspire"));
        }

        /// <summary>
        /// <c>webApp.WithReference(catalogApi)</c> where both name resources and the referenced one serves requests: the
        /// referencing resource depends on that service (data stores and brokers are INV1007's references).
        /// </summary>
        private static void ReportReference(OperationAnalysisContext context, InvocationExpressionSyntax call, AppHostResources resources, SyntaxNode at, string? via)
        {
            if (call is not { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments.Count: > 0 }
                || resources.Resolve(access.Expression, context.CancellationToken) is not { } referencing
                || resources.Resolve(call.ArgumentList.Arguments[0].Expression, context.CancellationToken) is not { } referenced
                || !(AppHostResources.IsService(referenced) || IsEndpoint(call.ArgumentList.Arguments[0].Expression))
                || referenced.Name == referencing.Name)
            {
                return;
            }

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(FindingProperties.Kind, FindingKinds.ServiceReference);
            properties.Add(FindingProperties.Library, Library);
            properties.Add(FindingProperties.Target, referenced.Name);
            properties.Add(FindingProperties.Resource, referencing.Name);
            properties.Add(FindingProperties.ResourceType, referencing.Method);
            properties.Add(FindingProperties.Project, referencing.Project);
            properties.Add(FindingProperties.TargetProject, referenced.Project);
            properties.Add(FindingProperties.Via, via);
            properties.Add(FindingProperties.Confidence, context.Operation is IInvocationOperation ? Confidence.High : Confidence.Medium);
            properties.Add(FindingProperties.ConfidenceReason, context.Operation is IInvocationOperation ? null : "Aspire.Hosting did not resolve; the reference is read from the syntax");
            properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId() + "#" + referencing.Name + ">" + referenced.Name);
            context.ReportDiagnostic(Diagnostic.Create(ReferenceRule, CallLocations.Of(at), properties.ToImmutable(), referencing.Name, referenced.Name));
        }

        private static bool IsEndpoint(ExpressionSyntax argument) =>
            argument is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetEndpoint" } };

        /// <summary>
        /// <c>yarp.AddRoute("/catalog-api/api/catalog/items", catalogCluster).WithTransformPathRemovePrefix("/catalog-api")</c>
        /// inside a YARP resource's <c>WithConfiguration</c>: the gateway forwards the path to the cluster's service, at the
        /// path the chained transform makes of it.
        /// </summary>
        private static void ReportRoute(OperationAnalysisContext context, InvocationExpressionSyntax call, AppHostResources resources, SyntaxNode at, string? via)
        {
            if (call is not { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments.Count: > 1 }
                || resources.Text(call.ArgumentList.Arguments[0].Expression, context.CancellationToken) is not { } path
                || resources.Resolve(access.Expression, context.CancellationToken) is not { Method: "AddYarp" } gateway
                || resources.Resolve(call.ArgumentList.Arguments[1].Expression, context.CancellationToken) is not { } destination)
            {
                return;
            }

            var target = "https+http://" + destination.Name + DownstreamPath(call, path);
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(FindingProperties.Kind, FindingKinds.GatewayRoute);
            properties.Add(FindingProperties.Library, "Aspire.Hosting.Yarp");
            properties.Add(FindingProperties.Target, target);
            properties.Add(FindingProperties.Upstream, path);
            properties.Add(FindingProperties.Resource, gateway.Name);
            properties.Add(FindingProperties.TargetProject, destination.Project);
            properties.Add(FindingProperties.Via, via);
            properties.Add(FindingProperties.Confidence, context.Operation is IInvocationOperation ? Confidence.High : Confidence.Medium);
            properties.Add(FindingProperties.ConfidenceReason, context.Operation is IInvocationOperation ? null : "Aspire.Hosting.Yarp did not resolve; the route is read from the syntax");
            properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId() + "#" + gateway.Name + ":" + path);
            context.ReportDiagnostic(Diagnostic.Create(RouteRule, CallLocations.Of(at), properties.ToImmutable(), gateway.Name, path, target));
        }

        /// <summary>The path a route forwards to: its own, less a removed prefix, with a prefix added, or the one set.</summary>
        private static string DownstreamPath(InvocationExpressionSyntax route, string path)
        {
            SyntaxNode current = route;
            while (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current && access.Parent is InvocationExpressionSyntax outer)
            {
                var value = outer.ArgumentList.Arguments.Count == 1 && outer.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal ? literal.Token.ValueText : null;
                switch (access.Name.Identifier.ValueText)
                {
                    case "WithTransformPathRemovePrefix" when value is not null && path.StartsWith(value, StringComparison.OrdinalIgnoreCase):
                        path = path.Substring(value.Length);
                        break;
                    case "WithTransformPathPrefix" when value is not null:
                        path = value.TrimEnd('/') + path;
                        break;
                    case "WithTransformPathSet" when value is not null:
                        path = value;
                        break;
                }

                current = outer;
            }

            return path.Length == 0 || path[0] == '/' ? path : "/" + path;
        }

        /// <summary>
        /// A call of the application's own method that is handed resources (<c>builder.AddYarp("mobile-bff").ConfigureMobileBffRoutes(catalogApi, orderingApi)</c>,
        /// <c>builder.AddOllama(catalogApi, webApp)</c>): the references and routes it makes of them, reported at this call
        /// (the helper's own lines name only its parameters). One helper deep.
        /// </summary>
        private static void FollowHelper(OperationAnalysisContext context, InvocationExpressionSyntax call, AppHostResources resources, SemanticModel model)
        {
            // Resources first (syntax, cheap): most calls are handed none, and their method is never looked up.
            var receiver = call.Expression is MemberAccessExpressionSyntax access ? resources.Resolve(access.Expression, context.CancellationToken) : null;
            var arguments = call.ArgumentList.Arguments.Select(a => resources.Resolve(a.Expression, context.CancellationToken)).ToList();
            if ((receiver is null && arguments.All(a => a is null)) || Helper(context, call, model) is not { } helper)
            {
                return;
            }

            var given = new Dictionary<string, AppHostResource>(StringComparer.Ordinal);
            var parameters = helper.Parameters;
            var offset = helper.IsExtensionMethod ? 1 : 0;
            if (helper.IsExtensionMethod && receiver is not null)
            {
                given[parameters[0].Name] = receiver;
            }

            for (var i = 0; i < arguments.Count; i++)
            {
                var parameter = call.ArgumentList.Arguments[i].NameColon is { } named
                    ? parameters.FirstOrDefault(p => p.Name == named.Name.Identifier.ValueText)
                    : i + offset < parameters.Length ? parameters[i + offset] : null;
                if (parameter is not null && arguments[i] is { } resource)
                {
                    given[parameter.Name] = resource;
                }
            }

            if (given.Count == 0)
            {
                return;
            }

            var via = helper.ContainingType.Name + "." + helper.Name;
            foreach (var declaration in helper.DeclaringSyntaxReferences.Select(r => r.GetSyntax(context.CancellationToken)))
            {
                var inner = new AppHostResources(declaration.SyntaxTree == model.SyntaxTree ? model : null, given);
                foreach (var nested in declaration.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    switch ((nested.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText)
                    {
                        case "WithReference":
                            ReportReference(context, nested, inner, call, via);
                            break;
                        case "AddRoute":
                            ReportRoute(context, nested, inner, call, via);
                            break;
                    }
                }
            }
        }

        /// <summary>
        /// The application's method a call reaches: bound, or (when the builder types did not resolve) the one source method
        /// of that name that takes these arguments.
        /// </summary>
        private static IMethodSymbol? Helper(OperationAnalysisContext context, InvocationExpressionSyntax call, SemanticModel model)
        {
            var info = model.GetSymbolInfo(call, context.CancellationToken);
            var method = info.Symbol as IMethodSymbol;
            var name = call.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };
            if (method is null && name is not null)
            {
                var candidates = info.CandidateSymbols.OfType<IMethodSymbol>().ToList();
                if (candidates.Count == 0 && context.Compilation.ContainsSymbolsWithName(name, SymbolFilter.Member, context.CancellationToken))
                {
                    candidates = context.Compilation.GetSymbolsWithName(name, SymbolFilter.Member, context.CancellationToken)
                        .OfType<IMethodSymbol>()
                        .Where(m => m.Parameters.Length == call.ArgumentList.Arguments.Count + (m.IsExtensionMethod ? 1 : 0))
                        .ToList();
                }

                method = candidates.Count == 1 ? candidates[0] : null;
            }

            method = method?.ReducedFrom ?? method;
            return method is { MethodKind: MethodKind.Ordinary, DeclaringSyntaxReferences.Length: > 0 } ? method : null;
        }

        private static void AnalyzeProject(OperationAnalysisContext context)
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

            // Each reference named by the resource it is and the method that made it: "redis (AddRedis)".
            var resources = new AppHostResources(model);
            var references = new List<string>();
            SyntaxNode current = invocation;
            while (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current && access.Parent is InvocationExpressionSyntax outer)
            {
                if (access.Name.Identifier.ValueText == "WithReference" && outer.ArgumentList.Arguments.Count > 0
                    && resources.Resolve(outer.ArgumentList.Arguments[0].Expression, context.CancellationToken)?.Display is { } referenced && !references.Contains(referenced))
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
    }
}
