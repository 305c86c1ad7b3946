using Refit;

namespace Contoso.Billing;

/// <summary>The tax authority's rate service, through Refit.</summary>
public interface ITaxRatesApi
{
    [Get("/v2/rates/{country}")]
    Task<decimal> GetRateAsync(string country);
}
