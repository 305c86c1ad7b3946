using System.Text.Json;
using InventoryScanner.Analyzers;
using InventoryScanner.Reporting;
using static InventoryScanner.Tests.Builders;

namespace InventoryScanner.Tests.Reporting;

public sealed class ReportWriterTests
{
    private const string Script = "<script>alert(1)</script>";

    [Fact]
    public void Html_ShouldEscapeEveryScannedValue()
    {
        var inventory = Inventory(
            [Component("Evil<img src=x onerror=alert(1)>")],
            [Finding("Evil<img src=x onerror=alert(1)>", FindingKinds.HttpClient, "https://evil.example/" + Script, evidence: "client.GetAsync(\"" + Script + "\");")]);

        var html = ReportWriterFactory.Create("html", TemplateSource.Embedded).Render(inventory);

        // The template's own two: the script (allowed by its hash) and the graph panel's JSON island, in which the
        // encoder wrote every '<' as \u003C.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "<script", System.Text.RegularExpressions.RegexOptions.IgnoreCase).Count);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "</script", System.Text.RegularExpressions.RegexOptions.IgnoreCase).Count);
        Assert.Contains("\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("<svg", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_ShouldBeWhole_ForALargeEstate()
    {
        // Scriban cuts any string it builds past TemplateContext.LimitToString (1 MB) and appends "...": a 40-component
        // estate's report lost its last sections and its script that way.
        var html = ReportWriterFactory.Create("html", TemplateSource.Embedded).Render(LargeEstate());

        Assert.EndsWith("</html>", html.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("<script>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"coverage\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_ShouldHaveNoDeadLinks_EvenForAnEmptyScan()
    {
        var empty = Inventory([], []);
        var sample = Inventory([Component("Crm")], [Finding("Crm", FindingKinds.HttpClient, "https://crm.example.com/a")]);

        foreach (var inventory in new[] { empty, sample })
        {
            var html = ReportWriterFactory.Create("html", TemplateSource.Embedded).Render(inventory);
            var ids = System.Text.RegularExpressions.Regex.Matches(html, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            var targets = System.Text.RegularExpressions.Regex.Matches(html, "href=\"#([^\"]+)\"").Select(m => m.Groups[1].Value);
            Assert.All(targets, target => Assert.Contains(target, ids));
        }
    }

    [Fact]
    public void Html_ShouldLetLongPathsWrapAtTheirSlashesOnly()
    {
        var inventory = Inventory(
            [Component("Crm")],
            [Finding("Crm", FindingKinds.HttpClient, "https://crm.example.com/api/v2/customers?id=1&full=true", path: "src/Integration.Customers.Synchronisation/Outbound/CustomerSynchronisationClient.cs")]);

        var html = ReportWriterFactory.Create("html", TemplateSource.Embedded).Render(inventory);

        Assert.Contains("<code class=\"path\">src/<wbr>Integration.Customers.Synchronisation/<wbr>Outbound/<wbr>CustomerSynchronisationClient.cs:", html, StringComparison.Ordinal);
        Assert.Contains("https:/<wbr>/<wbr>crm.example.com/<wbr>api/<wbr>v2/<wbr>customers?<wbr>id=1&amp;<wbr>full=true", html, StringComparison.Ordinal);
        Assert.Contains("code.path { overflow-wrap: normal; word-break: normal; }", html, StringComparison.Ordinal);
        Assert.DoesNotContain("word-break: break-all", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SharedStore_ShouldBeListedInBothReports()
    {
        var inventory = Inventory(
            [Component("Orders"), Component("Billing")],
            [Finding("Orders", FindingKinds.Database, "sqlserver:sql-prod/orders"), Finding("Billing", FindingKinds.Database, "sqlserver:sql-prod/orders", line: 20)]);

        var html = ReportWriterFactory.Create("html", TemplateSource.Embedded).Render(inventory);
        var markdown = ReportWriterFactory.Create("md", TemplateSource.Embedded).Render(inventory);

        Assert.Contains("<h3 id=\"shared-stores\">Shared stores</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#shared-stores\">data store(s) shared by components</a>", html, StringComparison.Ordinal);
        Assert.Contains("INV4005", html, StringComparison.Ordinal);
        Assert.Contains("<td>Billing, Orders</td>", html, StringComparison.Ordinal);
        Assert.Contains("- `sqlserver:sql-prod/orders`: Billing, Orders", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ShouldNotEscapeApostrophes()
    {
        var inventory = Inventory([Component("Crm")], [Finding("Crm", FindingKinds.HttpClient, "https://crm.example.com/a", evidence: "Log(\"can't reach partner\");")]);

        var json = new JsonReportWriter().Render(inventory);

        Assert.Contains("can't reach partner", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0027", json, StringComparison.Ordinal);
        Assert.Equal("Log(\"can't reach partner\");", JsonDocument.Parse(json).RootElement.GetProperty("findings")[0].GetProperty("evidence").GetString());
    }

    [Fact]
    public void Markdown_ShouldNeutraliseMarkupInTableCells()
    {
        var inventory = Inventory([Component("Crm")], [Finding("Crm", FindingKinds.HttpClient, "https://x.example/a|b`c" + Script)]);

        var markdown = ReportWriterFactory.Create("md", TemplateSource.Embedded).Render(inventory);

        Assert.Contains("https://x.example/a\\|b\\`c&lt;script&gt;", markdown);
        Assert.DoesNotContain(Script, markdown);
        Assert.Contains("```mermaid", markdown);
    }

    [Fact]
    public void Json_ShouldFollowTheDocumentedContract()
    {
        var inventory = Inventory([Component("Crm")], [Finding("Crm", FindingKinds.HttpClient, "https://crm.example.com/a")]);

        using var document = JsonDocument.Parse(new JsonReportWriter().Render(inventory));
        var root = document.RootElement;

        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("InventoryScanner", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal("sample.sln", root.GetProperty("root").GetString());
        var component = root.GetProperty("components")[0];
        Assert.Equal(["name", "project", "analysis", "isTest", "messages", "loadDiagnostics", "filesAnalyzed", "filesTotal", "launchUrls"], component.EnumerateObject().Select(p => p.Name));
        var finding = root.GetProperty("findings")[0];
        foreach (var key in new[] { "ruleId", "kind", "library", "component", "target", "path", "line", "column", "evidence", "confidence", "fingerprint" })
        {
            Assert.True(finding.TryGetProperty(key, out _), key);
        }

        // The containing symbol is kept (a merge makes fingerprints again from it); a secret's hash only on secrets.
        Assert.Equal("M:Crm.Run", finding.GetProperty("symbol").GetString());
        Assert.False(finding.TryGetProperty("valueHash", out _));
        Assert.Equal("component", root.GetProperty("graph").GetProperty("nodes")[0].GetProperty("type").GetString());
        Assert.Equal("http", root.GetProperty("graph").GetProperty("edges")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void TemplateFolder_ShouldOverrideSomeTemplatesAndFallBackForTheRest()
    {
        var folder = Directory.CreateTempSubdirectory("inventory-templates-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "partials"));
            File.WriteAllText(Path.Combine(folder.FullName, "partials", "_summary.scriban"), "<p id=\"custom\">{{ summary.components }} components</p>");

            var html = ReportWriterFactory.Create("html", TemplateSource.FromDirectory(folder.FullName)).Render(Inventory([Component("Crm")], []));

            Assert.Contains("<p id=\"custom\">1 components</p>", html);
            Assert.Contains("id=\"coverage\"", html);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void BrokenTemplate_ShouldFailWithItsNameAndNotWriteAnything()
    {
        var folder = Directory.CreateTempSubdirectory("inventory-templates-");
        var output = Path.Combine(folder.FullName, "out");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "report.md.scriban"), "{{ for x in }}");

            var exception = Assert.Throws<ReportTemplateException>(() =>
                ReportWriterFactory.WriteAll(Inventory([Component("Crm")], []), output, ReportWriterFactory.Formats, TemplateSource.FromDirectory(folder.FullName)));

            Assert.Contains("report.md.scriban", exception.Message);
            Assert.False(Directory.Exists(output));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
