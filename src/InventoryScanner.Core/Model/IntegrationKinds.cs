using InventoryScanner.Analyzers;

namespace InventoryScanner.Core.Model;

/// <summary>
/// Which finding kinds are integration points, in one place for the reports, the summary and the assessment: calls to
/// services, channel ends, data-store connections and a gateway's routes. Everything else (secrets, warnings,
/// registrations, topology, reliability and operations facts, a gateway host) is a fact about them.
/// </summary>
public static class IntegrationKinds
{
    /// <summary>Outbound calls: HTTP, gRPC, SOAP, SignalR.</summary>
    public static readonly IReadOnlySet<string> Calls = new HashSet<string>(StringComparer.Ordinal)
    {
        FindingKinds.HttpClient, FindingKinds.GrpcClient, FindingKinds.SoapClient, FindingKinds.SignalRClient,
    };

    /// <summary>Databases, caches, object stores and mail services.</summary>
    public static readonly IReadOnlySet<string> DataStores = new HashSet<string>(StringComparer.Ordinal)
    {
        FindingKinds.Database, FindingKinds.Cache, FindingKinds.BlobStorage, FindingKinds.Smtp,
    };

    public static bool IsIntegrationPoint(string kind) =>
        Calls.Contains(kind) || DataStores.Contains(kind)
        || kind is FindingKinds.QueuePublish or FindingKinds.QueueConsume or FindingKinds.GatewayRoute;

    /// <summary>
    /// An integration point of its kind, or a service dependency the Aspire AppHost declares for a component (INV1013) that
    /// no call of the component was found behind: then the declaration is the only evidence of that integration. One with
    /// calls found is their context, not a second count.
    /// </summary>
    public static bool IsIntegrationPoint(Finding finding) =>
        IsIntegrationPoint(finding.Kind)
        || (finding.Kind == FindingKinds.ServiceReference && finding.Details?.GetValueOrDefault(Analysis.AspireResourceJoin.CallsFound) == "0");
}
