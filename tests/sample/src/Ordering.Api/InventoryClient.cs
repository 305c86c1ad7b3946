using System.Net.Http.Json;

namespace Contoso.Ordering;

/// <summary>Typed client for the inventory service.</summary>
public sealed class InventoryClient
{
    private const string InventoryService = "http://inventory.internal:8080/";
    private readonly HttpClient _http;

    public InventoryClient(HttpClient http)
    {
        _http = http;
        _http.BaseAddress = new Uri(InventoryService);
    }

    public Task<StockLevel?> GetStockAsync(string sku) =>
        _http.GetFromJsonAsync<StockLevel>($"api/stock/{sku}");

    public Task ReserveAsync(Order order) =>
        _http.PostAsJsonAsync("api/reservations", order);
}
