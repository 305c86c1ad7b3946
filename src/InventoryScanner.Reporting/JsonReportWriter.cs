using System.Text.Json;
using System.Text.Json.Serialization;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Reporting;

/// <summary><c>inventory.json</c>: the documented contract (camelCase, schemaVersion 1).</summary>
public sealed class JsonReportWriter : IReportWriter
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // inventory.json is a file of its own, read by tools and people: "don't", not "don\u0027t". Only what JSON
        // itself requires is escaped; no report embeds this text in HTML (the HTML report escapes each value itself).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string FileName => "inventory.json";

    public string Render(Inventory inventory) => JsonSerializer.Serialize(inventory, Options) + "\n";
}
