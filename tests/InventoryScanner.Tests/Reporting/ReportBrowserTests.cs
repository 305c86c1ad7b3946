using System.Text.Json;
using InventoryScanner.Reporting;
using InventoryScanner.Tests.EndToEnd;
using OpenQA.Selenium;

namespace InventoryScanner.Tests.Reporting;

/// <summary>The sample's report.html opened from disk in headless Chromium, and used as its reader would.</summary>
[Collection(ScannerCollection.Name)]
public sealed class ReportBrowserTests(SampleScanFixture fixture)
{
    private string Report => Path.Combine(fixture.Run.OutDirectory, "report.html");

    private JsonElement Graph => JsonDocument.Parse(fixture.Run.Read("inventory.json")).RootElement.GetProperty("graph");

    [SkippableFact]
    public void Graph_ShouldDrawEveryNodeAndEdgeOfTheInventory()
    {
        using var browser = HeadlessChromium.Start();
        browser.Open(Report);

        Assert.Equal(Graph.GetProperty("nodes").GetArrayLength(), browser.Driver.FindElements(By.CssSelector("#graph-nodes g.node")).Count);
        Assert.Equal(Graph.GetProperty("edges").GetArrayLength(), browser.Driver.FindElements(By.CssSelector("#graph-edges path.edge")).Count);
        Assert.Equal(4, browser.Driver.FindElements(By.CssSelector(".legend .key")).Count);
        Assert.Empty(browser.Errors());
        Assert.Equal(0, browser.Requests());
    }

    [SkippableFact]
    public void ClickOnANode_ShouldListItsIntegrationsWithTheirEvidence()
    {
        const string Node = "component:Billing.Worker";
        var expected = Graph.GetProperty("edges").EnumerateArray()
            .Where(e => e.GetProperty("from").GetString() == Node || e.GetProperty("to").GetString() == Node)
            .Sum(e => e.GetProperty("findings").GetArrayLength());
        using var browser = HeadlessChromium.Start();
        browser.Open(Report);

        browser.Driver.FindElement(By.CssSelector("[data-zoom=fit]")).Click();
        browser.Driver.FindElement(By.Id(GraphLayout.Anchor(Node) + "-node")).Click();

        var panel = browser.Driver.FindElement(By.Id("graph-panel"));
        Assert.Equal("Billing.Worker", panel.FindElement(By.TagName("h3")).Text);
        var findings = panel.FindElements(By.CssSelector("li.finding"));
        Assert.True(expected > 0);
        Assert.Equal(expected, findings.Count);
        Assert.All(findings, f => Assert.Contains("src/Billing.Worker/", f.Text, StringComparison.Ordinal));
        Assert.Contains(panel.FindElements(By.CssSelector("code.snippet")), code => code.Text.Contains("BasicPublishAsync", StringComparison.Ordinal));
        Assert.True(browser.Run<bool>("return document.getElementById(arguments[0]).classList.contains('selected');", GraphLayout.Anchor(Node) + "-node"));

        // Following an edge in the panel selects the node at its other end.
        panel.FindElement(By.CssSelector("a.node-link")).Click();
        Assert.NotEqual("Billing.Worker", browser.Driver.FindElement(By.CssSelector("#graph-panel h3")).Text);
        Assert.Empty(browser.Errors());
    }

