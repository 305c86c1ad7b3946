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
    };

    public string FileName => "inventory.json";

    public string Render(Inventory inventory) => JsonSerializer.Serialize(inventory, Options) + "\n";
}
