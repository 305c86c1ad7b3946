using System;
using System.Collections.Immutable;
using System.Threading;
using InventoryScanner.Analyzers.Http;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Rules
{
    /// <summary>
    /// Inventory fact: a call through a generated gRPC client (a class derived from <c>Grpc.Core.ClientBase</c>), with its
    /// target <c>address/package.Service/Method</c>. The address comes from the channel the client was built on
    /// (<c>GrpcChannel.ForAddress(…)</c>) or from its <c>AddGrpcClient&lt;T&gt;(o =&gt; o.Address = …)</c> registration.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerWords("Grpc", "ForAddress", "AddGrpcClient")]
    public sealed class GrpcClientCallAnalyzer : DiagnosticAnalyzer
    {
        private const string Library = "Grpc.Net.Client";

        private static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIdentifiers.GrpcClientCall,
            title: "Outbound gRPC call",
            messageFormat: "gRPC call to {0}",
            category: RuleCategories.Http,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A call through a generated gRPC client. Reported as an inventory fact, with the service, the method and the address of the channel or registration.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var clientBase = start.Compilation.GetBestTypeByMetadataName(KnownTypeNames.Grpc_Core_ClientBase);
                var callOptions = start.Compilation.GetBestTypeByMetadataName(KnownTypeNames.Grpc_Core_CallOptions);
                var metadata = start.Compilation.GetBestTypeByMetadataName(KnownTypeNames.Grpc_Core_Metadata);
                if (clientBase is null || (callOptions is null && metadata is null))
                {
                    return;
                }

                var analyzer = new AnalyzerContext(start.Compilation, start.Options, clientBase, callOptions, metadata, start.CancellationToken);
                start.RegisterOperationAction(analyzer.AnalyzeInvocation, OperationKind.Invocation);
            });
        }

        private sealed class AnalyzerContext
        {
            private readonly INamedTypeSymbol _clientBase;
            private readonly INamedTypeSymbol? _callOptions;
            private readonly INamedTypeSymbol? _metadata;
            private readonly ValueResolver _resolver;
            private readonly Lazy<HttpClientRegistrations> _registrations;

            public AnalyzerContext(Compilation compilation, AnalyzerOptions options, INamedTypeSymbol clientBase, INamedTypeSymbol? callOptions, INamedTypeSymbol? metadata, CancellationToken cancellationToken)
            {
                _clientBase = clientBase;
                _callOptions = callOptions;
                _metadata = metadata;
                _resolver = new ValueResolver(compilation, options, cancellationToken);
                _registrations = new Lazy<HttpClientRegistrations>(
                    () => HttpClientRegistrations.Collect(compilation, _resolver, cancellationToken),
                    LazyThreadSafetyMode.ExecutionAndPublication);
            }

            public void AnalyzeInvocation(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                if (method.IsStatic || method.MethodKind != MethodKind.Ordinary || !IsGeneratedClient(method.ContainingType) || !TakesCallOptions(method))
                {
                    return;
                }

                var cancellationToken = context.CancellationToken;
                var client = method.ContainingType;
                var rpc = ServiceName(client, cancellationToken) + "/" + (method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name.Substring(0, method.Name.Length - 5) : method.Name);
                var registration = _registrations.Value.ForType(client);
                var address = AddressOf(invocation.Instance, cancellationToken);
                if (!address.HasText && registration is not null)
                {
                    address = registration.BaseAddress;
                }

                var path = new ResolvedValue("/" + rpc, TargetSources.Literal, expression: null);
                var target = address.HasText
                    ? ResolvedValue.Join(UriText.Combine(address.Text!, "/" + rpc), ResolvedValue.Weaker(TargetSources.BaseAddress, address.Source), address, path)
                    : path;

                if (HostList.Ignored(context.Options, invocation.Syntax.SyntaxTree).Contains(target.Text!, relativeIsLocal: false))
                {
                    return;
                }

                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(FindingProperties.Kind, FindingKinds.GrpcClient);
                properties.Add(FindingProperties.Library, Library);
                properties.Add(FindingProperties.Target, target.TargetText());
                properties.Add(FindingProperties.TargetSource, address.HasText ? target.Source : TargetSources.Unresolved);
                properties.Add(FindingProperties.Expression, address.HasText ? null : invocation.Instance?.Syntax.ToString());
                properties.Add(FindingProperties.ConfigKey, target.ConfigKey);
                properties.Add(FindingProperties.ConfigValues, target.ConfigValues);
                properties.Add(FindingProperties.Client, HttpClientRegistration.TypedKey(client));
                properties.Add(FindingProperties.Registration, registration is null ? null : registration.Describe() + " at " + registration.Location);
                properties.Add(FindingProperties.Resilience, registration is null ? null : registration.Resilience.IsEmpty ? "none" : string.Join(", ", registration.Resilience));
                properties.Add(FindingProperties.Confidence, Confidence.High);
                properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId());
                context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), properties.ToImmutable(), target.TargetText()));
            }

            /// <summary>Derived from ClientBase (the generated GreeterClient), not ClientBase's own methods.</summary>
            private bool IsGeneratedClient(INamedTypeSymbol? type)
            {
                if (type is null || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _clientBase) || type.OriginalDefinition.Name == "ClientBase")
                {
                    return false;
                }

                for (var current = type.BaseType; current is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current, _clientBase))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>Every generated call method takes CallOptions or the headers Metadata; helpers on the client do not.</summary>
            private bool TakesCallOptions(IMethodSymbol method)
            {
                foreach (var parameter in method.Parameters)
                {
                    if (SymbolEqualityComparer.Default.Equals(parameter.Type, _callOptions) || SymbolEqualityComparer.Default.Equals(parameter.Type, _metadata))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The generated <c>__ServiceName</c> ("greet.Greeter") of the service class the client is nested in.</summary>
            private static string ServiceName(INamedTypeSymbol client, CancellationToken cancellationToken)
            {
                var service = client.ContainingType;
                if (service is null)
                {
                    return client.Name;
                }

                foreach (var member in service.GetMembers("__ServiceName"))
                {
                    if (member is IFieldSymbol field)
                    {
                        if (field.HasConstantValue && field.ConstantValue is string constant)
                        {
                            return constant;
                        }

                        if (MemberAssignments.DeclaredInitializer(field, cancellationToken) is LiteralExpressionSyntax literal)
                        {
                            return literal.Token.ValueText;
                        }
                    }
                }

                return service.Name;
            }

            /// <summary>The client's channel address: new XClient(GrpcChannel.ForAddress(address)), through locals and fields.</summary>
            private ResolvedValue AddressOf(IOperation? client, CancellationToken cancellationToken)
            {
                var creation = Creation(client, cancellationToken) as IObjectCreationOperation;
                if (creation is null || creation.Arguments.Length == 0)
                {
                    return ResolvedValue.None;
                }

                var channel = Creation(creation.Arguments[0].Value, cancellationToken);
                if (channel is IInvocationOperation { TargetMethod.Name: "ForAddress" } forAddress && forAddress.Arguments.Length > 0)
                {
                    return _resolver.Resolve(forAddress.Arguments[0].Value, cancellationToken);
                }

                return ResolvedValue.None;
            }

            /// <summary>The value itself, or the initializer of the local, field or property it reads.</summary>
            private static IOperation? Creation(IOperation? value, CancellationToken cancellationToken)
            {
                value = CallSite.Unwrap(value);
                if (MemberAssignments.ReferencedSymbol(value) is { } holder && value?.SemanticModel is { } model)
                {
                    return CallSite.Unwrap(MemberAssignments.InitializerOf(holder, model, cancellationToken));
                }

                return value;
            }
        }
    }
}
