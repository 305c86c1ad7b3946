using System.Net;
using System.Text;

namespace Contoso.Crm;

public sealed class ContactSync
{
    private static readonly HttpClient Crm = new(new HttpClientHandler
    {
        Credentials = new NetworkCredential("crm-sync", "Crm#Sync2021"),
    })
    {
        BaseAddress = new Uri("https://crm.partner-crm.example/api/v2/"),
    };

    public async Task PullAsync(DateTime since)
    {
        var contacts = await Crm.GetStringAsync($"contacts?modifiedSince={since:O}");
        Console.WriteLine(contacts.Length);
    }

    public async Task PushAsync(string id, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"contacts/{id}")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        await Crm.SendAsync(request);
    }

    public async Task PingAsync(string statusUrl)
    {
        using var client = new HttpClient();
        await client.GetAsync(statusUrl);
    }
}
