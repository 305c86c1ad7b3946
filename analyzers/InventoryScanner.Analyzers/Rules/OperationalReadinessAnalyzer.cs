using System;
using System.Collections.Immutable;
using System.Linq;
using InventoryScanner.Analyzers.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace InventoryScanner.Analyzers.Rules
{
    /// <summary>
    /// Inventory facts for the maturity model's managed level: where a component registers health checks (and of which
    /// dependencies), wires telemetry (OpenTelemetry, Application Insights, Azure Monitor, Prometheus), and attaches
    /// credentials to its outbound calls (an <c>Authorization</c> header, a token handler, gRPC call credentials, an
    /// Azure.Identity credential, a RestSharp authenticator). The calls it knows are in <see cref="OperationalApi"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerWords(
        "HealthCheck", "OpenTelemetry", "TracerProvider", "MeterProvider", "AzureMonitor", "ApplicationInsights", "HttpMetrics", "MapMetrics",
        "ServiceDefaults", "Authorization", "BearerToken", "BasicAuthentication", "TokenHandler", "CallCredentials", "FromInterceptor",
        "Credential", "Authenticator", "Api-Key", "ApiKey", "API-Token", "Subscription-Key", "Functions-Key", "Auth-Token", "AddHttpMessageHandler")]
    public sealed class OperationalReadinessAnalyzer : DiagnosticAnalyzer
    {
        private const string HealthChecksBuilder = "Microsoft.Extensions.DependencyInjection.IHealthChecksBuilder";

        private static readonly DiagnosticDescriptor HealthRule = RuleDescriptors.Create(
            RuleIdentifiers.HealthCheck,
            title: "Health check registered",
            messageFormat: "Health check: {0} ({1})",
            category: RuleCategories.Operations,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A health check registration, a check of a dependency (a database, broker, cache or URL) on IHealthChecksBuilder, or the endpoint that serves them. Reported as an inventory fact for the maturity model.");

        private static readonly DiagnosticDescriptor TelemetryRule = RuleDescriptors.Create(
            RuleIdentifiers.Telemetry,
            title: "Telemetry wired",
            messageFormat: "Telemetry: {0} ({1})",
            category: RuleCategories.Operations,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "Traces or metrics exported through OpenTelemetry, Application Insights, Azure Monitor or Prometheus. Reported as an inventory fact for the maturity model.");

        private static readonly DiagnosticDescriptor AuthRule = RuleDescriptors.Create(
            RuleIdentifiers.OutboundAuthentication,
            title: "Credentials attached to outbound calls",
            messageFormat: "Outbound authentication: {0} ({1})",
            category: RuleCategories.Operations,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "An Authorization or API-key header set on an outbound client or request, a token or credentials handler, gRPC call credentials, an Azure.Identity credential or a RestSharp authenticator. Reported as an inventory fact for the maturity model.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(HealthRule, TelemetryRule, AuthRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var builder = start.Compilation.GetBestTypeByMetadataName(HealthChecksBuilder);
                start.RegisterOperationAction(c => AnalyzeInvocation(c, builder), OperationKind.Invocation, OperationKind.Invalid);
                start.RegisterOperationAction(AnalyzeCreation, OperationKind.ObjectCreation, OperationKind.Invalid);
                start.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol? healthChecksBuilder)
        {
            if (context.Operation.Syntax is not InvocationExpressionSyntax invocation)
            {
                return;
            }

            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax { Name: var member } => member.Identifier.ValueText,
                MemberBindingExpressionSyntax { Name: var member } => member.Identifier.ValueText,
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                _ => null,
            };
            if (name is null)
            {
                return;
            }

            var bound = context.Operation as IInvocationOperation;
            var matched = false;
            foreach (var api in OperationalApi.Calls)
            {
                if (api.Member != name)
                {
                    continue;
                }

                if (api.DeclaredIn is null)
                {
                    // A convention of the application's own code: its name is what it is known by.
                    Report(context, api.Facet, api.Library, api.Target, api.Scope, Confidence.Medium, $"the {api.Library} convention {name}(), recognised by name");
                    matched = true;
                }
                else if (bound is not null ? bound.TargetMethod.ContainingType.IsDeclaredIn(api.DeclaredIn) : LooksLike(invocation, api))
                {
                    Report(context, api.Facet, api.Library, api.Target, api.Scope, bound is null ? Confidence.Low : Confidence.High, bound is null ? $"{api.Library} did not resolve; recognised by name" : null);
                    matched = true;
                }
            }

            if (matched)
            {
                return;
            }

            if (name.StartsWith("Add", StringComparison.Ordinal) && IsHealthCheckOfADependency(context, invocation, bound, healthChecksBuilder, out var library, out var confidence))
            {
                var target = "health:" + CheckName(name, invocation);
                OperationalApi.CheckedStores.TryGetValue(name, out var store);
                var dbContext = name == "AddDbContextCheck" && invocation.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments: { Count: 1 } arguments } } ? arguments[0].ToString().Split('.').Last() : null;
                Report(context, OperationalFacets.HealthCheck, library, target, CheckScopes.Dependency, confidence, confidence == Confidence.High ? null : "the health checks package did not resolve; recognised on an AddHealthChecks() chain", store, dbContext);
                return;
            }

            if (name is "Add" or "TryAddWithoutValidation" && IsCredentialHeader(context, invocation, bound))
            {
                Report(context, OperationalFacets.OutboundAuth, "System.Net.Http", "auth:credential-header", null, bound is null ? Confidence.Low : Confidence.High, bound is null ? "HttpHeaders did not resolve; recognised by the header name" : null);
                return;
            }

            if (name == "AddHttpMessageHandler" && invocation.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } generic }
                && OperationalApi.AuthHandlerWords.Any(word => generic.TypeArgumentList.Arguments[0].ToString().IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0))
            {
                Report(context, OperationalFacets.OutboundAuth, "Microsoft.Extensions.Http", "auth:message-handler", null, Confidence.Medium, $"a delegating handler named {generic.TypeArgumentList.Arguments[0]}: authentication judged by its name");
            }
        }

        private static void AnalyzeCreation(OperationAnalysisContext context)
        {
            // An unresolved type makes an invalid operation: its name is in the syntax.
            var (name, type) = context.Operation switch
            {
                IObjectCreationOperation { Type: INamedTypeSymbol created } => (created.Name, created),
                IInvalidOperation { Syntax: ObjectCreationExpressionSyntax syntax } => (syntax.Type.ToString().Split('.').Last(), null),
                _ => (null, null),
            };
            if (name is null)
            {
                return;
            }

            foreach (var api in OperationalApi.Creations)
            {
                if (name == api.Member && (type is null || type.TypeKind == TypeKind.Error || type.IsDeclaredIn(api.DeclaredIn!)))
                {
                    var resolved = type is not null && type.TypeKind != TypeKind.Error;
                    Report(context, api.Facet, api.Library, api.Target, null, resolved ? Confidence.High : Confidence.Low, resolved ? null : $"{api.Library} did not resolve; recognised by the type's name");
                    return;
                }
            }
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            var (property, containing) = assignment.Target switch
            {
                IPropertyReferenceOperation reference => (reference.Property.Name, reference.Property.ContainingType as ITypeSymbol),
                IInvalidOperation { Syntax: MemberAccessExpressionSyntax access } => (access.Name.Identifier.ValueText, null),
                _ => (null, null),
            };
            if (property is null)
            {
                return;
            }

            foreach (var (name, ns, library, target) in OperationalApi.Assignments)
            {
                if (property != name)
                {
                    continue;
                }

                if (containing is not null && containing.TypeKind != TypeKind.Error)
                {
                    if ((containing.ContainingNamespace?.ToDisplayString() ?? string.Empty).StartsWith(ns, StringComparison.Ordinal))
                    {
                        Report(context, OperationalFacets.OutboundAuth, library, target, null, Confidence.High, null);
                    }
                }
                else if (name == "Authorization" && assignment.Target.Syntax is MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "DefaultRequestHeaders" or "Headers" } })
                {
                    Report(context, OperationalFacets.OutboundAuth, library, target, null, Confidence.Low, "the headers type did not resolve; recognised by DefaultRequestHeaders.Authorization");
                }

                return;
            }
        }

        /// <summary>A check added to the health checks builder: any Add… on IHealthChecksBuilder other than the registration itself.</summary>
        private static bool IsHealthCheckOfADependency(OperationAnalysisContext context, InvocationExpressionSyntax invocation, IInvocationOperation? bound, INamedTypeSymbol? builder, out string library, out string confidence)
        {
            library = "Microsoft.Extensions.Diagnostics.HealthChecks";
            confidence = Confidence.High;
            if (bound is not null)
            {
                var method = bound.TargetMethod.ReducedFrom ?? bound.TargetMethod;
                var receiver = method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type : bound.Instance?.Type;
                if (builder is null || !SymbolEqualityComparer.Default.Equals(receiver, builder) || SelfCheck(invocation))
                {
                    return false;
                }

                library = method.ContainingAssembly?.Name ?? library;
                return true;
            }

            // Unbound (the check's package is missing): on a receiver typed as the builder (var hc = services.AddHealthChecks();
            // hc.AddCheck(…).AddSqlServer(…)), or on a chain that starts with services.AddHealthChecks().
            confidence = Confidence.Low;
            if (SelfCheck(invocation))
            {
                return false;
            }

            if (builder is not null && invocation.Expression is MemberAccessExpressionSyntax { Expression: var receiverSyntax }
                && context.Operation.SemanticModel?.GetTypeInfo(receiverSyntax, context.CancellationToken).Type is { } receiverType
                && SymbolEqualityComparer.Default.Equals(receiverType, builder))
            {
                return true;
            }

            // The framework's AddHealthChecks() takes no argument; a call between that resolves to something other than the
            // builder (the application's own AddHealthChecks(configuration).AddCustomMvc()) ends the chain.
            var model = context.Operation.SemanticModel;
            for (var expression = (invocation.Expression as MemberAccessExpressionSyntax)?.Expression; expression is InvocationExpressionSyntax inner; expression = (inner.Expression as MemberAccessExpressionSyntax)?.Expression)
            {
                if (inner.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddHealthChecks" })
                {
                    return inner.ArgumentList.Arguments.Count == 0;
                }

                if (model?.GetSymbolInfo(inner, context.CancellationToken).Symbol is IMethodSymbol resolved && !(builder is not null && SymbolEqualityComparer.Default.Equals(resolved.ReturnType, builder)))
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>AddCheck("self", () =&gt; HealthCheckResult.Healthy())</c>: the process answers, no dependency is checked. Read
        /// from the syntax, so it holds whether the health checks package resolved or not.
        /// </summary>
        private static bool SelfCheck(InvocationExpressionSyntax call) =>
            call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddCheck" }
            && call.ArgumentList.Arguments.Any(a => a.Expression is LambdaExpressionSyntax lambda && lambda.Body.ToString().IndexOf("Healthy(", StringComparison.Ordinal) >= 0);

        /// <summary>The check's name as the code gives it (<c>name: "orders-db"</c>), else the method without Add (<c>NpgSql</c>).</summary>
        private static string CheckName(string method, InvocationExpressionSyntax invocation)
        {
            var named = invocation.ArgumentList.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "name");
            if (named?.Expression is LiteralExpressionSyntax literal)
            {
                return literal.Token.ValueText;
            }

            return method.Substring("Add".Length).ToLowerInvariant();
        }

        private static bool IsCredentialHeader(OperationAnalysisContext context, InvocationExpressionSyntax invocation, IInvocationOperation? bound)
        {
            if (invocation.ArgumentList.Arguments.Count < 2)
            {
                return false;
            }

            if (bound is not null && bound.TargetMethod.ContainingType?.ContainingNamespace?.ToDisplayString() != "System.Net.Http.Headers")
            {
                return false;
            }

            if (bound is null && invocation.Expression is not MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "DefaultRequestHeaders" or "Headers" } })
            {
                return false;
            }

            var header = context.Operation.SemanticModel?.GetConstantValue(invocation.ArgumentList.Arguments[0].Expression, context.CancellationToken);
            return header is { HasValue: true, Value: string value } && OperationalApi.CredentialHeaders.Contains(value);
        }

        /// <summary>
        /// Unbound (the package is missing): the member's name, on a receiver or extension the compiler could not resolve.
        /// A name that is also a common word of the application's own code needs its library's namespace in the file.
        /// </summary>
        private static bool LooksLike(InvocationExpressionSyntax invocation, OperationalApi api) =>
            api.Member is not "FromInterceptor" || invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "CallCredentials" } };

        private static void Report(OperationAnalysisContext context, string facet, string library, string target, string? scope, string confidence, string? reason, string? store = null, string? dbContext = null)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(FindingProperties.Kind, FindingKinds.Operations);
            properties.Add(FindingProperties.Facet, facet);
            properties.Add(FindingProperties.Library, library);
            properties.Add(FindingProperties.Target, target);
            properties.Add(FindingProperties.CheckScope, scope);
            properties.Add(FindingProperties.Store, store);
            properties.Add(FindingProperties.DbContext, dbContext);
            properties.Add(FindingProperties.Confidence, confidence);
            properties.Add(FindingProperties.ConfidenceReason, reason);
            properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId() + "#" + target);
            // A call on a chain (services.AddHealthChecks().AddNpgSql(…).AddRedis(…)) is located at its own name, not the chain's start.
            var syntax = context.Operation.Syntax;
            var span = CallLocations.SpanOf(syntax);
            properties.Add(FindingProperties.Evidence, EvidenceSnippets.WithoutLiterals(syntax, span, keep: value => OperationalApi.CredentialHeaders.Contains(value) || value == "Bearer" || value == "Basic"));
            var rule = facet switch
            {
                OperationalFacets.HealthCheck => HealthRule,
                OperationalFacets.Telemetry => TelemetryRule,
                _ => AuthRule,
            };
            context.ReportDiagnostic(Diagnostic.Create(rule, Location.Create(syntax.SyntaxTree, span), properties.ToImmutable(), target, library));
        }
    }
}
