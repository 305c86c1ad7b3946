using InventoryScanner.Core.Analysis;
using static InventoryScanner.Tests.Builders;

namespace InventoryScanner.Tests.Core;

public sealed class FindingFactoryTests
{
    /// <summary>
    /// A property an analyzer reports and the scanner drops never reaches inventory.json: every property is a detail or
    /// one of the finding's own fields. (The data-store rule's designTime and storeUse were dropped that way.)
    /// </summary>
    [Fact]
    public void EveryFindingProperty_ShouldReachTheFinding()
    {
        string[] ownFields =
        [
            InventoryScanner.Analyzers.FindingProperties.Kind, InventoryScanner.Analyzers.FindingProperties.Library, InventoryScanner.Analyzers.FindingProperties.Target,
            InventoryScanner.Analyzers.FindingProperties.Confidence, InventoryScanner.Analyzers.FindingProperties.ConfidenceReason,
            InventoryScanner.Analyzers.FindingProperties.ContainingSymbol, InventoryScanner.Analyzers.FindingProperties.Evidence, InventoryScanner.Analyzers.FindingProperties.ValueHash,
        ];
        var properties = typeof(InventoryScanner.Analyzers.FindingProperties)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

        Assert.All(properties, p => Assert.True(FindingFactory.DetailKeys.Contains(p) || ownFields.Contains(p), $"{p}: neither a detail nor a field of the finding"));
    }

    [Fact]
    public void Fingerprint_ShouldNotDependOnTheLine()
    {
        var before = Finding("Crm", "http-client", "https://crm.example.com/a", line: 10);
        var after = Finding("Crm", "http-client", "https://crm.example.com/a", line: 42);

        FindingFactory.AssignFingerprints([before]);
        FindingFactory.AssignFingerprints([after]);

        Assert.Equal(before.Fingerprint, after.Fingerprint);
        Assert.Matches("^[0-9a-f]{16}$", before.Fingerprint);
    }

    [Fact]
    public void Fingerprint_ShouldDifferByTargetAndNumberIdenticalFindings()
    {
        var first = Finding("Crm", "http-client", "https://crm.example.com/a", line: 10);
        var second = Finding("Crm", "http-client", "https://crm.example.com/a", line: 11);
        var other = Finding("Crm", "http-client", "https://crm.example.com/b", line: 12);

        FindingFactory.AssignFingerprints([other, second, first]);

        Assert.Equal(first.Fingerprint + "-2", second.Fingerprint);
        Assert.NotEqual(first.Fingerprint, other.Fingerprint);
    }

    [Theory]
    [InlineData("var cs = \"Server=x;Password=Hunter2!;\";", "var cs = \"Server=x;Password=***;\";")]
    [InlineData("GetAsync(\"https://svc:S3cr3t@api.example.com/x\")", "GetAsync(\"https://svc:***@api.example.com/x\")")]
    [InlineData("https://api.example.com/x?api_key=abcdef123&page=2", "https://api.example.com/x?api_key=***&page=2")]
    [InlineData("client.GetAsync(\"https://api.example.com/orders\")", "client.GetAsync(\"https://api.example.com/orders\")")]
    public void Redactor_ShouldMaskCredentialValuesOnly(string text, string expected)
    {
        Assert.Equal(expected, Redactor.Redact(text));
    }
}
