using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Rules
{
    /// <summary>
    /// Where hosted services are wired: <c>services.AddHostedService&lt;ApplicationCacheHostedService&gt;()</c>,
    /// <c>TryAddEnumerable(ServiceDescriptor.Singleton&lt;IHostedService, RabbitMqEventListenerService&lt;T&gt;&gt;(…))</c>,
    /// <c>AddSingleton&lt;IHostedService, T&gt;()</c>, <c>AddHostedService(sp =&gt; sp.GetRequiredService&lt;T&gt;())</c>, and the
    /// calls of the application's own registration methods (<c>services.AddRabbitMqListeners(settings)</c>) that do it for a
    /// host. A consumer written in a library runs in every host that registers it; the scanner follows these facts from the
    /// consumer's class to the hosts and makes each registration site that host's consumer (see
    /// <see cref="FindingProperties.Registers"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerWords("AddHostedService", "IHostedService", "IServiceCollection", "AddSingleton", "AddScoped", "AddTransient")]
    public sealed class HostedServiceWiringAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIdentifiers.HostedServiceWiring,
            title: "Hosted service wiring",
            messageFormat: "{0}",
            category: RuleCategories.Messaging,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A hosted service registered with the host (AddHostedService<T>, ServiceDescriptor.Singleton<IHostedService, T>), the implementation registered for one of the application's broker or request wrappers, or a call of the application's own registration method. The scanner makes the registration sites of a hosted service that consumes messages the consumers of the hosts that run it, and lets a wrapper's callers reach only its registered implementations.");

        /// <summary><c>Bit.Core.Listeners.RabbitMqEventListenerService</c>: namespace and containing types, no type arguments.</summary>
        private static readonly SymbolDisplayFormat QualifiedName = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            genericsOptions: SymbolDisplayGenericsOptions.None);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

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

            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name,
                SimpleNameSyntax simple => simple,
                _ => null,
            };
            if (name is null)
            {
                return;
            }

            var registered = name switch
            {
                GenericNameSyntax { Identifier.ValueText: "AddHostedService", TypeArgumentList.Arguments: { Count: 1 } arguments } => arguments[0],
                GenericNameSyntax { TypeArgumentList.Arguments: { Count: 2 } pair } registration
                    when pair[0].SimpleTypeName() == "IHostedService" && Messaging.InjectedClients.IsRegistration(registration.Identifier.ValueText, descriptors: true) => pair[1],
                IdentifierNameSyntax { Identifier.ValueText: "AddHostedService" } => FactoryType(invocation),
                _ => null,
            };

            if (registered is not null)
            {
                var type = model.GetTypeInfo(registered, context.CancellationToken).Type;
                var typeName = type is { TypeKind: not TypeKind.Error, Name.Length: > 0 } ? type.OriginalDefinition.ToDisplayString(QualifiedName) : registered.SimpleTypeName();
                if (typeName is not null)
                {
                    Report(context, FindingProperties.Registers, typeName, "registers hosted service " + typeName);
                }

                return;
            }

            if (WrapperRegistration(name, invocation, model, context.CancellationToken) is { } wrapper)
            {
                Report(context, FindingProperties.Registers, wrapper.Implementation, "registers " + wrapper.Implementation + " as " + wrapper.Service, wrapper.Service);
                return;
            }

            // services.AddRabbitMqListeners(settings): the application's own method that registers services for this host.
            // Its class is often declared in Microsoft.Extensions.DependencyInjection, as the framework's are, so it is not told
            // apart by its namespace: only a method some registration is made in is ever matched by the scanner.
            if (context.Operation is IInvocationOperation { TargetMethod: { } method } && method.Name.StartsWith("Add", System.StringComparison.Ordinal)
                && method.ContainingType is { } container && TakesServices(method.ReducedFrom ?? method))
            {
                var member = Messaging.WrapperMembers.Key(container.Name, method.Name);
                Report(context, FindingProperties.Calls, member, "calls " + member);
            }
            else if (context.Operation is IInvalidOperation && name.Identifier.ValueText is var unbound && unbound.StartsWith("Add", System.StringComparison.Ordinal)
                && invocation.Expression is MemberAccessExpressionSyntax { Expression: var services } && NamesServices(services, model, context.CancellationToken))
            {
                // builder.Services.AddPlatformEvents(…) where the library's project (and the host's packages) did not load:
                // the method's name is all there is, and the scanner matches it by name alone.
                Report(context, FindingProperties.Calls, unbound, "calls " + unbound);
            }
        }

        /// <summary><c>services</c> of an error type named IServiceCollection, or <c>builder.Services</c> whose builder did not resolve.</summary>
        private static bool NamesServices(ExpressionSyntax receiver, SemanticModel model, System.Threading.CancellationToken cancellationToken) =>
            model.GetTypeInfo(receiver, cancellationToken).Type is { Name: "IServiceCollection" }
            || (receiver is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Services" } && model.GetTypeInfo(receiver, cancellationToken).Type is null or IErrorTypeSymbol);

        /// <summary>
        /// <c>services.TryAddSingleton&lt;IEventIntegrationPublisher, AzureServiceBusService&gt;()</c>, or
        /// <c>AddSingleton&lt;IPublisher&gt;(sp =&gt; sp.GetRequiredService&lt;ServiceBusPublisher&gt;())</c>: which implementation
        /// the container hands out for an application broker or request wrapper (a service with a member named like a publish,
        /// a consume or a request). The scanner lets the callers of a wrapper reach only the implementations registered for it.
        /// </summary>
        private static (string Service, string Implementation)? WrapperRegistration(SimpleNameSyntax name, InvocationExpressionSyntax invocation, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            if (name is not GenericNameSyntax { TypeArgumentList.Arguments: { Count: 1 or 2 } arguments } generic || !Messaging.InjectedClients.IsRegistration(generic.Identifier.ValueText, descriptors: true))
            {
                return null;
            }

            var implementation = arguments.Count == 2 ? arguments[1] : FactoryType(invocation);
            if (implementation is null || model.GetTypeInfo(arguments[0], cancellationToken).Type is not INamedTypeSymbol { TypeKind: not TypeKind.Error } service
                || service.IsFrameworkOrSdk()
                || !service.GetMembers().OfType<IMethodSymbol>().Any(m => Messaging.WrapperMembers.IsWrapperName(m.Name) || Messaging.WrapperMembers.IsRequestWrapper(m)))
            {
                return null;
            }

            var type = model.GetTypeInfo(implementation, cancellationToken).Type;
            var implementationName = type is { TypeKind: not TypeKind.Error, Name.Length: > 0 } ? type.Name : implementation.SimpleTypeName();
            return implementationName is null ? null : (service.Name, implementationName);
        }

        /// <summary>AddHostedService(sp =&gt; sp.GetRequiredService&lt;T&gt;()) or (sp =&gt; new T(…)): the type the factory returns.</summary>
        private static TypeSyntax? FactoryType(InvocationExpressionSyntax invocation) =>
            invocation.ArgumentList.Arguments.Select(a => a.Expression).OfType<LambdaExpressionSyntax>().Select(l => l.ExpressionBody).FirstOrDefault() switch
            {
                ObjectCreationExpressionSyntax creation => creation.Type,
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "GetRequiredService" or "GetService", TypeArgumentList.Arguments: { Count: 1 } service } } } => service[0],
                _ => null,
            };

        /// <summary>A method given the service collection: an extension of it, or a helper that takes it.</summary>
        private static bool TakesServices(IMethodSymbol method) => method.Parameters.Any(p => p.Type.Name == "IServiceCollection");

        private static void Report(OperationAnalysisContext context, string key, string value, string message, string? service = null)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(FindingProperties.Kind, FindingKinds.HostedServiceWiring);
            properties.Add(FindingProperties.Library, "Microsoft.Extensions.Hosting");
            properties.Add(FindingProperties.Target, TargetSources.Unresolved);
            properties.Add(key, value);
            properties.Add(FindingProperties.Service, service);
            properties.Add(FindingProperties.RegisteredIn, context.ContainingSymbol is IMethodSymbol { ContainingType: { } type } containing && TakesServices(containing)
                ? Messaging.WrapperMembers.Key(type.Name, containing.Name)
                : null);
            properties.Add(FindingProperties.Confidence, context.Operation is IInvalidOperation ? Confidence.Medium : Confidence.High);
            properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId());
            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), properties.ToImmutable(), message));
        }
    }
}
