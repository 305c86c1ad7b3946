namespace Contoso.Ordering;

/// <summary>Awards loyalty points through the named "loyalty" client.</summary>
public sealed class LoyaltyNotifier(IHttpClientFactory clients)
{
    public const string ClientName = "loyalty";

    public Task<HttpResponseMessage> AwardAsync(Order order)
    {
        var client = clients.CreateClient(ClientName);
        return client.PostAsync($"members/orders/{order.Id}/points", content: null);
    }
}
