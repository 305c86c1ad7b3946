using System.Reflection;
using InventoryScanner.Core.Graph;
using InventoryScanner.Core.Messaging;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core;

/// <summary>Assembles the scan's parts and the dependency graph into the <see cref="Inventory"/> every report renders.</summary>
public static class InventoryBuilder
{
    public static ToolInfo Tool { get; } = new(
        "InventoryScanner",
        typeof(InventoryBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    public static Inventory Build(
        string root,
        IReadOnlyList<Component> components,
        IReadOnlyList<ExcludedProject> excluded,
        IReadOnlyList<Finding> findings,
        IReadOnlyList<string> messages,
        DateTimeOffset scannedAt,
        IReadOnlyList<AcceptedSecret>? accepted = null,
        SdkReport? sdk = null)
    {
        var graph = InventoryGraph.Build(components, findings);
        return new Inventory
        {
            Tool = Tool,
            Root = root,
            ScannedAt = scannedAt,
            Components = components,
            Excluded = excluded,
            Findings = findings,
            Graph = graph.ToModel(),
            Messages = messages,
            Accepted = accepted ?? [],
            Messaging = MessagingReliability.Build(findings),
            Sdk = sdk,
        };
    }
}
