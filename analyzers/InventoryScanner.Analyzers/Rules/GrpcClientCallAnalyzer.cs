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
                // Without Grpc.Core.Api (code that does not restore) the generated client is still there, deriving from an
                // error type named ClientBase: the analyzer then works by name.
                var clientBase = start.Compilation.GetBestTypeByMetadataName(KnownTypeNames.Grpc_Core_ClientBase);
                var callOptions = start.Compilation.GetBestTypeByMetadataName(KnownTypeNames.Grpc_Core_CallOptions);
                var metadata = start.Compilation.GetBestTypeByMetadataName(KnownTypeNames.Grpc_Core_Metadata);
                var analyzer = new AnalyzerContext(start.Compilation, start.Options, clientBase, callOptions, metadata, start.CancellationToken);
                start.RegisterOperationAction(analyzer.AnalyzeInvocation, OperationKind.Invocation);
                start.RegisterOperationAction(analyzer.AnalyzeInvalid, OperationKind.Invalid);
            });
        }

        private sealed class AnalyzerContext
        {
            private readonly INamedTypeSymbol? _clientBase;
            private readonly INamedTypeSymbol? _callOptions;
            private readonly INamedTypeSymbol? _metadata;
            private readonly ValueResolver _resolver;
            private readonly Lazy<HttpClientRegistrations> _registrations;

            public AnalyzerContext(Compilation compilation, AnalyzerOptions options, INamedTypeSymbol? clientBase, INamedTypeSymbol? callOptions, INamedTypeSymbol? metadata, CancellationToken cancellationToken)
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
                Analyze(context, invocation.TargetMethod, invocation.Instance, unbound: false);
            }

            /// <summary>A call that did not bind (an argument's type is missing) but has one candidate: a generated client method.</summary>
            public void AnalyzeInvalid(OperationAnalysisContext context)
            {
                if (CallSite.TryFromInvalid((IInvalidOperation)context.Operation, context.CancellationToken, out var call) && call.Method is not null)
                {
                    Analyze(context, call.Method, call.Receiver, unbound: true);
                }
            }

            private void Analyze(OperationAnalysisContext context, IMethodSymbol method, IOperation? instance, bool unbound)
            {
                if (method.IsStatic || method.MethodKind != MethodKind.Ordinary || IsGeneratedClient(method.ContainingType) is not { } byName || !TakesCallOptions(method))
                {
                    return;
                }

                var cancellationToken = context.CancellationToken;
                var client = method.ContainingType;
                var rpc = ServiceName(client, cancellationToken) + "/" + (method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name.Substring(0, method.Name.Length - 5) : method.Name);
                var registration = _registrations.Value.ForType(client);
                var address = AddressOf(instance, cancellationToken);
                if (!address.HasText && registration is not null)
                {
                    address = registration.BaseAddress;
                }

                var path = new ResolvedValue("/" + rpc, TargetSources.Literal, expression: null);
                var target = address.HasText
                    ? ResolvedValue.Join(UriText.Combine(address.Text!, "/" + rpc), ResolvedValue.Weaker(TargetSources.BaseAddress, address.Source), address, path)
                    : path;

                if (HostList.Ignored(context.Options, context.Operation.Syntax.SyntaxTree).Contains(target.Text!, relativeIsLocal: false))
                {
                    return;
                }

                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(FindingProperties.Kind, FindingKinds.GrpcClient);
                properties.Add(FindingProperties.Library, Library);
                properties.Add(FindingProperties.Target, target.TargetText());
                properties.Add(FindingProperties.TargetSource, address.HasText ? target.Source : TargetSources.Unresolved);
                properties.Add(FindingProperties.Expression, address.HasText ? null : instance?.Syntax.ToString());
                properties.Add(FindingProperties.ConfigKey, target.ConfigKey);
                properties.Add(FindingProperties.ConfigValues, target.ConfigValues);
                properties.Add(FindingProperties.Client, HttpClientRegistration.TypedKey(client));
                properties.Add(FindingProperties.Registration, registration is null ? null : registration.Describe() + " at " + registration.Location);
                properties.Add(FindingProperties.Resilience, registration is null ? null : registration.Resilience.IsEmpty ? "none" : string.Join(", ", registration.Resilience));
                properties.Add(FindingProperties.Confidence, byName ? Confidence.Low : unbound ? Confidence.Medium : Confidence.High);
                properties.Add(
                    FindingProperties.ConfidenceReason,
                    byName ? "Grpc.Core did not resolve; the generated client recognised by name" : unbound ? "the call did not bind (an argument's type did not resolve)" : null);
                properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId());
                context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), properties.ToImmutable(), target.TargetText()));
            }

            /// <summary>
            /// Derived from ClientBase (the generated GreeterClient), not ClientBase's own methods: false (null), found by
            /// symbol (false), or by name (true) when ClientBase did not resolve and the client passes itself as its type
            /// argument (<c>ClientBase&lt;GreeterClient&gt;</c>, which tells it from WCF's <c>ClientBase&lt;IContract&gt;</c>).
            /// </summary>
            private bool? IsGeneratedClient(INamedTypeSymbol? type)
            {
                if (type is null || type.OriginalDefinition.Name == "ClientBase")
                {
                    return null;
                }

                for (var current = type.BaseType; current is not null; current = current.BaseType)
                {
                    if (_clientBase is not null && SymbolEqualityComparer.Default.Equals(current, _clientBase))
                    {
                        return false;
                    }

                    if (current is IErrorTypeSymbol { Name: "ClientBase", TypeArguments.Length: 1 } error
                        && SymbolEqualityComparer.Default.Equals(error.TypeArguments[0], type))
                    {
                        return true;
                    }
                }

                return null;
            }

            /// <summary>Every generated call method takes CallOptions or the headers Metadata; helpers on the client do not.</summary>
            private bool TakesCallOptions(IMethodSymbol method)
            {
                foreach (var parameter in method.Parameters)
                {
                    if (SymbolEqualityComparer.Default.Equals(parameter.Type, _callOptions) || SymbolEqualityComparer.Default.Equals(parameter.Type, _metadata)
                        || parameter.Type is IErrorTypeSymbol { Name: "CallOptions" or "Metadata" })
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

            /// <summary>
            /// The client's channel address: new XClient(GrpcChannel.ForAddress(address)), through locals and fields; read
            /// from the syntax, so it holds when Grpc.Net.Client did not resolve.
            /// </summary>
            private ResolvedValue AddressOf(IOperation? client, CancellationToken cancellationToken)
            {
                if (MemberAssignments.ValueOrInitializer(client, cancellationToken) is not { Syntax: BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } creation } created
                    || created.SemanticModel is not { } model)
                {
                    return ResolvedValue.None;
                }

                var channel = MemberAssignments.ValueOrInitializer(model.GetValueOperation(creation.ArgumentList!.Arguments[0].Expression, cancellationToken), cancellationToken);
                if (channel?.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ForAddress" }, ArgumentList.Arguments.Count: > 0 } forAddress
                    && channel.SemanticModel is { } channelModel)
                {
                    return _resolver.Resolve(channelModel.GetValueOperation(forAddress.ArgumentList.Arguments[0].Expression, cancellationToken), cancellationToken);
                }

                return ResolvedValue.None;
            }
        }
    }
}
