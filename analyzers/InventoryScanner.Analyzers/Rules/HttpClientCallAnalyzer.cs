using System;
using System.Collections.Concurrent;
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
    /// Inventory fact: an outbound HTTP call through <c>System.Net.Http.HttpClient</c> (its send methods and the
    /// <c>System.Net.Http.Json</c> extensions), with the target resolved from the request URI and the client's BaseAddress;
    /// through WebClient and WebRequest; and through the client libraries built on them, RestSharp and Flurl.Http.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerWords("AddHttpClient", "AddGrpcClient", "WebRequest", "DownloadString", "DownloadData", "DownloadFile", "UploadString", "UploadData", "UploadFile", "UploadValues", "OpenRead", "OpenWrite", "GetAsync", "GetStringAsync", "GetByteArrayAsync", "GetStreamAsync", "PostAsync", "PutAsync", "PatchAsync", "DeleteAsync", "Send", "JsonAsync", "JsonAsAsyncEnumerable", "RestClient", "RestRequest", "Flurl", "AppendPathSegment", "Refit", "RestService")]
    public sealed class HttpClientCallAnalyzer : DiagnosticAnalyzer
    {
        private const string Library = "System.Net.Http";

        private static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIdentifiers.HttpClientCall,
            title: "Outbound HTTP call",
            messageFormat: "HTTP {0} call to {1}",
            category: RuleCategories.Http,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "An HttpClient call to another service. Reported as an inventory fact, with the target resolved from the request URI and the client's BaseAddress.");

        private static readonly DiagnosticDescriptor RegistrationRule = RuleDescriptors.Create(
            RuleIdentifiers.HttpClientRegistration,
            title: "HttpClient registration",
            messageFormat: "HttpClient registration: {0} to {1}; resilience: {2}",
            category: RuleCategories.Http,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "An IHttpClientFactory registration (AddHttpClient, Refit's AddRefitClient, gRPC's AddGrpcClient) with its address and the resilience that applies. Calls through the client, in any project, take its address.");

        private static readonly DiagnosticDescriptor HardcodedUrlRule = RuleDescriptors.Create(
            RuleIdentifiers.HardcodedUrl,
            title: "Hard-coded service URL",
            messageFormat: "The URL '{0}' is hard-coded; read it from configuration",
            category: RuleCategories.Http,
            defaultSeverity: DiagnosticSeverity.Warning,
            description: "A service address written into code ties the build to one environment and hides the dependency from whoever deploys it. Read it from configuration (IConfiguration, options) so each environment sets its own.");

        private static readonly DiagnosticDescriptor PlainHttpRule = RuleDescriptors.Create(
            RuleIdentifiers.PlainHttp,
            title: "Plain HTTP to a remote host",
            messageFormat: "The call to '{0}' uses plain http://; use https://",
            category: RuleCategories.Http,
            defaultSeverity: DiagnosticSeverity.Warning,
            description: "Plain HTTP to a host other than this machine sends requests, credentials and data unencrypted. Hosts listed in inventory.internal_hosts are exempt.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, RegistrationRule, HardcodedUrlRule, PlainHttpRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var analyzer = new AnalyzerContext(start.Compilation, start.Options, start.CancellationToken);
                start.RegisterOperationAction(analyzer.AnalyzeInvocation, OperationKind.Invocation);

                start.RegisterOperationAction(analyzer.AnalyzeInvalid, OperationKind.Invalid);
                start.RegisterOperationAction(analyzer.AnalyzeRegistration, OperationKind.Invocation, OperationKind.Invalid);
            });
        }

        private sealed class AnalyzerContext
        {
            private readonly Compilation _compilation;
            private readonly ValueResolver _resolver;
            private readonly Lazy<HttpClientRegistrations> _registrations;
            private readonly RestSharpCalls _restSharp;
            private readonly ConcurrentDictionary<SyntaxTree, bool> _makesRestServiceClients = new ConcurrentDictionary<SyntaxTree, bool>();
            private readonly ConcurrentDictionary<ISymbol, ResolvedValue> _memberBaseAddresses = new ConcurrentDictionary<ISymbol, ResolvedValue>(SymbolEqualityComparer.Default);

            public AnalyzerContext(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
            {
                _compilation = compilation;
                _resolver = new ValueResolver(compilation, options, cancellationToken);
                _restSharp = new RestSharpCalls(compilation);
                _registrations = new Lazy<HttpClientRegistrations>(
                    () => HttpClientRegistrations.Collect(compilation, _resolver, cancellationToken),
                    LazyThreadSafetyMode.ExecutionAndPublication);
            }

            /// <summary>
            /// The types are looked up when a call's name first asks for them (once per compilation, see
            /// GetBestTypeByMetadataName), not when the compilation starts: a build of a project that makes no HTTP call
            /// should not pay for looking them up in every referenced assembly.
            /// </summary>
            public INamedTypeSymbol? HttpClient => _compilation.GetBestTypeByMetadataName(KnownTypeNames.System_Net_Http_HttpClient);

            private INamedTypeSymbol? HttpMessageInvoker => _compilation.GetBestTypeByMetadataName(KnownTypeNames.System_Net_Http_HttpMessageInvoker);

            private INamedTypeSymbol? HttpRequestMessage => _compilation.GetBestTypeByMetadataName(KnownTypeNames.System_Net_Http_HttpRequestMessage);

            private INamedTypeSymbol? HttpMethod => _compilation.GetBestTypeByMetadataName(KnownTypeNames.System_Net_Http_HttpMethod);

            private INamedTypeSymbol? JsonExtensions => _compilation.GetBestTypeByMetadataName(KnownTypeNames.System_Net_Http_Json_HttpClientJsonExtensions);

            private INamedTypeSymbol? HttpClientFactory => _compilation.GetBestTypeByMetadataName(KnownTypeNames.System_Net_Http_IHttpClientFactory);

            private INamedTypeSymbol? HttpClientFactoryExtensions => _compilation.GetBestTypeByMetadataName(KnownTypeNames.System_Net_Http_HttpClientFactoryExtensions);

            private INamedTypeSymbol? WebClient => _compilation.GetBestTypeByMetadataName(KnownTypeNames.System_Net_WebClient);

            private INamedTypeSymbol? WebRequest => _compilation.GetBestTypeByMetadataName(KnownTypeNames.System_Net_WebRequest);

            public void AnalyzeInvocation(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                if (IsSendMethod(method, invocation))
                {
                    Report(context, CallSite.FromInvocation(invocation), Confidence.High, reason: null);
                }
                else if (IsWebClientMethod(method))
                {
                    ReportWebClient(context, CallSite.FromInvocation(invocation));
                }
                else if (IsWebRequestCreate(method))
                {
                    ReportWebRequest(context, invocation);
                }
                else if (_restSharp.IsCall(method))
                {
                    ReportRestSharp(context, CallSite.FromInvocation(invocation), Confidence.High, reason: null);
                }
                else if (FlurlCalls.IsCall(method))
                {
                    ReportFlurl(context, CallSite.FromInvocation(invocation), Confidence.High, reason: null);
                }
                else if (RefitCalls.Endpoint(method, context.CancellationToken) is { } endpoint)
                {
                    ReportRefit(context, invocation, method, endpoint, reason: null);
                }
            }

            /// <summary>A Refit interface call: the registration of its interface gives the host, the attribute the verb and path.</summary>
            private void ReportRefit(OperationAnalysisContext context, IOperation invocation, IMethodSymbol method, (string Verb, string Path, bool ByName) endpoint, string? reason)
            {
                var api = method.ContainingType;
                var registration = _registrations.Value.ForType(api);
                var path = new ResolvedValue(endpoint.Path, TargetSources.Literal, expression: null);
                var uri = path;
                if (registration?.BaseAddress is { HasText: true } host)
                {
                    uri = ResolvedValue.Join(UriText.AppendPath(host.Text!, endpoint.Path), ResolvedValue.Weaker(TargetSources.BaseAddress, host.Source), host, path);
                }

                ReportCall(
                    context,
                    invocation,
                    RefitCalls.Library,
                    endpoint.Verb,
                    uri,
                    requestUri: null,
                    endpoint.ByName || reason is not null ? Confidence.Low : Confidence.High,
                    reason ?? (endpoint.ByName ? "Refit did not resolve; its verb attribute recognised by name" : null),
                    registration,
                    HttpClientRegistration.TypedKey(api));
            }

            private void ReportRestSharp(OperationAnalysisContext context, CallSite call, string confidence, string? reason)
            {
                var (verb, uri, expression) = _restSharp.Resolve(call, _resolver, context.CancellationToken);
                ReportCall(context, call.Operation, RestSharpCalls.Library, verb, uri, expression, confidence, reason, registration: null, clientKey: null);
            }

            private void ReportFlurl(OperationAnalysisContext context, CallSite call, string confidence, string? reason)
            {
                var (verb, uri) = FlurlCalls.Resolve(call, _resolver, context.CancellationToken);
                ReportCall(context, call.Operation, FlurlCalls.Library, verb, uri, call.Receiver, confidence, reason, registration: null, clientKey: null);
            }

            /// <summary>WebClient's transfer methods: DownloadString, UploadValues, OpenRead and their Async/TaskAsync forms.</summary>
            private bool IsWebClientMethod(IMethodSymbol method)
            {
                return HttpLibrary.WebClient.SendsRequest(method.Name) && method.MethodKind == MethodKind.Ordinary
                    && WebClient is { } webClient && method.ContainingType.IsOrInherits(webClient);
            }

            private bool IsWebRequestCreate(IMethodSymbol method) =>
                method.IsStatic && HttpLibrary.WebRequest.RequestPrefixes.Contains(method.Name)
                && WebRequest is { } webRequest && method.ContainingType.IsOrInherits(webRequest);

            /// <summary>A WebClient transfer: GET for downloads and OpenRead, POST for uploads unless a method is given; BaseAddress applies.</summary>
            private void ReportWebClient(OperationAnalysisContext context, CallSite call)
            {
                var cancellationToken = context.CancellationToken;
                var name = call.MethodName;
                var verb = name.StartsWith("Download", StringComparison.Ordinal) || name.StartsWith("OpenRead", StringComparison.Ordinal) ? "GET" : "POST";
                if (call.GetArgument("method", -1, cancellationToken) is { ConstantValue: { HasValue: true, Value: string method } })
                {
                    verb = method.ToUpperInvariant();
                }

                var uri = _resolver.Resolve(call.GetArgument("address", 0, cancellationToken), cancellationToken);
                if (!uri.HasText || !UriText.IsAbsolute(uri.Text!))
                {
                    var baseAddress = FindBaseAddress(call.Operation, call.Receiver, cancellationToken);
                    uri = WithBaseAddress(uri, baseAddress, baseAddressAlone: false);
                }

                ReportCall(context, call.Operation, HttpLibrary.WebClient.Name, verb, uri, call.GetArgument("address", 0, cancellationToken), Confidence.High, null, registration: null, clientKey: null);
            }

            /// <summary>WebRequest.Create / HttpWebRequest: the URL given, and the Method set on the request (GET when none).</summary>
            private void ReportWebRequest(OperationAnalysisContext context, IInvocationOperation create)
            {
                var cancellationToken = context.CancellationToken;
                if (DataStores.FileTransfers.IsCastToFtp(create))
                {
                    // (FtpWebRequest)WebRequest.Create(url): file transfer, the object storage rule's (INV4003).
                    return;
                }

                IOperation? address = null;
                foreach (var argument in create.Arguments)
                {
                    address ??= argument.Value;
                }

                var verb = "GET";
                var parent = create.Parent;
                while (parent is IConversionOperation)
                {
                    parent = parent.Parent;
                }

                var holder = parent switch
                {
                    IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                    ISimpleAssignmentOperation assignment => MemberAssignments.ReferencedSymbol(assignment.Target),
                    _ => null,
                };
                if (holder is not null && create.SemanticModel is { } model
                    && MemberAssignments.FindAssignedValue(holder, "Method", RootOf(create).Syntax, model, cancellationToken) is { ConstantValue: { HasValue: true, Value: string method } })
                {
                    verb = method.ToUpperInvariant();
                }

                ReportCall(context, create, HttpLibrary.WebRequest.Name, verb, _resolver.Resolve(address, cancellationToken), address, Confidence.High, null, registration: null, clientKey: null);
            }

            public void AnalyzeInvalid(OperationAnalysisContext context)
            {
                // Named like a request of HttpClient, RestSharp or Flurl, or (any name) a call of a Refit client a
                // RestService.For<T> in this file made: a call no library explains costs no semantic query.
                var invalid = (IInvalidOperation)context.Operation;
                if (!CallSite.TryFromInvalid(invalid, name => IsSendMethodName(name) || HttpLibrary.RestSharp.SendsRequest(name) || HttpLibrary.Flurl.SendsRequest(name) || MayCallThroughRestService(invalid.Syntax.SyntaxTree, context.CancellationToken), context.CancellationToken, out var call))
                {
                    return;
                }

                if (RestSharpCalls.IsCallByName(call))
                {
                    ReportRestSharp(context, call, Confidence.Low, "RestSharp did not resolve; recognised by name");
                    return;
                }

                if (FlurlCalls.IsCallByName(call))
                {
                    ReportFlurl(context, call, Confidence.Low, "Flurl.Http did not resolve; recognised by name");
                    return;
                }

                if (RefitCalls.ThroughRestService(call, context.CancellationToken) is { } refitMethod
                    && RefitCalls.Endpoint(refitMethod, context.CancellationToken) is { } endpoint)
                {
                    ReportRefit(context, invalid, refitMethod, endpoint, "Refit did not resolve; the client from RestService.For recognised by name");
                    return;
                }

                if (!IsSendMethodName(call.MethodName))
                {
                    return;
                }

                if ((call.Method is not null && HttpClient is not null && IsHttpClient(call.Method.ContainingType))
                    || (call.ReceiverType is INamedTypeSymbol { TypeKind: not TypeKind.Error } receiver && IsHttpClient(receiver)))
                {
                    // An HttpClient call whose argument did not bind: a type of a missing package, or a member a source
                    // generator writes (JsonSerializerContext's AppJsonContext.Default.Product) that no build generated.
                    Report(context, call, Confidence.Medium, "the call did not bind (an argument's type did not resolve)");
                }
                else if (call.ReceiverType is IErrorTypeSymbol { Name: "HttpClient" })
                {
                    Report(context, call, Confidence.Low, "HttpClient did not resolve; recognised by name");
                }
            }

            /// <summary>INV1002: each AddHttpClient registration, with where it points and what protects it.</summary>
            public void AnalyzeRegistration(OperationAnalysisContext context)
            {
                if (context.Operation.Syntax is not InvocationExpressionSyntax syntax || context.Operation.SemanticModel is not { } model
                    || (context.Operation is IInvocationOperation { TargetMethod.Name: not ("AddHttpClient" or "AddRefitClient" or "AddGrpcClient") }))
                {
                    return;
                }

                var registration = HttpClientRegistrations.TryRead(syntax, model, _resolver, context.CancellationToken);
                if (registration is null || !registration.IsDependencyInjection)
                {
                    return;
                }

                var baseAddress = registration.BaseAddress;
                var target = baseAddress.TargetText() ?? TargetSources.Unresolved;
                var resilience = registration.Resilience.IsEmpty ? "none" : string.Join(", ", registration.Resilience);
                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(FindingProperties.Kind, FindingKinds.HttpClientRegistration);
                properties.Add(FindingProperties.Library, registration.Library);
                properties.Add(FindingProperties.Target, target);
                properties.Add(FindingProperties.TargetSource, baseAddress.Text is null ? TargetSources.Unresolved : baseAddress.Source);
                properties.Add(FindingProperties.Client, registration.Key);
                properties.Add(FindingProperties.Resilience, resilience);
                properties.Add(FindingProperties.ConfigKey, baseAddress.ConfigKey);
                properties.Add(FindingProperties.ConfigValues, baseAddress.ConfigValues);
                properties.Add(FindingProperties.Confidence, registration.Location.EndsWith("(recognised by name)", StringComparison.Ordinal) ? Confidence.Low : Confidence.High);
                properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId());
                context.ReportDiagnostic(Diagnostic.Create(RegistrationRule, syntax.GetLocation(), properties.ToImmutable(), registration.Describe(), target, resilience));
            }

            private bool IsSendMethod(IMethodSymbol method, IInvocationOperation invocation)
            {
                // Every HttpClient, HttpMessageInvoker and JSON extension send method has a send name (GetFromJsonAsync, PostAsJsonAsync…).
                if (!IsSendMethodName(method.Name) || HttpClient is null)
                {
                    return false;
                }

                var declaringType = method.ContainingType;
                if (SymbolEqualityComparer.Default.Equals(declaringType, HttpClient))
                {
                    return method.MethodKind == MethodKind.Ordinary && IsSendMethodName(method.Name);
                }

                if (SymbolEqualityComparer.Default.Equals(declaringType, HttpMessageInvoker))
                {
                    // HttpMessageInvoker.Send/SendAsync called on an HttpClient.
                    return IsSendMethodName(method.Name) && IsHttpClient(CallSite.Unwrap(invocation.Instance)?.Type);
                }

                return JsonExtensions is not null && SymbolEqualityComparer.Default.Equals(declaringType, JsonExtensions)
                    && method.Parameters.Length > 0 && IsHttpClient(method.Parameters[0].Type);
            }

            private bool IsHttpClient(ITypeSymbol? type) => HttpClient is not null && type.IsOrInherits(HttpClient);

            /// <summary>Whether the file makes a client with a generic <c>For&lt;T&gt;</c> (Refit's RestService.For), asked once per file.</summary>
            private bool MayCallThroughRestService(SyntaxTree tree, CancellationToken cancellationToken) =>
                _makesRestServiceClients.GetOrAdd(tree, t => SourceTexts.Contains(t.GetText(cancellationToken), "For<"));

            private static bool IsSendMethodName(string name) =>
                HttpVerbOf(name) is not null || name == "SendAsync" || name == "Send";

            /// <summary>The verb a method name implies: GetAsync, GetFromJsonAsync → GET; Send/SendAsync → from the request.</summary>
            private static string? HttpVerbOf(string name) => HttpVerbs.FromMethodName(name);

            private void Report(OperationAnalysisContext context, CallSite call, string confidence, string? reason)
            {
                var cancellationToken = context.CancellationToken;
                var verb = HttpVerbOf(call.MethodName);
                var uri = ResolvedValue.None;

                var requestUri = call.GetArgument("requestUri", 0, cancellationToken);
                if (requestUri is not null)
                {
                    uri = _resolver.Resolve(requestUri, cancellationToken);
                }
                else if (call.GetArgument("request", 0, cancellationToken) is { } request)
                {
                    (verb, uri) = ResolveRequestMessage(request, cancellationToken);
                }

                var (registration, clientKey) = FindRegistration(call, cancellationToken);
                if (!uri.HasText || !UriText.IsAbsolute(uri.Text!))
                {
                    var baseAddress = FindBaseAddress(call.Operation, call.Receiver, cancellationToken);
                    if (!baseAddress.HasText && registration is not null)
                    {
                        baseAddress = registration.BaseAddress;
                    }

                    // No request URI at all (or null) sends the request to the BaseAddress itself.
                    uri = WithBaseAddress(uri, baseAddress, baseAddressAlone: requestUri is null || requestUri.ConstantValue is { HasValue: true, Value: null });
                }

                ReportCall(context, call.Operation, Library, verb, uri, requestUri, confidence, reason, registration, clientKey);
            }

            /// <summary>
            /// A relative URI resolved against the client's BaseAddress; the source is the less certain of the two (a
            /// BaseAddress from configuration keeps the result a configuration value).
            /// </summary>
            private static ResolvedValue WithBaseAddress(ResolvedValue uri, ResolvedValue baseAddress, bool baseAddressAlone)
            {
                if (!baseAddress.HasText)
                {
                    return uri;
                }

                var source = ResolvedValue.Weaker(TargetSources.BaseAddress, baseAddress.Source);
                if (uri.HasText)
                {
                    return ResolvedValue.Join(UriText.Combine(baseAddress.Text!, uri.Text!), ResolvedValue.Weaker(source, uri.Source), baseAddress, uri);
                }

                return baseAddressAlone ? baseAddress.WithText(baseAddress.Text, source) : uri;
            }

            private static void ReportCall(OperationAnalysisContext context, IOperation operation, string library, string? verb, ResolvedValue uri, IOperation? requestUri, string confidence, string? reason, HttpClientRegistration? registration, string? clientKey)
            {
                var target = uri.TargetText() ?? TargetSources.Unresolved;
                if (DataStores.FileTransfers.IsFtp(uri.Text) || HostList.Ignored(context.Options, operation.Syntax.SyntaxTree).Contains(target, relativeIsLocal: false))
                {
                    return;
                }

                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(FindingProperties.Kind, FindingKinds.HttpClient);
                properties.Add(FindingProperties.Library, library);
                properties.Add(FindingProperties.Target, target);
                uri.AddProvenance(properties, requestUri?.Syntax.ToString());
                properties.Add(FindingProperties.HttpMethod, verb);
                properties.Add(FindingProperties.Client, clientKey);
                properties.Add(FindingProperties.Registration, registration is null ? null : registration.Describe() + " at " + registration.Location);
                properties.Add(FindingProperties.Resilience, registration is null ? null : registration.Resilience.IsEmpty ? "none" : string.Join(", ", registration.Resilience));
                properties.Add(FindingProperties.Confidence, confidence);
                properties.Add(FindingProperties.ConfidenceReason, reason);
                properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId());
                Messaging.WrapperMembers.AddTo(properties, context.ContainingSymbol, publish: false, uri, context.CancellationToken);

                context.ReportDiagnostic(Diagnostic.Create(Rule, operation.Syntax.GetLocation(), properties.ToImmutable(), verb ?? "request", target));
                ReportAntiPatterns(context, operation, library, uri, target);
            }

            /// <summary>INV1003 and INV1005, from what INV1001 resolved: the same target, never computed twice.</summary>
            private static void ReportAntiPatterns(OperationAnalysisContext context, IOperation operation, string library, ResolvedValue uri, string target)
            {
                // A service-discovery name (https+http://catalog-api) is the configuration-free way to name another
                // service: neither hard-coded in the sense of INV1003 nor a remote host in the sense of INV1005.
                if (!UriText.IsAbsolute(target) || UriText.IsServiceName(target))
                {
                    return;
                }

                var location = operation.Syntax.GetLocation();
                if (uri.ConfigKey is null && uri.Source != TargetSources.Unresolved)
                {
                    context.ReportDiagnostic(Diagnostic.Create(HardcodedUrlRule, location, AntiPatterns.Properties(context.ContainingSymbol, RuleIdentifiers.HardcodedUrl, library, target, Confidence.High), target));
                }

                if (target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !HostList.Internal(context.Options, operation.Syntax.SyntaxTree).Contains(target))
                {
                    context.ReportDiagnostic(Diagnostic.Create(PlainHttpRule, location, AntiPatterns.Properties(context.ContainingSymbol, RuleIdentifiers.PlainHttp, library, target, Confidence.High), target));
                }
            }


            private (string? Verb, ResolvedValue Uri) ResolveRequestMessage(IOperation request, CancellationToken cancellationToken)
            {
                request = CallSite.Unwrap(request)!;
                var model = request.SemanticModel;
                var holder = MemberAssignments.ReferencedSymbol(request);
                var creation = request as IObjectCreationOperation;
                if (holder is not null && model is not null)
                {
                    creation = CallSite.Unwrap(MemberAssignments.InitializerOf(holder, model, cancellationToken)) as IObjectCreationOperation;
                }

                if (creation is null || !SymbolEqualityComparer.Default.Equals(creation.Type, HttpRequestMessage))
                {
                    return (null, ResolvedValue.Unresolved(request.Syntax.ToString()));
                }

                IOperation? method = null;
                IOperation? uri = null;
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter?.Name == "method")
                    {
                        method = argument.Value;
                    }
                    else if (argument.Parameter?.Name == "requestUri")
                    {
                        uri = argument.Value;
                    }
                }

                if (creation.Initializer is not null)
                {
                    foreach (var initializer in creation.Initializer.Initializers)
                    {
                        if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                        {
                            method = property.Property.Name == "Method" ? assignment.Value : method;
                            uri = property.Property.Name == "RequestUri" ? assignment.Value : uri;
                        }
                    }
                }

                if (holder is not null && model is not null && RootOf(request).Syntax is { } body)
                {
                    method = MemberAssignments.FindAssignedValue(holder, "Method", body, model, cancellationToken) ?? method;
                    uri = MemberAssignments.FindAssignedValue(holder, "RequestUri", body, model, cancellationToken) ?? uri;
                }

                return (VerbOf(method), uri is null ? ResolvedValue.None : _resolver.Resolve(uri, cancellationToken));
            }

            private string? VerbOf(IOperation? method)
            {
                switch (CallSite.Unwrap(method))
                {
                    case IPropertyReferenceOperation property when property.Property.IsStatic
                        && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, HttpMethod):
                        return property.Property.Name.ToUpperInvariant();
                    case IObjectCreationOperation creation when creation.Arguments.Length == 1
                        && creation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string verb }:
                        return verb.ToUpperInvariant();
                    default:
                        return null;
                }
            }

            /// <summary>
            /// The AddHttpClient registration behind the client a call uses: the typed client whose injected HttpClient it
            /// is (a field, property or constructor parameter of a registered class), or the named client
            /// <c>factory.CreateClient("name")</c> returned (directly or through a local).
            /// </summary>
            private (HttpClientRegistration? Registration, string? ClientKey) FindRegistration(CallSite call, CancellationToken cancellationToken)
            {
                if (!call.IsBound)
                {
                    return (null, null);
                }

                var receiver = call.Receiver;
                var holder = MemberAssignments.ReferencedSymbol(receiver);
                if (holder is ILocalSymbol && receiver?.SemanticModel is { } model)
                {
                    receiver = CallSite.Unwrap(MemberAssignments.InitializerOf(holder, model, cancellationToken));
                    holder = null;
                }

                if (receiver is IInvocationOperation { TargetMethod.Name: "CreateClient" } createClient && IsFactoryMethod(createClient.TargetMethod))
                {
                    foreach (var argument in createClient.Arguments)
                    {
                        if (argument.Parameter?.Name == "name" && argument.Value.ConstantValue.Value is string name)
                        {
                            return (_registrations.Value.ForName(name), HttpClientRegistration.NamedKey(name));
                        }
                    }

                    return (null, null);
                }

                // An HttpClient injected into a class is a typed client: a constructor parameter, or an instance field or
                // property the class does not initialise itself (a static or `= new HttpClient()` member is its own client).
                var typedClient = holder switch
                {
                    IFieldSymbol { IsStatic: false } field when MemberAssignments.DeclaredInitializer(field, cancellationToken) is null => field.ContainingType,
                    IPropertySymbol { IsStatic: false } property when MemberAssignments.DeclaredInitializer(property, cancellationToken) is null => property.ContainingType,
                    IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } => constructor.ContainingType,
                    _ => null,
                };
                return typedClient is null ? (null, null) : (_registrations.Value.ForType(typedClient), HttpClientRegistration.TypedKey(typedClient));
            }

            private bool IsFactoryMethod(IMethodSymbol method) =>
                SymbolEqualityComparer.Default.Equals(method.ContainingType, HttpClientFactory)
                || SymbolEqualityComparer.Default.Equals(method.ContainingType, HttpClientFactoryExtensions);

            private ResolvedValue FindBaseAddress(IOperation call, IOperation? receiver, CancellationToken cancellationToken)
            {
                var holder = MemberAssignments.ReferencedSymbol(receiver);
                var model = call.SemanticModel;
                if (holder is null || model is null)
                {
                    return ResolvedValue.None;
                }

                if (holder is ILocalSymbol || holder is IParameterSymbol)
                {
                    return ResolveBaseAddress(holder, RootOf(call).Syntax, model, cancellationToken);
                }

                // Fields and properties: assignments anywhere in the declaring type (constructors, initializers), in this file.
                return _memberBaseAddresses.GetOrAdd(holder, member =>
                {
                    foreach (var reference in member.ContainingType.DeclaringSyntaxReferences)
                    {
                        if (reference.SyntaxTree != model.SyntaxTree)
                        {
                            continue;
                        }

                        var value = ResolveBaseAddress(member, reference.GetSyntax(cancellationToken), model, cancellationToken);
                        if (value.HasText)
                        {
                            return value;
                        }
                    }

                    return ResolvedValue.None;
                });
            }

            private ResolvedValue ResolveBaseAddress(ISymbol holder, SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
            {
                var assigned = MemberAssignments.FindAssignedValue(holder, "BaseAddress", scope, model, cancellationToken);
                return assigned is null ? ResolvedValue.None : _resolver.Resolve(assigned, cancellationToken);
            }

            private static IOperation RootOf(IOperation operation)
            {
                while (operation.Parent is not null)
                {
                    operation = operation.Parent;
                }

                return operation;
            }
        }
    }
}
