using Contoso.Billing.Web.ErpService;

namespace Contoso.Billing.Web.Services
{
    public class InvoiceGateway
    {
        public string Submit(string number, decimal amount)
        {
            var client = new InvoiceServiceClient("BasicHttpBinding_IInvoiceService");
            try
            {
                return client.SubmitInvoice(new Invoice { Number = number, Amount = amount });
            }
            finally
            {
                client.Close();
            }
        }
    }
}
