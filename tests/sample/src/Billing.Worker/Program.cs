using Contoso.Billing;
using Refit;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddHostedService<BillingWorker>();
builder.Services.AddHttpClient<FraudCheckClient>(client =>
{
    client.BaseAddress = new Uri("https://fraud.partner.example/api/");
    client.Timeout = TimeSpan.FromSeconds(5);
}).AddStandardResilienceHandler();
builder.Services.AddRefitClient<ITaxRatesApi>()
    .ConfigureHttpClient(client => client.BaseAddress = new Uri(builder.Configuration["TaxRates:BaseUrl"]!));
builder.Services.AddSingleton<TaxCalculator>();
builder.Build().Run();
