using InventoryScanner.Analyzers;
using InventoryScanner.Analyzers.DataStores;
using InventoryScanner.Core.Model;
using QuikGraph;
using QuikGraph.Algorithms;

namespace InventoryScanner.Core.Graph;

public sealed record GraphNode(string Id, string Type, string Label);

public sealed class GraphEdge(GraphNode source, GraphNode target, string kind) : Edge<GraphNode>(source, target)
{
    public string Kind { get; } = kind;

    public List<string> Findings { get; } = [];
}

/// <summary>
/// Components and the external systems and channels they talk to, as a QuikGraph bidirectional graph. Every edge
/// carries the fingerprints of the findings behind it. Secrets are findings, not edges.
/// </summary>
public sealed class InventoryGraph
{
    public const string ComponentNode = "component";
    public const string ExternalNode = "external";
    public const string ChannelNode = "channel";

    /// <summary>A database or cache (INV4001, INV4002): one node per store the findings name.</summary>
    public const string DataStoreNode = "datastore";

    /// <summary>The edge kind of an API gateway's route, from the gateway to what it forwards to.</summary>
    public const string RoutesKind = "routes";

    /// <summary>The edge kind of YARP's direct forwarding of one path (<c>MapForwarder</c>): a call the component makes for its clients.</summary>
    public const string ForwardsKind = "forwards";

