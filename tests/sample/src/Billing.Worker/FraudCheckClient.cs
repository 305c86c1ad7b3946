using System.Net.Http.Json;

namespace Contoso.Billing;

/// <summary>Asks the fraud-screening partner about an order before it is charged.</summary>
public sealed class FraudCheckClient(HttpClient http)
{
    public Task<HttpResponseMessage> CheckAsync(object order, CancellationToken cancellationToken) =>
        http.PostAsJsonAsync("checks", order, cancellationToken);
}
