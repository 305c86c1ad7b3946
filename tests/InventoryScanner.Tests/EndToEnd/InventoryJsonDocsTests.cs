using System.Text.Json;
using System.Text.RegularExpressions;
using InventoryScanner.Core.Model;
using InventoryScanner.Reporting;
using static InventoryScanner.Tests.Builders;

namespace InventoryScanner.Tests.EndToEnd;

/// <summary>Every field that inventory.json can hold is in the field table of docs/inventory-json.md (issue 14).</summary>
[Collection(ScannerCollection.Name)]
public sealed partial class InventoryJsonDocsTests(SampleScanFixture fixture)
{
    [Fact]
    public void EveryFieldOfInventoryJson_ShouldBeInTheDocumentedFieldTable()
    {
        var documented = DocumentedFields(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "inventory-json.md")));
        var fields = new SortedSet<string>(StringComparer.Ordinal);
        Fields(JsonDocument.Parse(fixture.Run.Read("inventory.json")).RootElement, string.Empty, fields);

        // What the sample does not have: an SDK substitution, an accepted secret, a messaging endpoint with facts.
        var finding = Finding("Crm", "queue-publish", "queue:orders");
        var everything = new Inventory
        {
            Tool = ToolInfo.Current,
            Root = "x.sln",
            Components = [Component("Crm")],
            Excluded = [new ExcludedProject("T", "t/T.csproj", "test project")],
            Findings = [finding],
            Graph = new GraphModel { Nodes = [], Edges = [], Cycles = [["a", "b"]], Orphans = [new OrphanChannel("channel:queue:orders", "queue:orders", "no-consumer", ["Crm"], ["f"])] },
            Accepted = [new AcceptedSecret("f", "Crm", "a.cs", 1, "password", "sandbox")],
            Messaging = [new MessagingEndpoint("Crm", "publisher", "RabbitMQ.Client", "queue:orders", "f", [new ReliabilityFact("outbox", "none found", ["f"])], ["no outbox"])],
            Sdk = new SdkReport("10.0.401", [new SdkSubstitution("global.json", "8.0.419", "10.0.401", "pins SDK 8.0.419")]),
        };
        Fields(JsonDocument.Parse(new JsonReportWriter().Render(everything)).RootElement, string.Empty, fields);

        Assert.Equal(string.Empty, string.Join(", ", fields.Where(field => !documented.Contains(field))));
    }

    /// <summary>The paths of the values that are not objects: <c>findings[].line</c>, <c>graph.cycles</c>; details are a map of facts.</summary>
    private static void Fields(JsonElement element, string path, ISet<string> fields)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when !path.EndsWith(".details", StringComparison.Ordinal):
                foreach (var property in element.EnumerateObject())
                {
                    Fields(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, fields);
                }

                break;
            case JsonValueKind.Array when element.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Object):
                foreach (var item in element.EnumerateArray())
                {
                    Fields(item, path + "[]", fields);
                }

                break;
            case JsonValueKind.Array when element.GetArrayLength() == 0:
                break; // what it holds is seen where it is not empty
            default:
                fields.Add(path);
                break;
        }
    }

    /// <summary>
    /// The fields a row of the table names: its first cell's <c>`a.b[].c`</c>, and <c>`d`</c> after it as <c>a.b[].d</c>.
    /// </summary>
    private static HashSet<string> DocumentedFields(string markdown)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in markdown.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var prefix = string.Empty;
            foreach (Match token in Code().Matches(line.Split('|')[1]))
            {
                var name = token.Groups[1].Value;
                if (name.Contains('.', StringComparison.Ordinal) || name.Contains('[', StringComparison.Ordinal))
                {
                    fields.Add(name.TrimEnd('[', ']'));
                    fields.Add(name);
                    prefix = name.Contains('.', StringComparison.Ordinal) ? name[..(name.LastIndexOf('.') + 1)] : string.Empty;
                }
                else
                {
                    fields.Add(prefix + name);
                }
            }
        }

        return fields;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}

/// <summary>The README stays a first screen and every page it leads to exists (issue 14).</summary>
public sealed partial class DocumentationLinksTests
{
    [Fact]
    public void ReadmeAndDocs_ShouldLinkOnlyToFilesThatExist_AndTheReadmeShouldStayShort()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md").Append(Path.Combine(RepositoryPaths.Root, "README.md"));
        var broken = new List<string>();
        foreach (var page in pages)
        {
            foreach (Match link in Link().Matches(File.ReadAllText(page)))
            {
                var target = link.Groups[1].Value.Split('#')[0];
                if (target.Length > 0 && !target.Contains("://", StringComparison.Ordinal) && !File.Exists(Path.Combine(Path.GetDirectoryName(page)!, target)))
                {
                    broken.Add($"{Path.GetFileName(page)} → {target}");
                }
            }
        }

        Assert.Equal(string.Empty, string.Join(", ", broken));
        Assert.InRange(File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md")).Length, 1, 120);
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();
}