    private readonly Dictionary<string, GraphNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To, string Kind), GraphEdge> _edges = [];

    /// <summary>
    /// Uses of a store through a client another component made (a library's <c>redis.GetDatabase()</c> on the host's
    /// multiplexer, joined by <see cref="Analysis.StoreClientJoin"/>): drawn, but no sharing, since the client is the host's.
    /// </summary>
    private readonly HashSet<string> _borrowed = new(StringComparer.Ordinal);

    /// <summary>Store findings that name a server and none of its databases (<see cref="FindingProperties.StoreScope"/>).</summary>
    private readonly HashSet<string> _servers = new(StringComparer.Ordinal);

    /// <summary>
    /// Components that migrate a schema and integrate with nothing but that one store (Aspire's MigrationService, a
    /// DbManager): the owner's tool for its schema, not a second owner, so they make no store shared.
    /// </summary>
    private readonly HashSet<string> _migrationRunners = new(StringComparer.Ordinal);

    public BidirectionalGraph<GraphNode, GraphEdge> Graph { get; } = new(allowParallelEdges: true);

    /// <param name="hosts">The settings' host map: a host the code calls, by the component that serves it.</param>
    public static InventoryGraph Build(IEnumerable<Component> components, IEnumerable<Finding> findings, IReadOnlyDictionary<string, string>? hosts = null)
    {
        var graph = new InventoryGraph();
        foreach (var component in components.Where(c => c.Analysis != AnalysisLevel.Failed))
        {
            graph.Node("component:" + component.Name, ComponentNode, component.Name);
        }

        var all = findings.ToList();
        var services = ServiceNames(components, all, hosts);
        var launchOrigins = LaunchOrigins(components);
        var aspireResources = AspireResources(all);
        foreach (var finding in all)
        {
            var component = graph.Node("component:" + finding.Component, ComponentNode, finding.Component);
            switch (finding.Kind)
            {
                case FindingKinds.HttpClient or FindingKinds.GrpcClient or FindingKinds.SignalRClient or FindingKinds.SoapClient or FindingKinds.GatewayRoute:
                    var kind = finding.Kind switch
                    {
                        // A gateway's forwarding: drawn like a call, counted apart (it is the mediation, not point-to-point).
                        FindingKinds.GatewayRoute => RoutesKind,
                        FindingKinds.GrpcClient => "grpc",
                        FindingKinds.SignalRClient => "signalr",
                        FindingKinds.SoapClient => "soap",
                        _ when finding.Details?.GetValueOrDefault(FindingProperties.Via) == "MapForwarder" => ForwardsKind,
                        _ => "http",
                    };

                    // A route of a gateway the AppHost runs (AddYarp) starts at that resource, not at the AppHost's component.
                    var caller = finding.Kind == FindingKinds.GatewayRoute && AspireResourceOf(finding) is { } gatewayResource
                        ? graph.AspireNode(gatewayResource, "AddYarp")
                        : component;
                    var origin = Origin(finding.Target);
                    // A service name, or a dotted one a compose file or AppHost gives a resource (catalog.api).
                    var host = UriText.IsServiceName(finding.Target) || services.IsResource(UriText.HostOf(finding.Target)) ? UriText.HostOf(finding.Target) : null;
                    if ((host is not null && services.TryResolve(finding.Component, host, out var callee))
                        || (origin is not null && launchOrigins.TryGetValue(origin, out callee) && callee != finding.Component)
                        || (origin is not null && services.TryHost(UriText.HostOf(finding.Target), out callee) && callee != finding.Component))
                    {
                        // A call to another component of the scan: by its service-discovery name, or at the URL it serves on.
                        graph.Edge(caller, graph.Node("component:" + callee, ComponentNode, callee), kind, finding);
                        break;
                    }

                    if (host is not null && aspireResources.TryGetValue(host, out var resourceMethod))
                    {
                        // A call to a resource the AppHost runs that is no project of the scan (a YARP gateway, a container).
                        graph.Edge(caller, graph.AspireNode(host, resourceMethod), kind, finding);
                        break;
                    }

                    var external = origin is null
                        ? graph.Node("external:unresolved-http", ExternalNode, "unresolved HTTP targets")
                        : graph.Node("external:" + origin, ExternalNode, origin);
                    graph.Edge(caller, external, kind, finding);
                    break;
                case FindingKinds.ServiceResource when services.TryResolve(finding.Component, finding.Target, out var resourceComponent):
                    // What the AppHost provisions for a project: its databases, caches and brokers (the services it
                    // references are INV1013's findings).
                    var from = graph.Node("component:" + resourceComponent, ComponentNode, resourceComponent);
                    foreach (var reference in (finding.Details?.GetValueOrDefault(FindingProperties.References) ?? string.Empty)
                        .Split(", ", StringSplitOptions.RemoveEmptyEntries)
                        .Where(r => !r.EndsWith("(AddProject)", StringComparison.Ordinal)))
                    {
                        graph.Edge(from, graph.Node("external:aspire:" + reference.Split(' ')[0], ExternalNode, reference), "declared", finding);
                    }

                    break;
                case FindingKinds.ServiceReference:
                    // The AppHost's WithReference of a service: from the referencing project's component (the join moved the
                    // finding there), or from the resource when it is no project of the scan (a JavaScript app).
                    var referencing = finding.Details?.GetValueOrDefault(FindingProperties.Project) is { } own && Normalise(own) == Normalise(finding.Component)
                        ? component
                        : graph.AspireNode(finding.Details?.GetValueOrDefault(FindingProperties.Resource) ?? finding.Component, finding.Details?.GetValueOrDefault(FindingProperties.ResourceType) ?? "resource");
                    var referenced = services.TryProject(finding.Details?.GetValueOrDefault(FindingProperties.TargetProject), out var referencedComponent)
                        || services.TryResolve(finding.Component, finding.Target, out referencedComponent)
                        ? graph.Node("component:" + referencedComponent, ComponentNode, referencedComponent)
                        : graph.AspireNode(finding.Target, aspireResources.GetValueOrDefault(finding.Target) ?? "resource");
                    graph.Edge(referencing, referenced, "declared", finding);
                    break;
                case FindingKinds.Database or FindingKinds.Cache or FindingKinds.BlobStorage or FindingKinds.Smtp:
                    // A store reached from two components is a shared database (or cache): its fan-in says so.
                    var use = finding.Kind switch
                    {
                        FindingKinds.Cache => "caches",
                        FindingKinds.BlobStorage => "stores-files",
                        FindingKinds.Smtp => "sends-mail",
                        _ => "reads-writes",
                    };
                    // A store the scan could not name is that component's own unknown, not one store shared by all who have one.
                    // So is the developer's database a design-time factory names for migrations (Server=.).
                    var open = finding.Details?.GetValueOrDefault(FindingProperties.DesignTime) == "true" || finding.IsTestOnly
                        || finding.Target.Contains(":" + TargetSources.Unresolved, StringComparison.Ordinal) || finding.Target.Contains("{config:", StringComparison.Ordinal) || finding.Target.Contains("{settings:", StringComparison.Ordinal) || finding.Target.Contains(":env:", StringComparison.Ordinal);
                    var storeId = "store:" + finding.Target + (open ? "@" + finding.Component : string.Empty);
                    if (finding.Details?.GetValueOrDefault(FindingProperties.StoreScope) == "server")
                    {
                        graph._servers.Add(finding.Fingerprint);
                    }

                    if (finding.Details?.GetValueOrDefault(FindingProperties.TargetSource) == TargetSources.StoreClient
                        && finding.Details.GetValueOrDefault(FindingProperties.Registration)?.StartsWith(finding.Component + ": ", StringComparison.Ordinal) == false)
                    {
                        graph._borrowed.Add(finding.Fingerprint);
                    }

                    graph.Edge(component, graph.Node(storeId, DataStoreNode, open ? finding.Target + " (" + finding.Component + ")" : finding.Target), use, finding);
                    break;
                case FindingKinds.QueuePublish:
                    graph.Edge(component, graph.Channel(finding), "publishes", finding);
                    break;
                case FindingKinds.QueueConsume:
                    graph.Edge(graph.Channel(finding), component, "consumes", finding);
                    break;
                case FindingKinds.QueueBinding when finding.Details?.GetValueOrDefault(FindingProperties.Exchange) is { Length: > 0 } exchange:
                    // The broker's own routing: what is published to the exchange reaches the queue's consumers.
                    graph.Edge(graph.Channel(finding.Library, "exchange:" + exchange), graph.Channel(finding), "binds", finding);
                    break;
            }
        }

        graph._migrationRunners.UnionWith(MigrationRunners(all));
        return graph;
    }

    /// <summary>
    /// Resources the AppHost runs that are not projects (YARP gateways, JavaScript apps, containers), by name, with the
    /// method that made them: the names their callers and the AppHost's references use.
    /// </summary>
    private static Dictionary<string, string> AspireResources(IReadOnlyList<Finding> findings)
    {
        var resources = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var finding in findings)
        {
            if (finding.Kind == FindingKinds.GatewayRoute && AspireResourceOf(finding) is { } gateway)
            {
                resources.TryAdd(gateway, "AddYarp");
            }
            else if (finding.Kind == FindingKinds.ServiceReference && finding.Details?.GetValueOrDefault(FindingProperties.ResourceType) is { } method and not "AddProject"
                && finding.Details.GetValueOrDefault(FindingProperties.Resource) is { } resource)
            {
                resources.TryAdd(resource, method);
            }
        }

        return resources;
    }

    /// <summary>The YARP resource of an Aspire route (INV1014); null for a gateway's own routes (Ocelot, YARP configuration).</summary>
    private static string? AspireResourceOf(Finding finding) =>
        finding.RuleId == RuleIdentifiers.AspireYarpRoute ? finding.Details?.GetValueOrDefault(FindingProperties.Resource) : null;

    private GraphNode AspireNode(string name, string method) => Node("external:aspire:" + name, ExternalNode, name + " (" + method + ")");

    private static IEnumerable<string> MigrationRunners(IReadOnlyList<Finding> findings) =>
        findings
            .GroupBy(f => f.Component, StringComparer.Ordinal)
            .Where(component => component.Any(f => f.Kind == FindingKinds.DataStoreFact && f.Target == DataStoreFacts.Migrations)
                && component.Where(f => IntegrationKinds.IsIntegrationPoint(f.Kind)) is var points
                && points.Any() && points.All(f => IntegrationKinds.DataStores.Contains(f.Kind))
                && points.Select(f => f.Target).Distinct(StringComparer.Ordinal).Count() == 1)
            .Select(component => component.Key);

    public GraphModel ToModel()
    {
        var cycles = new List<IReadOnlyList<string>>();
        if (Graph.VertexCount > 0)
        {
            var membership = new Dictionary<GraphNode, int>();
            Graph.StronglyConnectedComponents(membership);
            cycles.AddRange(membership
                .GroupBy(pair => pair.Value)
                .Where(group => group.Count() > 1)
                .Select(group => (IReadOnlyList<string>)group.Select(pair => pair.Key.Id).Order(StringComparer.Ordinal).ToList())
                .OrderBy(cycle => cycle[0], StringComparer.Ordinal));
        }

        return new GraphModel
        {
            Nodes = Graph.Vertices
                .OrderBy(node => node.Type, StringComparer.Ordinal).ThenBy(node => node.Id, StringComparer.Ordinal)
                .Select(node => new GraphNodeModel(node.Id, node.Type, node.Label, FanIn(node), FanOut(node)))
                .ToList(),
            Edges = Graph.Edges
                .OrderBy(edge => edge.Source.Id, StringComparer.Ordinal).ThenBy(edge => edge.Target.Id, StringComparer.Ordinal)
                .Select(edge => new GraphEdgeModel(edge.Source.Id, edge.Target.Id, edge.Kind, edge.Findings.Order(StringComparer.Ordinal).ToList()))
                .ToList(),
            Cycles = cycles,
            Orphans = Orphans(),
            SharedStores = SharedStores(),
        };
    }

    /// <summary>
    /// Stores two or more components reach, each through its own connection: not the mail relay they send through (a
    /// vendor, not data), not a library's use of its host's client, not a migration runner's, not a MongoDB server each
    /// reaches for databases of its own. A store whose sharers all
    /// share a part of it too (<c>azure-blob:media</c> and <c>azure-blob:media/thumbnails</c>) is listed once, at that part.
    /// </summary>
    private List<SharedStore> SharedStores()
    {
        var shared = Graph.Vertices
            .Where(v => v.Type == DataStoreNode && DataStoreTargets.NamesOneStore(v.Label))
            .Select(store => (store, edges: Graph.InEdges(store)
                .Where(e => e.Kind != "sends-mail" && !e.Findings.All(_borrowed.Contains) && !e.Findings.All(_servers.Contains) && !_migrationRunners.Contains(e.Source.Label))
                .ToList()))
            .Where(s => s.edges.Select(e => e.Source.Id).Distinct(StringComparer.Ordinal).Count() >= 2)
            .OrderBy(s => s.store.Id, StringComparer.Ordinal)
            .Select(s => new SharedStore(
                s.store.Id,
                s.store.Label,
                [.. s.edges.Select(e => e.Source.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                [.. s.edges.SelectMany(e => e.Findings).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))
            .ToList();
        return shared
            .Where(store => !shared.Any(part => part.Label.StartsWith(store.Label + "/", StringComparison.Ordinal) && store.Components.All(part.Components.Contains)))
            .ToList();
    }

    /// <summary>
    /// Channels whose messages reach no consumer (through bindings too), and consumed channels nothing publishes to
    /// (directly or through an exchange bound to them).
    /// </summary>
    private List<OrphanChannel> Orphans()
    {
        var orphans = new List<OrphanChannel>();
        foreach (var channel in Graph.Vertices.Where(v => v.Type == ChannelNode).OrderBy(v => v.Id, StringComparer.Ordinal))
        {
            var publishers = Graph.InEdges(channel).Where(e => e.Kind == "publishes").ToList();
            var consumers = Graph.OutEdges(channel).Where(e => e.Kind == "consumes").ToList();
            if (publishers.Count > 0 && consumers.Count == 0 && !Reaches(channel, "consumes", forward: true))
            {
                orphans.Add(Orphan(channel, "no-consumer", publishers, e => e.Source.Label));
            }
            else if (consumers.Count > 0 && publishers.Count == 0 && !Reaches(channel, "publishes", forward: false))
            {
                orphans.Add(Orphan(channel, "no-publisher", consumers, e => e.Target.Label));
            }
        }

        return orphans;
    }

    /// <summary>Whether an edge of the kind hangs off a channel reached from this one through bindings.</summary>
    private bool Reaches(GraphNode channel, string kind, bool forward)
    {
        var seen = new HashSet<GraphNode> { channel };
        var pending = new Queue<GraphNode>([channel]);
        while (pending.Count > 0)
        {
            var current = pending.Dequeue();
            var bindings = forward ? Graph.OutEdges(current).Where(e => e.Kind == "binds").Select(e => e.Target) : Graph.InEdges(current).Where(e => e.Kind == "binds").Select(e => e.Source);
            foreach (var next in bindings)
            {
                if (!seen.Add(next))
                {
                    continue;
                }

                if ((forward ? Graph.OutEdges(next) : Graph.InEdges(next)).Any(e => e.Kind == kind))
                {
                    return true;
                }

                pending.Enqueue(next);
            }
        }

        return false;
    }

    private static OrphanChannel Orphan(GraphNode channel, string missing, List<GraphEdge> edges, Func<GraphEdge, string> component) =>
        new(channel.Id, channel.Label, missing, edges.Select(component).Distinct().Order(StringComparer.Ordinal).ToList(), edges.SelectMany(e => e.Findings).Distinct().Order(StringComparer.Ordinal).ToList());

    /// <summary>Distinct nodes with an edge into this one.</summary>
    public int FanIn(GraphNode node) => Graph.InEdges(node).Select(edge => edge.Source).Distinct().Count();

    /// <summary>Distinct nodes this one has an edge to.</summary>
    public int FanOut(GraphNode node) => Graph.OutEdges(node).Select(edge => edge.Target).Distinct().Count();

    /// <summary>The scheme and authority of an absolute URL (<c>https://api.example.com:8443</c>), or null.</summary>
    /// <summary>
    /// Service-discovery names of the scan's components: each Aspire project resource's name (the AppHost says
    /// <c>AddProject&lt;Projects.Catalog_API&gt;("catalog-api")</c>), and each component's own name in the forms services are
    /// usually given (<c>catalog-api</c>, <c>catalogapi</c> for Catalog.API). Names two components share map to neither.
    /// A repository of several AppHosts (samples) gives the same name to different projects: a name is first looked up
    /// among the resources of the AppHost that runs the caller (or is the caller).
    /// </summary>
    private static ServiceDirectory ServiceNames(IEnumerable<Component> components, IEnumerable<Finding> findings, IReadOnlyDictionary<string, string>? hosts)
    {
        // An estate's component of a name two repositories share is "repository/Name": it answers to its own name only.
        static string Own(string name) => name[(name.LastIndexOf('/') + 1)..];
        var byKey = components.GroupBy(c => Normalise(Own(c.Name))).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Name, StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in byKey.Values)
        {
            names.TryAdd(Own(name).Replace('.', '-').Replace('_', '-').ToLowerInvariant(), name);
            names.TryAdd(Normalise(Own(name)), name);
        }

        var resources = findings.Where(f => f.Kind == FindingKinds.ServiceResource).ToList();

        // The AppHost's other resources (a RabbitMQ named "eventbus", a database "catalogdb") are infrastructure, even
        // when a component happens to have a similar name.
        foreach (var reference in resources.SelectMany(r => (r.Details?.GetValueOrDefault(FindingProperties.References) ?? string.Empty).Split(", ", StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!reference.EndsWith("(AddProject)", StringComparison.Ordinal))
            {
                names.Remove(reference.Split(' ')[0]);
            }
        }

        var scoped = new Dictionary<(string AppHost, string Name), string>();
        var appHosts = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        // A compose service is the component whose project file is in the folder it is built from, whatever its name; a
        // Kubernetes Service is the component of the image it runs.
        var deployed = new Analysis.ComposeServices(components, resources);
        var hostNames = new List<string>();
        foreach (var resource in resources)
        {
            if (Analysis.ComposeServices.IsDeployedService(resource))
            {
                if (deployed.ComponentOf(resource) is { } built)
                {
                    foreach (var host in Analysis.ComposeServices.HostNames(resource))
                    {
                        names[host] = built;
                        hostNames.Add(host);
                    }
                }

                continue;
            }

            if (resource.Details?.GetValueOrDefault(FindingProperties.Project) is { } project && byKey.TryGetValue(Normalise(project), out var component))
            {
                names[resource.Target] = component;
                scoped[(resource.Component, resource.Target.ToLowerInvariant())] = component;
                if (!appHosts.TryGetValue(component, out var runBy))
                {
                    appHosts[component] = runBy = new HashSet<string>(StringComparer.Ordinal);
                }

                runBy.Add(resource.Component);
            }
        }

        // The settings' host map names components by their project name; a name the scan has no component of is no join.
        var mapped = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (host, component) in hosts ?? new Dictionary<string, string>())
        {
            if (components.FirstOrDefault(c => c.Name.Equals(component, StringComparison.OrdinalIgnoreCase) || Own(c.Name).Equals(component, StringComparison.OrdinalIgnoreCase)) is { } target)
            {
                mapped[host] = target.Name;
            }
        }

        return new ServiceDirectory(names, scoped, appHosts, byKey, mapped, resources.Select(r => r.Target).Concat(hostNames).ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Service names to components, globally and per AppHost (see <see cref="ServiceNames"/>).</summary>
    private sealed class ServiceDirectory(
        Dictionary<string, string> names,
        Dictionary<(string AppHost, string Name), string> scoped,
        Dictionary<string, HashSet<string>> appHosts,
        Dictionary<string, string> byKey,
        Dictionary<string, string> hosts,
        HashSet<string> resourceNames)
    {
        /// <summary>Whether a compose file or an AppHost names a resource so: its name is a host, dotted or not.</summary>
        public bool IsResource(string host) => host.Length > 0 && resourceNames.Contains(host);

        /// <summary>The component the settings' host map says serves a host (<c>orders.contoso.internal</c>).</summary>
        public bool TryHost(string host, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? component) => hosts.TryGetValue(host, out component);

        /// <summary>The component a caller reaches by this name: its own AppHost's resource first, then the scan's names.</summary>
        public bool TryResolve(string caller, string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? component)
        {
            var key = name.ToLowerInvariant();
            if (scoped.TryGetValue((caller, key), out component))
            {
                return true;
            }

            foreach (var appHost in appHosts.GetValueOrDefault(caller) ?? [])
            {
                if (scoped.TryGetValue((appHost, key), out component))
                {
                    return true;
                }
            }

            return names.TryGetValue(name, out component);
        }

        /// <summary>The component of a project the AppHost names (<c>Catalog_API</c>).</summary>
        public bool TryProject(string? project, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? component)
        {
            component = null;
            return project is not null && byKey.TryGetValue(Normalise(project), out component);
        }
    }

    /// <summary>The origins components serve on (launchSettings.json); an origin two components share maps to neither.</summary>
    private static Dictionary<string, string> LaunchOrigins(IEnumerable<Component> components) =>
        components
            .SelectMany(c => c.LaunchUrls.Select(url => (Origin: Origin(url.TrimEnd('/') + "/"), c.Name)))
            .Where(p => p.Origin is not null)
            .GroupBy(p => p.Origin!, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(p => p.Name).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>A project or resource name without separators or case: Catalog.API, Catalog_API, catalog-api → catalogapi.</summary>
    public static string Normalise(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    public static string? Origin(string target)
    {
        if (!Uri.TryCreate(target.Replace("{", "%7B").Replace("}", "%7D"), UriKind.Absolute, out var uri) || uri.Host.Length == 0 || uri.Host.Contains("%7B", StringComparison.Ordinal))
        {
            return null;
        }

        return uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host}" : $"{uri.Scheme}://{uri.Host}:{uri.Port}";
    }

    private GraphNode Channel(Finding finding) => Channel(finding.Library, finding.Target);

    /// <summary>A broker channel: targets are "queue:&lt;name&gt;" or "exchange:&lt;name&gt;", the broker's own namespaces.</summary>
    private GraphNode Channel(string library, string name) => Node("channel:" + library + ":" + name, ChannelNode, name);

    private GraphNode Node(string id, string type, string label)
    {
        if (!_nodes.TryGetValue(id, out var node))
        {
            node = new GraphNode(id, type, label);
            _nodes.Add(id, node);
            Graph.AddVertex(node);
        }

        return node;
    }

    private void Edge(GraphNode from, GraphNode to, string kind, Finding finding)
    {
        if (!_edges.TryGetValue((from.Id, to.Id, kind), out var edge))
        {
            edge = new GraphEdge(from, to, kind);
            _edges.Add((from.Id, to.Id, kind), edge);
            Graph.AddEdge(edge);
        }

        edge.Findings.Add(finding.Fingerprint);
    }
}
