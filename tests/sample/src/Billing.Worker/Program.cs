using Contoso.Billing;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddHostedService<BillingWorker>();
builder.Services.AddHttpClient<FraudCheckClient>(client =>
{
    client.BaseAddress = new Uri("https://fraud.partner.example/api/");
    client.Timeout = TimeSpan.FromSeconds(5);
}).AddStandardResilienceHandler();
builder.Build().Run();
