using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;
using static InventoryScanner.Tests.Builders;

namespace InventoryScanner.Tests.Core;

public sealed class StoreClientJoinTests
{
    [Fact]
    public void InjectedClients_ShouldTakeTheStoreOfTheirComponentsConnection_AndKeepTheirPart()
    {
        var inventory = Inventory(
            [Component("Basket.API"), Component("Gallery"), Component("Orders")],
            [
                Store("Basket.API", FindingKinds.Cache, "redis:basketcache", "redis", line: 5),
                Store("Basket.API", FindingKinds.Cache, "redis:unresolved", "redis", client: "IConnectionMultiplexer", line: 20),
                Store("Gallery", FindingKinds.BlobStorage, "azure-blob:blobs", "azure-blob", line: 8),
                Store("Gallery", FindingKinds.BlobStorage, "azure-blob:unresolved/thumbnails", "azure-blob", client: "BlobServiceClient", line: 30),
                Store("Orders", FindingKinds.Cache, "redis:{config:ConnectionStrings:redis}", "redis", line: 3),
            ]);

        var basket = Assert.Single(inventory.Findings, f => f.Component == "Basket.API" && f.Line == 20);
        Assert.Equal(("redis:basketcache", TargetSources.StoreClient, "Basket.API: src/Basket.API/File.cs:5"), (basket.Target, basket.Details![FindingProperties.TargetSource], basket.Details[FindingProperties.Registration]));
        var thumbnails = Assert.Single(inventory.Findings, f => f.Component == "Gallery" && f.Line == 30);
        Assert.Equal("azure-blob:blobs/thumbnails", thumbnails.Target);
    }

    [Fact]
    public void ClientsOfAnotherProject_ShouldTakeTheOnlyConnectionOfTheScan_WithoutSharing_AndNeverGuessAmongSeveral()
    {
        var single = Inventory(
            [Component("Basket.Host"), Component("Basket.Data"), Component("Basket.Tests")],
            [
                Store("Basket.Host", FindingKinds.Cache, "redis:cache.internal", "redis", line: 5),
                Store("Basket.Tests", FindingKinds.Cache, "redis:localhost", "redis", line: 5, test: true),
                Store("Basket.Data", FindingKinds.Cache, "redis:unresolved", "redis", client: "IConnectionMultiplexer", line: 12),
            ]);
        Assert.Equal("redis:cache.internal", Assert.Single(single.Findings, f => f.Component == "Basket.Data").Target);

        // The library reaches the store through the host's client: one connection, drawn, and no sharing between the two.
        Assert.Contains(single.Graph.Edges, e => e.From == "component:Basket.Data" && e.To == "store:redis:cache.internal");
        Assert.Empty(single.Graph.SharedStores);

        var several = Inventory(
            [Component("Basket.Host"), Component("Catalog.Host"), Component("Shared.Data")],
            [
                Store("Basket.Host", FindingKinds.Cache, "redis:basket-cache", "redis", line: 5),
                Store("Catalog.Host", FindingKinds.Cache, "redis:catalog-cache", "redis", line: 5),
                Store("Shared.Data", FindingKinds.Cache, "redis:unresolved", "redis", client: "IConnectionMultiplexer", line: 12),
            ]);
        var shared = Assert.Single(several.Findings, f => f.Component == "Shared.Data");
        Assert.Equal(("redis:unresolved", "IConnectionMultiplexer"), (shared.Target, shared.Details![FindingProperties.StoreClient]));
        Assert.False(shared.Details.ContainsKey(FindingProperties.Registration));
    }

    private static Finding Store(string component, string kind, string target, string store, int line, string? client = null, bool test = false)
    {
        var finding = Finding(component, kind, target, "StackExchange.Redis", line: line);
        var details = new Dictionary<string, string> { [FindingProperties.Store] = store, [FindingProperties.TargetSource] = client is null ? TargetSources.Configuration : TargetSources.Unresolved };
        if (client is not null)
        {
            details[FindingProperties.StoreClient] = client;
        }

        if (test)
        {
            details[TestScope.Key] = TestScope.Test;
        }

        finding.Details = details;
        return finding;
    }
}
