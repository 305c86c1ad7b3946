using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using InventoryScanner.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace InventoryScanner.Analyzers.Rules
{
    /// <summary>
    /// Inventory facts: a component that hosts an API gateway (Ocelot's <c>AddOcelot</c>/<c>UseOcelot</c>, YARP's
    /// <c>AddReverseProxy</c>/<c>MapReverseProxy</c>), and each route it forwards, read from its configuration
    /// (<c>ocelot*.json</c> <c>Routes</c>, or the older <c>ReRoutes</c>; YARP's <c>ReverseProxy:Clusters:*:Destinations</c>).
    /// The scanner draws the routes as edges from the gateway to what it fronts, and counts calls to a gateway as
    /// mediated, not point-to-point. Also YARP's direct forwarding of one path (INV1015,
    /// <c>app.MapForwarder("/product-images/{id}", "https+http://catalog-api", "/api/catalog/items/{id}/pic")</c>): an
    /// outbound call of the application that forwards, which hosts no gateway.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerWords("Ocelot", "ReverseProxy", "MapForwarder")]
    public sealed class ApiGatewayAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor HostRule = RuleDescriptors.Create(
            RuleIdentifiers.ApiGateway,
            title: "API gateway",
            messageFormat: "{0} API gateway hosted here",
            category: RuleCategories.Http,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "The component hosts an API gateway (Ocelot or YARP): the requests of its clients reach the services behind it through its routes.");

        private static readonly DiagnosticDescriptor RouteRule = RuleDescriptors.Create(
            RuleIdentifiers.ApiGatewayRoute,
            title: "API gateway route",
            messageFormat: "{0} route {1} to {2}",
            category: RuleCategories.Http,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "A route of an Ocelot or YARP gateway, read from its configuration: the path it answers on and the downstream address it forwards to.");

        private static readonly DiagnosticDescriptor ForwarderRule = RuleDescriptors.Create(
            RuleIdentifiers.YarpForwarder,
            title: "YARP direct forwarder",
            messageFormat: "Requests to {0} are forwarded to {1}",
            category: RuleCategories.Http,
            defaultSeverity: DiagnosticSeverity.Hidden,
            description: "YARP's MapForwarder sends the requests of one path on to another service: an outbound HTTP call of this component, made for its own clients.");

        /// <summary>The calls that host a gateway: (member, declaring namespace or assembly prefix, library).</summary>
        private static readonly ImmutableArray<(string Member, string DeclaredIn, string Library)> Hosts = ImmutableArray.Create(
            ("AddOcelot", "Ocelot", "Ocelot"),
            ("UseOcelot", "Ocelot", "Ocelot"),
            ("AddReverseProxy", "Yarp", "Yarp.ReverseProxy"),
            ("MapReverseProxy", "Yarp", "Yarp.ReverseProxy"));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(HostRule, RouteRule, ForwarderRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var resolver = new ValueResolver(start.Compilation, start.Options, start.CancellationToken);
                start.RegisterOperationAction(c => AnalyzeInvocation(c, resolver), OperationKind.Invocation, OperationKind.Invalid);
            });
            context.RegisterAdditionalFileAction(AnalyzeConfiguration);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, ValueResolver resolver)
        {
            if (context.Operation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: var name } } invocation)
            {
                return;
            }

            if (name.Identifier.ValueText == "MapForwarder")
            {
                AnalyzeForwarder(context, invocation, resolver);
                return;
            }

            foreach (var (member, declaredIn, library) in Hosts)
            {
                if (name.Identifier.ValueText != member)
                {
                    continue;
                }

                var bound = context.Operation as IInvocationOperation;
                if (bound is not null && !bound.TargetMethod.ContainingType.IsDeclaredIn(declaredIn))
                {
                    return;
                }

                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(FindingProperties.Kind, FindingKinds.Gateway);
                properties.Add(FindingProperties.Library, library);
                properties.Add(FindingProperties.Target, "gateway:" + (library == "Ocelot" ? "ocelot" : "yarp"));
                properties.Add(FindingProperties.Confidence, bound is null ? Confidence.Low : Confidence.High);
                properties.Add(FindingProperties.ConfidenceReason, bound is null ? library + " did not resolve; recognised by " + member : null);
                properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId() + "#" + member);
                context.ReportDiagnostic(Diagnostic.Create(HostRule, CallLocations.Of(context.Operation.Syntax), properties.ToImmutable(), library));
                return;
            }
        }

        /// <summary>
        /// <c>app.MapForwarder(pattern, destinationPrefix[, targetPath])</c>: the destination, resolved like any address
        /// (constants, configuration), with the target path when one is given.
        /// </summary>
        private static void AnalyzeForwarder(OperationAnalysisContext context, InvocationExpressionSyntax invocation, ValueResolver resolver)
        {
            var arguments = invocation.ArgumentList.Arguments;
            var bound = context.Operation as IInvocationOperation;
            if (arguments.Count < 2 || context.Operation.SemanticModel is not { } model
                || (bound is not null && !(bound.TargetMethod.ContainingType.IsDeclaredIn("Yarp") || bound.TargetMethod.ContainingAssembly?.Name.StartsWith("Yarp", StringComparison.Ordinal) == true)))
            {
                return;
            }

            var pattern = model.GetConstantValue(arguments[0].Expression, context.CancellationToken).Value as string;
            var destination = resolver.Resolve(model.GetValueOperation(arguments[1].Expression, context.CancellationToken), context.CancellationToken);
            var targetPath = arguments.Count > 2 && model.GetConstantValue(arguments[2].Expression, context.CancellationToken).Value is string path && path.StartsWith("/", StringComparison.Ordinal) ? path : null;
            var prefix = destination.TargetText();
            var target = prefix is null ? TargetSources.Unresolved : prefix.TrimEnd('/') + targetPath;
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(FindingProperties.Kind, FindingKinds.HttpClient);
            properties.Add(FindingProperties.Library, "Yarp.ReverseProxy");
            properties.Add(FindingProperties.Target, target);
            destination.AddProvenance(properties, arguments[1].Expression.ToString());
            properties.Add(FindingProperties.Upstream, pattern);
            properties.Add(FindingProperties.Via, "MapForwarder");
            properties.Add(FindingProperties.Confidence, bound is null ? Confidence.Medium : Confidence.High);
            properties.Add(FindingProperties.ConfidenceReason, bound is null ? "Yarp.ReverseProxy did not resolve; recognised by MapForwarder(pattern, destination)" : null);
            properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId() + "#MapForwarder:" + pattern);
            context.ReportDiagnostic(Diagnostic.Create(ForwarderRule, CallLocations.Of(invocation), properties.ToImmutable(), pattern ?? "(a path)", target));
        }

        private static void AnalyzeConfiguration(AdditionalFileAnalysisContext context)
        {
            var file = ConfigurationFiles.ReadOwnFile(context);
            var text = context.AdditionalFile.GetText(context.CancellationToken);
            if (file is null || text is null)
            {
                return;
            }

            ReportComposeGateways(context, file, text);
            var routes = ConfigurationFileNames.IsOcelotFile(file.Name) || ConfigurationFileNames.EnvironmentOf(file.Name) is null ? OcelotRoutes(file) : YarpRoutes(file);
            foreach (var route in routes)
            {
                var location = LocationOf(context, file, text, route.Key);
                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(FindingProperties.Kind, FindingKinds.GatewayRoute);
                properties.Add(FindingProperties.Library, route.Library);
                properties.Add(FindingProperties.Target, route.Target);
                properties.Add(FindingProperties.TargetSource, TargetSources.Configuration);
                properties.Add(FindingProperties.ConfigKey, route.Key);
                properties.Add(FindingProperties.Upstream, route.Upstream);
                properties.Add(FindingProperties.Environment, file.Environment);
                properties.Add(FindingProperties.Confidence, Confidence.High);
                properties.Add(FindingProperties.ContainingSymbol, "config:" + file.Name + ":" + route.Key);
                context.ReportDiagnostic(Diagnostic.Create(RouteRule, location, properties.ToImmutable(), route.Library, route.Upstream ?? "(any path)", route.Target));
            }
        }

        /// <summary>Images of gateways and reverse proxies a compose file may run in front of the services.</summary>
        private static readonly ImmutableArray<string> GatewayImages = ImmutableArray.Create("envoy", "nginx", "traefik", "kong", "haproxy", "krakend", "tyk-gateway", "apisix", "ocelot", "yarp");

        /// <summary>
        /// <c>services: webshoppingapigw: image: envoyproxy/envoy:v1.11.1</c> in a docker-compose file: a gateway the
        /// services are reached through, named by its service (the host name its callers use, in <c>resource</c>).
        /// </summary>
        private static void ReportComposeGateways(AdditionalFileAnalysisContext context, ConfigurationFile file, SourceText text)
        {
            if (!ConfigurationFileNames.IsComposeFile(file.Name))
            {
                return;
            }

            foreach (var entry in file.Values.Where(e => e.Key.StartsWith("services:", StringComparison.OrdinalIgnoreCase) && e.Key.EndsWith(":image", StringComparison.OrdinalIgnoreCase)).OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                var parts = entry.Key.Split(':');
                if (parts.Length != 3)
                {
                    continue;
                }

                // envoyproxy/envoy:v1.11.1 → envoy; docker.io/library/nginx:1.25-alpine → nginx
                var repository = entry.Value.Split(':')[0];
                var image = repository.Substring(repository.LastIndexOf('/') + 1).ToLowerInvariant();
                var product = GatewayImages.FirstOrDefault(g => image == g || image.StartsWith(g + "-", StringComparison.Ordinal));
                if (product is null)
                {
                    continue;
                }

                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(FindingProperties.Kind, FindingKinds.Gateway);
                properties.Add(FindingProperties.Library, entry.Value);
                properties.Add(FindingProperties.Target, "gateway:" + product);
                properties.Add(FindingProperties.Resource, parts[1]);
                properties.Add(FindingProperties.Environment, file.Environment);
                properties.Add(FindingProperties.Confidence, product is "nginx" or "haproxy" ? Confidence.Medium : Confidence.High);
                properties.Add(FindingProperties.ConfidenceReason, product is "nginx" or "haproxy" ? product + " may serve files rather than route to services" : null);
                properties.Add(FindingProperties.ContainingSymbol, "config:" + file.Name + ":" + entry.Key);
                context.ReportDiagnostic(Diagnostic.Create(HostRule, LocationOf(context, file, text, entry.Key), properties.ToImmutable(), product + " (service " + parts[1] + ")"));
            }
        }

        /// <summary>Where a configuration key's value starts in its file: the line a finding about it points at.</summary>
        private static Location LocationOf(AdditionalFileAnalysisContext context, ConfigurationFile file, SourceText text, string key)
        {
            var start = file.Positions.TryGetValue(key, out var offset) ? Math.Min(offset, text.Length) : 0;
            var span = new TextSpan(start, 0);
            return Location.Create(context.AdditionalFile.Path, span, text.Lines.GetLinePositionSpan(span));
        }

        private sealed class Route
        {
            public Route(string key, string library, string target, string? upstream)
            {
                Key = key;
                Library = library;
                Target = target;
                Upstream = upstream;
            }

            /// <summary>The configuration key the route's address is under: where the finding points.</summary>
            public string Key { get; }

            public string Library { get; }

            public string Target { get; }

            public string? Upstream { get; }
        }

        /// <summary>
        /// <c>Routes:0:DownstreamHostAndPorts:0:Host</c> (with its <c>Port</c>, the route's <c>DownstreamScheme</c> and
        /// <c>DownstreamPathTemplate</c>) becomes <c>scheme://host:port/path</c>; a route by <c>ServiceName</c> (service
        /// discovery) becomes <c>scheme://name/path</c>, which the scanner matches to the component of that name.
        /// </summary>
        private static IEnumerable<Route> OcelotRoutes(ConfigurationFile file)
        {
            foreach (var section in new[] { "Routes", "ReRoutes" })
            {
                for (var i = 0; ; i++)
                {
                    var prefix = section + ":" + i.ToString(CultureInfo.InvariantCulture) + ":";
                    if (!file.Values.Keys.Any(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
                    {
                        break;
                    }

                    var scheme = Value(file, prefix + "DownstreamScheme") ?? "http";
                    var path = Value(file, prefix + "DownstreamPathTemplate") ?? string.Empty;
                    var upstream = Value(file, prefix + "UpstreamPathTemplate");
                    if (Value(file, prefix + "ServiceName") is { Length: > 0 } service)
                    {
                        yield return new Route(Key(file, prefix + "ServiceName"), "Ocelot", scheme + "://" + service + path, upstream);
                    }

                    for (var j = 0; Value(file, prefix + "DownstreamHostAndPorts:" + j.ToString(CultureInfo.InvariantCulture) + ":Host") is { Length: > 0 } host; j++)
                    {
                        var hostKey = prefix + "DownstreamHostAndPorts:" + j.ToString(CultureInfo.InvariantCulture) + ":Host";
                        var port = Value(file, prefix + "DownstreamHostAndPorts:" + j.ToString(CultureInfo.InvariantCulture) + ":Port");
                        var authority = port is null || (scheme == "http" && port == "80") || (scheme == "https" && port == "443") ? host : host + ":" + port;
                        yield return new Route(Key(file, hostKey), "Ocelot", scheme + "://" + authority + path, upstream);
                    }
                }
            }
        }

        /// <summary><c>ReverseProxy:Clusters:{cluster}:Destinations:{name}:Address</c>, with the path of the route that uses the cluster.</summary>
        private static IEnumerable<Route> YarpRoutes(ConfigurationFile file)
        {
            const string Clusters = "ReverseProxy:Clusters:";
            foreach (var entry in file.Values.Where(e => e.Key.StartsWith(Clusters, StringComparison.OrdinalIgnoreCase) && e.Key.EndsWith(":Address", StringComparison.OrdinalIgnoreCase)).OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                var parts = entry.Key.Split(':');
                if (parts.Length != 6 || !parts[3].Equals("Destinations", StringComparison.OrdinalIgnoreCase) || entry.Value.Length == 0)
                {
                    continue;
                }

                var cluster = parts[2];
                var route = file.Values
                    .Where(e => e.Key.StartsWith("ReverseProxy:Routes:", StringComparison.OrdinalIgnoreCase) && e.Key.EndsWith(":ClusterId", StringComparison.OrdinalIgnoreCase) && e.Value.Equals(cluster, StringComparison.OrdinalIgnoreCase))
                    .Select(e => e.Key.Substring(0, e.Key.Length - ":ClusterId".Length))
                    .OrderBy(k => k, StringComparer.Ordinal)
                    .FirstOrDefault();
                var upstream = route is null ? null : Value(file, route + ":Match:Path") ?? route.Substring("ReverseProxy:Routes:".Length);
                yield return new Route(entry.Key, "Yarp.ReverseProxy", entry.Value, upstream);
            }
        }

        private static string? Value(ConfigurationFile file, string key) =>
            file.Values.TryGetValue(key, out var value) ? value : file.Values.FirstOrDefault(e => e.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Value;

        private static string Key(ConfigurationFile file, string key) =>
            file.Values.ContainsKey(key) ? key : file.Values.Keys.FirstOrDefault(k => k.Equals(key, StringComparison.OrdinalIgnoreCase)) ?? key;
    }
}
