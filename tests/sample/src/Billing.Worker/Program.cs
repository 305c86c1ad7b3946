using Contoso.Billing;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddHostedService<BillingWorker>();
builder.Build().Run();
