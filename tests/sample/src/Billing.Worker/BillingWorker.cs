using System.Net.Http.Json;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Contoso.Billing;

public sealed class BillingWorker : BackgroundService
{
    private const string OrdersQueue = "billing.orders";
    private const string BillingExchange = "billing";
    private const string PaymentApiKey = "pk_live_9f8e7d6c5b4a3f2e1d0c";

    private static readonly HttpClient Payments = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var factory = new ConnectionFactory { HostName = "rabbitmq.internal" };
        await using var connection = await factory.CreateConnectionAsync(stoppingToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            var order = JsonSerializer.Deserialize<JsonElement>(delivery.Body.Span);
            await ChargeAsync(order, stoppingToken);
            var invoice = JsonSerializer.SerializeToUtf8Bytes(new { order, issued = DateTime.UtcNow });
            await channel.BasicPublishAsync(BillingExchange, "invoice.created", invoice, stoppingToken);
        };

        await channel.BasicConsumeAsync(OrdersQueue, autoAck: true, consumer, stoppingToken);
        await Task.Delay(Timeout.Infinite, stoppingToken);
    }

    private static async Task ChargeAsync(JsonElement order, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.payments-partner.example/v1/charges")
        {
            Content = JsonContent.Create(order),
        };
        request.Headers.Add("X-Api-Key", PaymentApiKey);
        await Payments.SendAsync(request, cancellationToken);
    }
}
