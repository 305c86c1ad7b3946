namespace Contoso.Billing.Web.Services
{
    public class TaxLookup
    {
        public decimal RateFor(string region)
        {
            using (var service = new TaxService.TaxService())
            {
                return service.GetRate(region);
            }
        }
    }
}
