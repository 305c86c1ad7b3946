using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InventoryScanner.Core.Graph;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Reporting.Exports;

/// <summary>
/// <c>bom.cdx.json</c>, a CycloneDX 1.6 BOM for security teams that collect SBOMs: the estate's components as
/// applications, and in <c>services</c> every endpoint they integrate with — each external system (with the URLs
/// called), data store and channel — with its data flow seen from the estate (<c>outbound</c> calls and publishes,
/// <c>inbound</c> consumes, <c>bi-directional</c> stores) and <c>x-trust-boundary</c> for what lies outside the scan;
/// <c>dependencies</c> tie each component to the services it uses. Deterministic: the serial number is derived from the
/// content and the timestamp is the scan's.
/// </summary>
public sealed class CycloneDxWriter : IReportWriter
{
    public string FileName => "bom.cdx.json";

    public string Render(Inventory inventory)
    {
        var model = ExportModel.Of(inventory);
        var components = new JsonArray();
        foreach (var node in model.Nodes.Values.Where(n => n.Type == InventoryGraph.ComponentNode).OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            components.Add(new JsonObject { ["type"] = "application", ["bom-ref"] = node.Id, ["name"] = node.Label });
        }

        var services = new JsonArray();
        var uses = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var node in model.Nodes.Values.Where(n => n.Type != InventoryGraph.ComponentNode).OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            var edges = model.Edges.Where(e => e.From == node.Id || e.To == node.Id).ToList();
            var flows = edges.Select(e => Flow(e, node.Id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var service = new JsonObject
            {
                ["bom-ref"] = node.Id,
                ["name"] = node.Label,
                ["group"] = node.Type,
            };
            var endpoints = edges.SelectMany(e => e.Findings).Select(f => f.Target).Where(t => Uri.TryCreate(t, UriKind.Absolute, out _)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (endpoints.Count > 0)
            {
                service["endpoints"] = new JsonArray([.. endpoints.Select(e => (JsonNode)e)]);
            }

            service["x-trust-boundary"] = node.Type == InventoryGraph.ExternalNode;
            service["data"] = new JsonArray([.. flows.Select(f => (JsonNode)new JsonObject { ["flow"] = f, ["classification"] = Classification(node) })]);
            services.Add(service);
            foreach (var edge in edges)
            {
                var component = edge.From == node.Id ? edge.To : edge.From;
                if (model.Nodes.TryGetValue(component, out var other) && other.Type == InventoryGraph.ComponentNode)
                {
                    if (!uses.TryGetValue(component, out var set))
                    {
                        uses[component] = set = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(node.Id);
                }
            }
        }

        // Component-to-component calls are dependencies too.
        foreach (var call in model.Edges.Where(e => e.From.StartsWith("component:", StringComparison.Ordinal) && e.To.StartsWith("component:", StringComparison.Ordinal)))
        {
            if (!uses.TryGetValue(call.From, out var set))
            {
                uses[call.From] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            set.Add(call.To);
        }

        var dependencies = new JsonArray([.. uses.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (JsonNode)new JsonObject
        {
            ["ref"] = p.Key,
            ["dependsOn"] = new JsonArray([.. p.Value.Select(v => (JsonNode)v)]),
        })]);

        var body = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["timestamp"] = inventory.ScannedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["tools"] = new JsonObject
                {
                    ["components"] = new JsonArray(new JsonObject { ["type"] = "application", ["name"] = inventory.Tool.Name, ["version"] = inventory.Tool.Version }),
                },
                ["component"] = new JsonObject { ["type"] = "application", ["bom-ref"] = "estate", ["name"] = Path.GetFileName(inventory.Root.TrimEnd('/', '\\')) },
            },
            ["components"] = components,
            ["services"] = services,
            ["dependencies"] = dependencies,
        };
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var content = body.ToJsonString(options);
        var bom = new JsonObject
        {
            ["$schema"] = "http://cyclonedx.org/schema/bom-1.6.schema.json",
            ["bomFormat"] = "CycloneDX",
            ["specVersion"] = "1.6",
            ["serialNumber"] = "urn:uuid:" + Uuid(content),
            ["version"] = 1,
        };
        foreach (var (key, value) in JsonNode.Parse(content)!.AsObject().ToList())
        {
            bom[key] = value?.DeepClone();
        }

        return bom.ToJsonString(options) + "\n";
    }

    /// <summary>Which way data goes between the estate and the service, as CycloneDX names it.</summary>
    private static string Flow(ExportEdge edge, string service) => edge.Kind switch
    {
        "consumes" => "inbound",
        "reads-writes" or "caches" or "stores-files" => "bi-directional",
        _ when edge.To == service => "outbound",
        _ => "inbound",
    };

    private static string Classification(GraphNodeModel node) => node.Type switch
    {
        InventoryGraph.DataStoreNode => "stored data",
        InventoryGraph.ChannelNode => "messages",
        _ => "requests and responses",
    };

    /// <summary>A name-based UUID (version 5 layout) of the content: the same BOM has the same serial number.</summary>
    private static string Uuid(string content)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(content));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }
}
