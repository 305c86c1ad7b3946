using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Assessment;

/// <summary>The findings and messaging endpoints of one component, sorted into what the criteria and the index read.</summary>
public sealed class ComponentFacts
{
    public ComponentFacts(string component, IReadOnlyList<Finding> findings, IReadOnlyList<MessagingEndpoint> messaging)
        : this(component, [.. findings.Where(f => f.Component == component)], MigrationsOf(findings), [.. messaging.Where(m => m.Component == component)])
    {
    }

    private ComponentFacts(string component, List<Finding> own, IReadOnlyList<Finding> migrations, IReadOnlyList<MessagingEndpoint> messaging)
    {
        Component = component;
        Calls = own.Where(f => IntegrationKinds.Calls.Contains(f.Kind)).ToList();
        HttpCalls = own.Where(f => f.Kind == FindingKinds.HttpClient).ToList();
        AntiPatterns = own.Where(f => f.Kind == FindingKinds.AntiPattern).ToList();
        Secrets = own.Where(f => f.Kind == FindingKinds.Secret && !f.IsTestOnly).ToList();
        Publishes = own.Where(f => f.Kind == FindingKinds.QueuePublish).ToList();
        Consumes = own.Where(f => f.Kind == FindingKinds.QueueConsume).ToList();
        Operations = own.Where(f => f.Kind == FindingKinds.Operations).ToList();
        DataStores = own.Where(f => IntegrationKinds.DataStores.Contains(f.Kind)).ToList();
        Databases = DataStores.Where(f => f.Kind == FindingKinds.Database).ToList();
        DataStoreFacts = own.Where(f => f.Kind == FindingKinds.DataStoreFact).ToList();
        Migrations = migrations;
        IntegrationFindings = own.Where(IntegrationKinds.IsIntegrationPoint).ToList();
        Consumers = messaging.Where(m => m.Role == "consumer").ToList();
        Publishers = messaging.Where(m => m.Role == "publisher").ToList();
    }

    /// <summary>The facts of each component, the findings and endpoints grouped by component once (not searched per component).</summary>
    public static IReadOnlyList<ComponentFacts> For(IEnumerable<string> components, IReadOnlyList<Finding> findings, IReadOnlyList<MessagingEndpoint> messaging)
    {
        var byComponent = findings.GroupBy(f => f.Component, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var endpoints = messaging.GroupBy(m => m.Component, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<MessagingEndpoint>)[.. g], StringComparer.Ordinal);
        var migrations = MigrationsOf(findings);
        return [.. components.Select(c => new ComponentFacts(c, byComponent.GetValueOrDefault(c) ?? [], migrations, endpoints.GetValueOrDefault(c) ?? []))];
    }

    private static List<Finding> MigrationsOf(IReadOnlyList<Finding> findings) =>
        [.. findings.Where(f => f.Kind == FindingKinds.DataStoreFact && f.Target == Analyzers.DataStores.DataStoreFacts.Migrations && !f.IsTestOnly)];

    public string Component { get; }

    /// <summary>Outbound calls: HTTP, gRPC, SOAP, SignalR.</summary>
    public IReadOnlyList<Finding> Calls { get; }

    public IReadOnlyList<Finding> HttpCalls { get; }

    public IReadOnlyList<Finding> AntiPatterns { get; }

    /// <summary>Hard-coded credentials, test doubles left out.</summary>
    public IReadOnlyList<Finding> Secrets { get; }

    public IReadOnlyList<Finding> Publishes { get; }

    public IReadOnlyList<Finding> Consumes { get; }

    /// <summary>Databases, caches, object stores and mail services it connects to (INV4001–INV4004).</summary>
    public IReadOnlyList<Finding> DataStores { get; }

    /// <summary>Its databases (INV4001): the data stores that are not caches, object stores or mail.</summary>
    public IReadOnlyList<Finding> Databases { get; }

    /// <summary>Readiness facts of its data stores (INV4006): retries, migrations, TLS on mail, in-memory test stores.</summary>
    public IReadOnlyList<Finding> DataStoreFacts { get; }

    /// <summary>
    /// The schema migrations of the whole scan (model snapshots, EF6 migration configurations, <c>Migrate()</c> calls):
    /// a context's migrations often live in another project (a MigrationService, a DbManager).
    /// </summary>
    public IReadOnlyList<Finding> Migrations { get; }

    /// <summary>Health checks, telemetry and outbound credentials (INV3001–INV3003).</summary>
    public IReadOnlyList<Finding> Operations { get; }

    public IReadOnlyList<MessagingEndpoint> Consumers { get; }

    public IReadOnlyList<MessagingEndpoint> Publishers { get; }

    /// <summary>Integration points (<see cref="IntegrationKinds"/>): calls, channel ends, data-store connections, gateway routes.</summary>
    public int IntegrationPoints => IntegrationFindings.Count;

    /// <summary>The integration points themselves: the evidence of a practice that is missing for all of them.</summary>
    public IReadOnlyList<Finding> IntegrationFindings { get; }

    /// <summary>The operations findings of one facet (<c>health-check</c>, <c>telemetry</c>, <c>outbound-auth</c>).</summary>
    public IReadOnlyList<Finding> OperationsOf(string facet) => Operations.Where(f => Detail(f, FindingProperties.Facet) == facet).ToList();

    public IReadOnlyList<Finding> AntiPatternsOf(params string[] ruleIds) => AntiPatterns.Where(f => ruleIds.Contains(f.RuleId)).ToList();

    public static string? Detail(Finding finding, string key) => finding.Details is not null && finding.Details.TryGetValue(key, out var value) ? value : null;
}
