namespace Contoso.Billing;

/// <summary>Adds tax to an invoice line; the rates come from the tax authority.</summary>
public sealed class TaxCalculator(ITaxRatesApi rates)
{
    public async Task<decimal> GrossAsync(decimal net, string country) => net * (1 + await rates.GetRateAsync(country));
}