    [SkippableFact]
    public void IntegrationsTable_ShouldFilterSearchAndSort()
    {
        var inventory = JsonDocument.Parse(fixture.Run.Read("inventory.json")).RootElement;
        var integrations = inventory.GetProperty("findings").EnumerateArray()
            .Where(f => ReportModel.IsIntegrationPoint(f.GetProperty("kind").GetString()!))
            .ToList();
        var crm = integrations.Count(f => f.GetProperty("component").GetString() == "Crm.Sync");
        using var browser = HeadlessChromium.Start();
        browser.Open(Report);
        int Visible() => browser.Driver.FindElements(By.CssSelector("#integrations-table tbody tr")).Count(row => row.Displayed);

        Assert.Equal(integrations.Count, Visible());
        Choose(browser, "integrations-component", "Crm.Sync");
        Assert.Equal(crm, Visible());
        Assert.Equal($"{crm} of {integrations.Count}", browser.Driver.FindElement(By.Id("integrations-count")).Text);

        browser.Driver.FindElement(By.Id("integrations-search")).SendKeys("registry");
        var rows = browser.Driver.FindElements(By.CssSelector("#integrations-table tbody tr")).Where(row => row.Displayed).ToList();
        Assert.NotEmpty(rows);
        Assert.True(rows.Count < crm);
        Assert.All(rows, row => Assert.Contains("registry", row.Text, StringComparison.OrdinalIgnoreCase));

        browser.Driver.FindElement(By.Id("integrations-search")).Clear();
        Choose(browser, "integrations-component", "all");
        browser.Driver.FindElement(By.CssSelector("#integrations-table th:nth-child(3) button")).Click();
        browser.Driver.FindElement(By.CssSelector("#integrations-table th:nth-child(3) button")).Click();
        var targets = browser.Driver.FindElements(By.CssSelector("#integrations-table tbody tr td:nth-child(3)")).Select(td => td.Text.ToLowerInvariant()).ToList();
        Assert.Equal(integrations.Count, targets.Count);
        Assert.Equal(targets.OrderByDescending(t => t, StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, System.Globalization.CompareOptions.IgnoreCase)).ToList(), targets);
        Assert.Equal("descending", browser.Driver.FindElement(By.CssSelector("#integrations-table th:nth-child(3)")).GetAttribute("aria-sort"));
        Assert.Empty(browser.Errors());
    }

    private static void Choose(HeadlessChromium browser, string select, string option) =>
        browser.Driver.FindElement(By.Id(select)).FindElement(By.XPath($"option[normalize-space(.)='{option}']")).Click();

    [SkippableFact]
    public void ErrorCheck_ShouldSeeAScriptError()
    {
        // The check the other tests rely on: a page whose script throws, and one that asks the network for an image.
        var page = Path.Combine(Directory.CreateTempSubdirectory("inventory-browser-").FullName, "broken.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><img src=\"http://127.0.0.1:9/x.png\"><script>throw new Error('deliberate');</script></body></html>");
        using var browser = HeadlessChromium.Start();
        browser.Open(page);

        Assert.Contains(browser.Errors(), message => message.Contains("deliberate", StringComparison.Ordinal));
        Assert.Equal(1, browser.Requests());
    }

    [SkippableFact]
    public void Overview_ShouldFitTheFirstScreen()
    {
        using var browser = HeadlessChromium.Start(1280, 900);
        browser.Open(Report);

        var overview = browser.Driver.FindElement(By.Id("overview"));
        Assert.True(overview.Location.Y + overview.Size.Height <= 900, $"the summary ends at {overview.Location.Y + overview.Size.Height}px");
        Assert.Contains("1 of 5", overview.Text, StringComparison.Ordinal);
        Assert.Contains("48 / 100", overview.Text, StringComparison.Ordinal);
        Assert.Equal(5, overview.FindElements(By.CssSelector("ol.priorities li")).Count);
        var shot = Path.Combine(fixture.Run.OutDirectory, "overview.png");
        ((ITakesScreenshot)browser.Driver).GetScreenshot().SaveAsFile(shot);
        Assert.True(new FileInfo(shot).Length > 10_000);
    }
}

/// <summary>The report of an estate of 40 components and 300 edges: still drawn, readable and usable.</summary>
public sealed class LargeReportBrowserTests
{
    [SkippableFact]
    public void LargeEstate_ShouldOpenWithReadableLabelsAndAWorkingPanel()
    {
        var inventory = Builders.LargeEstate();
        var folder = Directory.CreateTempSubdirectory("inventory-large-").FullName;
        var report = Path.Combine(folder, "report.html");
        File.WriteAllText(report, ReportWriterFactory.Create("html", TemplateSource.Embedded).Render(inventory));
        using var browser = HeadlessChromium.Start();
        browser.Open(report);

        Assert.Equal(inventory.Graph.Nodes.Count, browser.Driver.FindElements(By.CssSelector("#graph-nodes g.node")).Count);
        Assert.Equal(inventory.Graph.Edges.Count, browser.Driver.FindElements(By.CssSelector("#graph-edges path.edge")).Count);
        ((ITakesScreenshot)browser.Driver.FindElement(By.Id("graph"))).GetScreenshot().SaveAsFile(Path.Combine(folder, "first.png"));
        var labelHeight = browser.Run<double>("return document.querySelector('#graph-nodes text').getBoundingClientRect().height;");
        Assert.True(labelHeight >= 10, $"labels are {labelHeight}px high at first sight");

        var first = browser.Driver.FindElements(By.CssSelector("#graph-nodes g.node.component")).First(node => node.Displayed);
        first.Click();
        Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector("#graph-panel li.finding")));
        browser.Driver.FindElement(By.CssSelector("[data-zoom=fit]")).Click();
        var fitted = browser.Run<double>("var r = document.getElementById('graph-svg').getBoundingClientRect(); var v = document.getElementById('graph-svg').viewBox.baseVal; return Math.max(v.width / r.width, v.height / r.height);");
        Assert.True(fitted >= 1, "Fit shows the whole graph");
        Assert.Empty(browser.Errors());
        Assert.Equal(0, browser.Requests());
        ((ITakesScreenshot)browser.Driver.FindElement(By.Id("graph"))).GetScreenshot().SaveAsFile(Path.Combine(folder, "graph.png"));
    }
}
