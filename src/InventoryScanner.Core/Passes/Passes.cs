using InventoryScanner.Core.Analysis;
using InventoryScanner.Core.Graph;
using InventoryScanner.Core.Messaging;

namespace InventoryScanner.Core.Passes;

/// <summary>
/// Calls through a named or typed client take the target and resilience of its registration, wherever it is; data-store
/// connections the Aspire AppHost provides take its resource's name; an injected store client takes its connection's store,
/// an injected broker client the channel of its registration, a call of the application's own publisher the broker
/// channels its implementations publish to, and a host that registers a consuming hosted service that service's channels.
/// First, a compose service built from no project of the scan is left out (INV1016 names projects by their folder).
/// </summary>
public sealed class RegistrationJoinPass : IInventoryPass
{
    public void Run(InventoryDraft draft)
    {
        draft.Findings = ComposeServices.KeepBuiltFromTheScan(draft.Findings, draft.Scan.Components);
        ComposeServices.AttributeMountedFiles(draft.Findings, draft.Scan.Components);
        RegistrationJoin.Apply(draft.Findings);
        AspireResourceJoin.Apply(draft.Findings, draft.Scan.Components);
        StoreClientJoin.Apply(draft.Findings);
        BrokerClientJoin.Apply(draft.Findings);
        WrapperCallJoin.Apply(draft.Findings);
        HostedServiceJoin.Apply(draft.Findings);
    }
}

/// <summary>Line-independent fingerprints, made unique within the scan (after the join: a joined target is part of them).</summary>
public sealed class FingerprintPass : IInventoryPass
{
    public void Run(InventoryDraft draft) => FindingFactory.AssignFingerprints(draft.Findings);
}

/// <summary>
/// Secrets the scan root's <c>.inventory-allowlist.json</c> accepts, and those the code suppresses, leave the findings
/// for <see cref="InventoryDraft.Accepted"/> (after the fingerprints: entries name them).
/// </summary>
public sealed class AllowlistPass : IInventoryPass
{
    public void Run(InventoryDraft draft)
    {
        var (kept, accepted) = Allowlist.Apply(draft.Findings, Allowlist.Read(Path.Combine(draft.Scan.Root, Allowlist.FileName), draft.Messages));
        draft.Findings = kept;
        draft.Accepted.AddRange(accepted);
    }
}

/// <summary>The dependency graph (QuikGraph) of the components and what they reach, from the findings that remain.</summary>
public sealed class GraphPass : IInventoryPass
{
    public void Run(InventoryDraft draft) => draft.Graph = InventoryGraph.Build(draft.Scan.Components, draft.Findings, draft.Scan.Hosts).ToModel();
}

/// <summary>
/// A warning (INV4005) for each component on a data store two or more components share, from the graph's shared stores;
/// kept in the findings' order (path, line, column, rule).
/// </summary>
public sealed class SharedStorePass : IInventoryPass
{
    public void Run(InventoryDraft draft)
    {
        if (draft.Graph is not { SharedStores.Count: > 0 } graph)
        {
            return;
        }

        draft.Findings = [.. draft.Findings.Concat(SharedStoreFindings.Of(graph, draft.Findings))
            .OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.RuleId, StringComparer.Ordinal)];
    }
}

/// <summary>Every publisher and consumer with its reliability facts and risks.</summary>
public sealed class MessagingPass : IInventoryPass
{
    public void Run(InventoryDraft draft) => draft.Messaging = MessagingReliability.Build(draft.Findings);
}
