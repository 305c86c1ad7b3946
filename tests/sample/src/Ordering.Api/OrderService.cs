using System.Text.Json;
using RabbitMQ.Client;

namespace Contoso.Ordering;

public sealed class OrderService(IConnection connection, InventoryClient inventory, ShippingClient shipping)
{
    private const string BillingQueue = "billing.orders";

    public async Task<IResult> PlaceAsync(Order order)
    {
        var stock = await inventory.GetStockAsync(order.Sku);
        if (stock is null || stock.Available < order.Quantity)
        {
            return Results.Conflict();
        }

        await inventory.ReserveAsync(order);
        using var channel = connection.CreateModel();
        var body = JsonSerializer.SerializeToUtf8Bytes(order);
        channel.BasicPublish(exchange: "", routingKey: BillingQueue, basicProperties: null, body: body);
        await shipping.BookAsync(order);
        return Results.Accepted();
    }
}
