using Contoso.Ordering;
using RabbitMQ.Client;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<IConnection>(_ => new ConnectionFactory { HostName = "rabbitmq.internal" }.CreateConnection());
builder.Services.AddHttpClient<InventoryClient>();
builder.Services.AddHttpClient<ShippingClient>();
builder.Services.AddHttpClient(LoyaltyNotifier.ClientName, client => client.BaseAddress = new Uri("https://loyalty.contoso.example/api/"));
builder.Services.AddScoped<LoyaltyNotifier>();
builder.Services.AddScoped<OrderService>();

var app = builder.Build();
app.MapPost("/orders", (Order order, OrderService orders) => orders.PlaceAsync(order));
app.Run();
