using Contoso.Crm;

var sync = new ContactSync();
await sync.PullAsync(DateTime.UtcNow.AddDays(-1));
await sync.PushAsync("42", "{\"name\":\"Ada\"}");
await sync.PingAsync(args.Length > 0 ? args[0] : "https://status.partner-crm.example/ping");
