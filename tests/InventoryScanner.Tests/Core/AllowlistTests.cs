using InventoryScanner.Analyzers;
using InventoryScanner.Core.Analysis;
using static InventoryScanner.Tests.Builders;

namespace InventoryScanner.Tests.Core;

public sealed class AllowlistTests
{
    [Fact]
    public void AllowlistEntries_WithAReason_ShouldAcceptMatchingSecrets_ByFingerprintOrValueHash()
    {
        var byFingerprint = Finding("Billing", FindingKinds.Secret, "PaymentApiKey", "code", line: 10);
        var template = Finding("Crm", FindingKinds.Secret, "password", "code", line: 20);
        var byValue = new InventoryScanner.Core.Model.Finding
        {
            RuleId = template.RuleId, Kind = template.Kind, Library = template.Library, Component = template.Component, Target = template.Target,
            Path = template.Path, Line = template.Line, Column = template.Column, Evidence = template.Evidence, Confidence = template.Confidence,
            Severity = template.Severity, Message = template.Message, Symbol = template.Symbol, ValueHash = "hash-of-a-shared-test-password",
        };
        var kept = Finding("Crm", FindingKinds.Secret, "ConnectionStrings:Orders", "configuration", line: 30);
        var call = Finding("Crm", FindingKinds.HttpClient, "https://crm.example.com/api", line: 40);
        var findings = new List<InventoryScanner.Core.Model.Finding> { byFingerprint, byValue, kept, call };
        FindingFactory.AssignFingerprints(findings);

        var file = Path.Combine(Directory.CreateTempSubdirectory("inventory-allowlist-").FullName, Allowlist.FileName);
        File.WriteAllText(file, $$"""
            {
              // Reviewed 2026-11: see the security channel.
              "secrets": [
                { "fingerprint": "{{byFingerprint.Fingerprint}}", "reason": "sandbox key, no production access" },
                { "valueHash": "hash-of-a-shared-test-password", "reason": "documented test tenant password" },
                { "fingerprint": "{{kept.Fingerprint}}" },
              ],
            }
            """);
        var messages = new List<string>();

        var (remaining, accepted) = Allowlist.Apply(findings, Allowlist.Read(file, messages));

        Assert.Equal(["ConnectionStrings:Orders", "https://crm.example.com/api"], remaining.Select(f => f.Target));
        Assert.Equal(["PaymentApiKey: sandbox key, no production access", "password: documented test tenant password"], accepted.Select(a => $"{a.Target}: {a.Reason}"));
        Assert.Equal([".inventory-allowlist.json: an entry without a fingerprint or valueHash and a reason was ignored"], messages);
    }

    [Fact]
    public void MalformedAllowlist_ShouldAcceptNothing_AndSaySo()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("inventory-allowlist-").FullName, Allowlist.FileName);
        File.WriteAllText(file, "{ \"secrets\": [ { ");
        var messages = new List<string>();

        Assert.Empty(Allowlist.Read(file, messages));
        Assert.StartsWith(".inventory-allowlist.json could not be read", Assert.Single(messages));
    }
}
