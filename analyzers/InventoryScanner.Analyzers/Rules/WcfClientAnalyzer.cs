using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using InventoryScanner.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Rules
{
    /// <summary>
    /// Inventory fact: a call to a WCF/SOAP service, through a generated client (a class derived from
    /// <c>System.ServiceModel.ClientBase&lt;TContract&gt;</c>: service references, dotnet-svcutil) or through a channel
    /// (<c>ChannelFactory&lt;TContract&gt;.CreateChannel()</c>, any call on a <c>[ServiceContract]</c> interface). The endpoint
    /// address comes from an <c>EndpointAddress</c> given to the client or factory, from the
    /// <c>&lt;system.serviceModel&gt;&lt;client&gt;</c> endpoint of web.config/app.config named by the client (or matching its
    /// contract), or from the one address a generated client declares for its default endpoint. ASMX web references
    /// (proxies derived from <c>SoapHttpClientProtocol</c>, the .NET Framework's "Add Web Reference") are SOAP calls too:
    /// their operations carry <c>[SoapDocumentMethod]</c>/<c>[SoapRpcMethod]</c>, and their address is the <c>Url</c> the
    /// proxy's constructor sets, usually a settings-designer value kept in the configuration's <c>applicationSettings</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerWords("ServiceModel", "ClientBase", "ChannelFactory", "CreateChannel", "ServiceContract", "EndpointAddress", "SoapClient", "SoapHttpClientProtocol", "Web.Services")]
    public sealed class WcfClientAnalyzer : DiagnosticAnalyzer
    {
        private const string Library = "System.ServiceModel";

        private const string AsmxLibrary = "System.Web.Services";

        private static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIdentifiers.WcfClientCall,
            title: "WCF/SOAP service call",
            messageFormat: "SOAP call {0} to {1}",
            category: RuleCategories.Http,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A call to a WCF/SOAP service through a generated client or a ChannelFactory channel, with the endpoint address from code or from the system.serviceModel client endpoints of the configuration.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var analyzer = new AnalyzerContext(start.Compilation, start.Options, start.CancellationToken);
                start.RegisterOperationAction(analyzer.Analyze, OperationKind.Invocation);
                start.RegisterOperationAction(analyzer.AnalyzeInvalid, OperationKind.Invalid);
            });
        }

        private sealed class AnalyzerContext
        {
            private readonly INamedTypeSymbol? _clientBase;
            private readonly INamedTypeSymbol? _serviceContract;
            private readonly INamedTypeSymbol? _soapHttpClientProtocol;
            private readonly INamedTypeSymbol? _httpSimpleClientProtocol;
            private readonly Compilation _compilation;
            private readonly ValueResolver _resolver;

            public AnalyzerContext(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
            {
                _clientBase = compilation.GetBestTypeByMetadataName(KnownTypeNames.System_ServiceModel_ClientBase_1);
                _serviceContract = compilation.GetBestTypeByMetadataName(KnownTypeNames.System_ServiceModel_ServiceContractAttribute);
                _soapHttpClientProtocol = compilation.GetBestTypeByMetadataName(KnownTypeNames.System_Web_Services_Protocols_SoapHttpClientProtocol);
                _httpSimpleClientProtocol = compilation.GetBestTypeByMetadataName(KnownTypeNames.System_Web_Services_Protocols_HttpSimpleClientProtocol);
                _compilation = compilation;
                _resolver = new ValueResolver(compilation, options, cancellationToken);
            }

            public void Analyze(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (!invocation.TargetMethod.IsStatic && invocation.TargetMethod.MethodKind == MethodKind.Ordinary)
                {
                    Analyze(context, invocation.TargetMethod, invocation.Instance);
                }
            }

            /// <summary>
            /// A call on a channel whose factory did not resolve: <c>var channel = new ChannelFactory&lt;IContract&gt;(…).CreateChannel();</c>
            /// leaves the channel an error type, but the contract in the type argument is the project's own interface.
            /// </summary>
            public void AnalyzeInvalid(OperationAnalysisContext context)
            {
                if (!CallSite.TryFromInvalid((IInvalidOperation)context.Operation, context.CancellationToken, out var call))
                {
                    return;
                }

                // A client call that did not bind because an argument's type is missing: its one candidate is the method.
                if (call.Method is { IsStatic: false, MethodKind: MethodKind.Ordinary } candidate && call.ReceiverType is not IErrorTypeSymbol)
                {
                    Analyze(context, candidate, call.Receiver, byNameReason: true);
                    return;
                }

                if (call.ReceiverType is not IErrorTypeSymbol
                    || MemberAssignments.ValueOrInitializer(call.Receiver, context.CancellationToken)?.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CreateChannel" } access }
                    || call.Operation.SemanticModel is not { } model
                    || CreationOf(model.GetValueOperation(access.Expression, context.CancellationToken), context.CancellationToken)?.Syntax is not ObjectCreationExpressionSyntax { Type: GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } factoryType }
                    || model.GetTypeInfo(factoryType.TypeArgumentList.Arguments[0], context.CancellationToken).Type is not INamedTypeSymbol contract)
                {
                    return;
                }

                foreach (var member in contract.GetMembers(call.MethodName))
                {
                    if (member is IMethodSymbol method)
                    {
                        Analyze(context, method, call.Receiver, byNameReason: true);
                        return;
                    }
                }
            }

            private void Analyze(OperationAnalysisContext context, IMethodSymbol method, IOperation? instance, bool byNameReason = false)
            {
                var cancellationToken = context.CancellationToken;
                if (AsmxOperation(method, out var asmxByName) is { } webMethod)
                {
                    if (!SymbolEqualityComparer.Default.Equals(context.ContainingSymbol.ContainingType, method.ContainingType))
                    {
                        Report(context, AsmxLibrary, method.ContainingType.Name + "." + webMethod, AsmxAddress(method.ContainingType, cancellationToken), instance, asmxByName || byNameReason, "System.Web.Services did not resolve; the web reference proxy recognised by name");
                    }

                    return;
                }

                var (contract, byName) = ContractOfClient(method.ContainingType);
                var throughChannel = false;
                if (contract is null && IsServiceContract(method.ContainingType, out byName))
                {
                    contract = method.ContainingType;
                    throughChannel = true;
                }

                if (contract is null || (!throughChannel && !DeclaresOperation(contract, method.Name))
                    || (throughChannel && ContractOfClient(context.ContainingSymbol.ContainingType).Contract is not null))
                {
                    // The generated client's own forwarding (base.Channel.Add(a, b)) is not a second call.
                    return;
                }

                var operation = contract.Name + "." + (method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name.Substring(0, method.Name.Length - 5) : method.Name);
                byName |= byNameReason;
                var address = throughChannel
                    ? AddressOfChannel(instance, contract, cancellationToken)
                    : AddressOfClient(instance, method.ContainingType, contract, cancellationToken);

                Report(context, Library, operation, address, instance, byName, "System.ServiceModel did not resolve; the client or contract recognised by name");
            }

            private static void Report(OperationAnalysisContext context, string library, string operation, ResolvedValue address, IOperation? instance, bool byName, string byNameReason)
            {
                var target = address.TargetText() ?? TargetSources.Unresolved;
                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(FindingProperties.Kind, FindingKinds.SoapClient);
                properties.Add(FindingProperties.Library, library);
                properties.Add(FindingProperties.Target, target);
                address.AddProvenance(properties, instance?.Syntax.ToString());
                properties.Add(FindingProperties.Operation, operation);
                properties.Add(FindingProperties.Confidence, byName ? Confidence.Low : Confidence.High);
                properties.Add(FindingProperties.ConfidenceReason, byName ? byNameReason : null);
                properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId());
                context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), properties.ToImmutable(), operation, target));
            }

            /// <summary>
            /// The web method a call on an ASMX proxy invokes: <c>GetRate</c> for <c>GetRate</c>, <c>GetRateAsync</c> or
            /// <c>BeginGetRate</c> when the proxy's <c>GetRate</c> carries a SOAP or HTTP method attribute. Null for any
            /// other call (Dispose, Abort, a type that is not a proxy).
            /// </summary>
            private string? AsmxOperation(IMethodSymbol method, out bool byName)
            {
                byName = false;
                var proxy = method.ContainingType;
                var isProxy = false;
                for (var current = proxy?.BaseType; current is not null && !isProxy; current = current.BaseType)
                {
                    if ((_soapHttpClientProtocol is not null && SymbolEqualityComparer.Default.Equals(current, _soapHttpClientProtocol))
                        || (_httpSimpleClientProtocol is not null && SymbolEqualityComparer.Default.Equals(current, _httpSimpleClientProtocol)))
                    {
                        isProxy = true;
                    }
                    else if (current is IErrorTypeSymbol { Name: "SoapHttpClientProtocol" or "HttpGetClientProtocol" or "HttpPostClientProtocol" })
                    {
                        isProxy = byName = true;
                    }
                }

                if (!isProxy)
                {
                    return null;
                }

                var name = method.Name;
                var candidates = new[]
                {
                    name,
                    name.EndsWith("Async", StringComparison.Ordinal) ? name.Substring(0, name.Length - 5) : null,
                    name.StartsWith("Begin", StringComparison.Ordinal) ? name.Substring(5) : null,
                };
                foreach (var candidate in candidates)
                {
                    if (candidate is null)
                    {
                        continue;
                    }

                    foreach (var member in proxy!.GetMembers(candidate))
                    {
                        if (member is IMethodSymbol operation && IsWebMethod(operation))
                        {
                            return candidate;
                        }
                    }
                }

                return null;
            }

            private static bool IsWebMethod(IMethodSymbol method)
            {
                foreach (var attribute in method.GetAttributes())
                {
                    if (attribute.AttributeClass?.Name is "SoapDocumentMethodAttribute" or "SoapRpcMethodAttribute" or "HttpMethodAttribute"
                        or "SoapDocumentMethod" or "SoapRpcMethod" or "HttpMethod")
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>
            /// The <c>Url</c> an ASMX proxy's constructor sets: a literal (a static web reference) or a settings-designer
            /// property (a dynamic one: <c>Properties.Settings.Default.X</c>, kept in <c>applicationSettings</c>).
            /// </summary>
            private ResolvedValue AsmxAddress(INamedTypeSymbol proxy, CancellationToken cancellationToken)
            {
                foreach (var constructor in proxy.InstanceConstructors)
                {
                    foreach (var reference in constructor.DeclaringSyntaxReferences)
                    {
                        foreach (var assignment in reference.GetSyntax(cancellationToken).DescendantNodes().OfType<AssignmentExpressionSyntax>())
                        {
                            var assigned = assignment.Left switch
                            {
                                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member => member.Name.Identifier.ValueText,
                                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                                _ => null,
                            };
                            if (assigned != "Url")
                            {
                                continue;
                            }

                            if (assignment.Right is LiteralExpressionSyntax literal && literal.Token.Value is string url)
                            {
                                return new ResolvedValue(url, TargetSources.Constant, expression: null);
                            }

                            if (SettingsProperty(assignment.Right) is { } setting && _resolver.FromSetting(setting, assignment.Right.ToString()) is { ConfigValues: not null } configured)
                            {
                                return configured;
                            }

                            return FromServiceReference(proxy) is { HasText: true } referenced ? referenced : ResolvedValue.Unresolved(assignment.Right.ToString());
                        }
                    }
                }

                return FromServiceReference(proxy);
            }

            /// <summary><c>global::Ns.Properties.Settings.Default.X</c> → the property X of <c>Ns.Properties.Settings</c>.</summary>
            private IPropertySymbol? SettingsProperty(ExpressionSyntax expression)
            {
                if (expression is not MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Default" } holder } access)
                {
                    return null;
                }

                var className = holder.Expression.ToString();
                className = className.StartsWith("global::", StringComparison.Ordinal) ? className.Substring(8) : className;
                foreach (var member in _compilation.GetBestTypeByMetadataName(className)?.GetMembers(access.Name.Identifier.ValueText) ?? ImmutableArray<ISymbol>.Empty)
                {
                    if (member is IPropertySymbol property)
                    {
                        return property;
                    }
                }

                return null;
            }

            /// <summary>The contract of a generated client: TContract of its ClientBase&lt;TContract&gt; base (by name when unresolved).</summary>
            private (INamedTypeSymbol? Contract, bool ByName) ContractOfClient(INamedTypeSymbol? type)
            {
                for (var current = type?.BaseType; current is not null; current = current.BaseType)
                {
                    if (current.TypeArguments.Length == 1 && current.TypeArguments[0] is INamedTypeSymbol contract)
                    {
                        if (_clientBase is not null && SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, _clientBase))
                        {
                            return (contract, false);
                        }

                        // By name, WCF's ClientBase<IContract> takes the contract; gRPC's ClientBase<XClient> takes the client itself.
                        if (current is IErrorTypeSymbol { Name: "ClientBase" } && !SymbolEqualityComparer.Default.Equals(contract, type))
                        {
                            return (contract, true);
                        }
                    }
                }

                return (null, false);
            }

            private bool IsServiceContract(INamedTypeSymbol? type, out bool byName)
            {
                byName = false;
                if (type is not { TypeKind: TypeKind.Interface })
                {
                    return false;
                }

                foreach (var attribute in type.GetAttributes())
                {
                    if (_serviceContract is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _serviceContract))
                    {
                        return true;
                    }

                    if (attribute.AttributeClass is IErrorTypeSymbol { Name: "ServiceContract" or "ServiceContractAttribute" })
                    {
                        byName = true;
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The proxy method forwards to the contract: the contract has an operation of that name (sync or async).</summary>
            private static bool DeclaresOperation(INamedTypeSymbol contract, string name)
            {
                var operation = name.EndsWith("Async", StringComparison.Ordinal) ? name.Substring(0, name.Length - 5) : name;
                foreach (var member in contract.GetMembers())
                {
                    if (member is IMethodSymbol && (member.Name == name || member.Name == operation || member.Name == operation + "Async"))
                    {
                        return true;
                    }
                }

                return contract.TypeKind == TypeKind.Error;
            }

            /// <summary>
            /// new XClient(binding, new EndpointAddress(url)), new XClient("endpointName"), new XClient("endpointName", url),
            /// new XClient() (the endpoint configured for its contract, or the one address the generated client declares).
            /// </summary>
            private ResolvedValue AddressOfClient(IOperation? instance, INamedTypeSymbol client, INamedTypeSymbol contract, CancellationToken cancellationToken)
            {
                var creation = CreationOf(instance, cancellationToken);
                if (creation is not null && FromArguments(creation, contract, cancellationToken) is { HasText: true } given)
                {
                    return given;
                }

                var configured = FromContractConfiguration(contract);
                if (configured.HasText && configured.ConfigValues is not null)
                {
                    return configured;
                }

                if (DeclaredDefaultAddress(client, cancellationToken) is { HasText: true } declared)
                {
                    return declared;
                }

                return FromServiceReference(client) is { HasText: true } referenced ? referenced : configured;
            }

            /// <summary>
            /// The address a generated proxy's service reference was created from (its <c>Reference.svcmap</c> or
            /// <c>Reference.map</c>): the service's address when no configuration names one.
            /// </summary>
            private ResolvedValue FromServiceReference(INamedTypeSymbol proxy)
            {
                foreach (var reference in proxy.DeclaringSyntaxReferences)
                {
                    if (ServiceReferenceKeys.FolderOf(reference.SyntaxTree.FilePath) is { } folder
                        && _resolver.FromConfiguration(ServiceReferenceKeys.Of(folder), "service reference " + folder) is { ConfigValues: not null } value)
                    {
                        return value;
                    }
                }

                return ResolvedValue.None;
            }

            /// <summary>A channel from factory.CreateChannel() (or ChannelFactory&lt;T&gt;.CreateChannel(binding, address)).</summary>
            private ResolvedValue AddressOfChannel(IOperation? instance, INamedTypeSymbol contract, CancellationToken cancellationToken)
            {
                var channel = MemberAssignments.ValueOrInitializer(instance, cancellationToken);
                if (channel?.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CreateChannel" } access } createChannel
                    && channel.SemanticModel is { } model)
                {
                    if (createChannel.ArgumentList.Arguments.Count > 0)
                    {
                        return FromArguments(channel, contract, cancellationToken);
                    }

                    var factory = CreationOf(model.GetValueOperation(access.Expression, cancellationToken), cancellationToken);
                    if (factory is not null && FromArguments(factory, contract, cancellationToken) is { HasText: true } given)
                    {
                        return given;
                    }
                }

                return FromContractConfiguration(contract);
            }

            /// <summary>The address among a client's or factory's arguments: an EndpointAddress, a remote address string, or an endpoint name.</summary>
            private ResolvedValue FromArguments(IOperation creation, INamedTypeSymbol contract, CancellationToken cancellationToken)
            {
                if (creation.Syntax is not (BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax) || creation.SemanticModel is not { } model)
                {
                    return ResolvedValue.None;
                }

                var arguments = creation.Syntax switch
                {
                    BaseObjectCreationExpressionSyntax objectCreation => objectCreation.ArgumentList?.Arguments,
                    InvocationExpressionSyntax call => call.ArgumentList.Arguments,
                    _ => null,
                };
                if (arguments is null || arguments.Value.Count == 0)
                {
                    return ResolvedValue.None;
                }

                string? endpointName = null;
                for (var i = 0; i < arguments.Value.Count; i++)
                {
                    var expression = arguments.Value[i].Expression;
                    var value = CreationOf(model.GetValueOperation(expression, cancellationToken), cancellationToken);
                    if (value?.Syntax is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } address
                        && (value.Type?.Name == "EndpointAddress" || (address is ObjectCreationExpressionSyntax named && named.Type.ToString().EndsWith("EndpointAddress", StringComparison.Ordinal))))
                    {
                        return _resolver.Resolve(model.GetValueOperation(address.ArgumentList!.Arguments[0].Expression, cancellationToken), cancellationToken);
                    }

                    if (model.GetConstantValue(expression, cancellationToken).Value is string text)
                    {
                        if (UriText.IsAbsolute(text))
                        {
                            return _resolver.Resolve(model.GetValueOperation(expression, cancellationToken), cancellationToken);
                        }

                        endpointName ??= text;
                    }
                }

                return endpointName is null
                    ? ResolvedValue.None
                    : _resolver.FromConfiguration(WcfEndpointKeys.ByName(endpointName), "endpoint '" + endpointName + "'");
            }

            /// <summary>The client endpoint configured for the contract (by its ConfigurationName, full name or name).</summary>
            private ResolvedValue FromContractConfiguration(INamedTypeSymbol contract)
            {
                var names = new[] { ConfigurationName(contract), contract.ToDisplayString(), contract.Name };
                var first = ResolvedValue.None;
                foreach (var name in names)
                {
                    if (name is null)
                    {
                        continue;
                    }

                    var value = _resolver.FromConfiguration(WcfEndpointKeys.ByContract(name), "endpoint for contract " + name);
                    if (value.ConfigValues is not null)
                    {
                        return value;
                    }

                    first = first.HasText ? first : value;
                }

                return first;
            }

            private static string? ConfigurationName(INamedTypeSymbol contract)
            {
                foreach (var attribute in contract.GetAttributes())
                {
                    foreach (var argument in attribute.NamedArguments)
                    {
                        if (argument.Key == "ConfigurationName" && argument.Value.Value is string name)
                        {
                            return name;
                        }
                    }
                }

                return null;
            }

            /// <summary>
            /// dotnet-svcutil generates <c>GetEndpointAddress(EndpointConfiguration)</c> returning
            /// <c>new EndpointAddress("http://…")</c>: when the client declares exactly one such address, it is the default.
            /// </summary>
            private ResolvedValue DeclaredDefaultAddress(INamedTypeSymbol client, CancellationToken cancellationToken)
            {
                string? found = null;
                foreach (var reference in client.DeclaringSyntaxReferences)
                {
                    foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
                    {
                        if (node is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } creation
                            && creation.Type.ToString().EndsWith("EndpointAddress", StringComparison.Ordinal)
                            && creation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal)
                        {
                            if (found is not null && found != literal.Token.ValueText)
                            {
                                return ResolvedValue.None;
                            }

                            found = literal.Token.ValueText;
                        }
                    }
                }

                return found is null ? ResolvedValue.None : new ResolvedValue(found, TargetSources.Constant, expression: null);
            }

            /// <summary>The creation a value comes from, through a local, field or property initializer.</summary>
            private static IOperation? CreationOf(IOperation? value, CancellationToken cancellationToken)
            {
                value = MemberAssignments.ValueOrInitializer(value, cancellationToken);
                return value?.Syntax is BaseObjectCreationExpressionSyntax ? value : null;
            }
        }
    }
}
