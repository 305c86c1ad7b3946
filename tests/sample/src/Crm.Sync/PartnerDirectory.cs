using Flurl;
using Flurl.Http;
using RestSharp;

namespace Crm.Sync;

/// <summary>Company and address lookups at the CRM partner, through the two REST client libraries the team likes.</summary>
public sealed class PartnerDirectory
{
    private readonly RestClient _registry = new RestClient("https://registry.partner-crm.example/api/v3");

    public async Task<string?> CompanyAsync(string vat)
    {
        var request = new RestRequest("companies/{vat}");
        request.AddUrlSegment("vat", vat);
        var response = await _registry.GetAsync(request);
        return response.Content;
    }

    public Task RegisterAsync(object company) =>
        _registry.ExecuteAsync(new RestRequest("companies", Method.Post).AddJsonBody(company));

    public Task<GeoResult> LocateAsync(string address) =>
        "https://geo.partner-crm.example".AppendPathSegments("v1", "lookup").SetQueryParam("q", address).GetJsonAsync<GeoResult>();
}

public sealed record GeoResult(double Latitude, double Longitude);
