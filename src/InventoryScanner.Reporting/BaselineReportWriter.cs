using InventoryScanner.Core.Baseline;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Reporting;

/// <summary><c>inventory.baseline.json</c>: the stable file a team commits (<see cref="BaselineFile"/>).</summary>
public sealed class BaselineReportWriter : IReportWriter
{
    public string FileName => BaselineFile.FileName;

    public string Render(Inventory inventory) => BaselineFile.Write(inventory);
}
