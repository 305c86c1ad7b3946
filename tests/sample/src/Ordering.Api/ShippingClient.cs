using System.Net.Http.Json;

namespace Contoso.Ordering;

/// <summary>Books shipments with the carrier configured per environment.</summary>
public sealed class ShippingClient(HttpClient http, IConfiguration configuration)
{
    public Task<HttpResponseMessage> BookAsync(Order order) =>
        http.PostAsJsonAsync(configuration["Shipping:BaseUrl"] + "/shipments", order);
}
