using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;
using InventoryScanner.Core.Passes;
using static InventoryScanner.Tests.Builders;

namespace InventoryScanner.Tests.Core;

public sealed class InventoryPipelineTests
{
    [Fact]
    public void DefaultPasses_ShouldRunInTheDocumentedOrder()
    {
        Assert.Equal(
            [typeof(RegistrationJoinPass), typeof(FingerprintPass), typeof(AllowlistPass), typeof(GraphPass), typeof(SharedStorePass), typeof(MessagingPass), typeof(InventoryScanner.Core.Assessment.AssessmentPass), typeof(InventoryScanner.Core.Owners.OwnersPass)],
            InventoryPipeline.Default.Select(p => p.GetType()));
    }

    [Fact]
    public void OneMorePass_ShouldSeeWhatTheEarlierPassesMade()
    {
        var root = Directory.CreateTempSubdirectory("inventory-pipeline-").FullName;
        var secret = Finding("Crm", FindingKinds.Secret, "password", line: 3);
        var call = Finding("Crm", FindingKinds.HttpClient, "https://crm.example.com/a", line: 9);
        var probe = new Probe();
        var scan = new ScanResult(root, [Component("Crm")], [], [call, secret], []);

        // The allowlist names the secret by its fingerprint, which the fingerprint pass gives it first.
        var fingerprint = InventoryPipeline.Run(scan, "x", DateTimeOffset.UnixEpoch).Findings.Single(f => f.Kind == FindingKinds.Secret).Fingerprint;
        File.WriteAllText(Path.Combine(root, ".inventory-allowlist.json"), $$"""{ "secrets": [ { "fingerprint": "{{fingerprint}}", "reason": "sandbox" } ] }""");
        var inventory = InventoryPipeline.Run(scan with { Findings = [Finding("Crm", FindingKinds.HttpClient, "https://crm.example.com/a", line: 9), Finding("Crm", FindingKinds.Secret, "password", line: 3)] }, "x", DateTimeOffset.UnixEpoch, [.. InventoryPipeline.Default, probe]);

        Assert.Equal(["https://crm.example.com/a"], inventory.Findings.Select(f => f.Target));
        Assert.Equal("sandbox", Assert.Single(inventory.Accepted).Reason);
        Assert.NotNull(probe.Graph);
        Assert.Contains(probe.Graph!.Edges, e => e.From == "component:Crm");
        Assert.All(probe.Fingerprints, f => Assert.NotEqual(string.Empty, f));
    }

    private sealed class Probe : IInventoryPass
    {
        public GraphModel? Graph { get; private set; }

        public List<string> Fingerprints { get; } = [];

        public void Run(InventoryDraft draft)
        {
            Graph = draft.Graph;
            Fingerprints.AddRange(draft.Findings.Select(f => f.Fingerprint));
        }
    }
}
