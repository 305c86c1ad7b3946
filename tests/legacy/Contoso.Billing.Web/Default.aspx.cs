using System;
using System.Net;
using System.Web.UI;
using Newtonsoft.Json.Linq;

namespace Contoso.Billing.Web
{
    public partial class _Default : Page
    {
        protected void Page_Load(object sender, EventArgs e)
        {
            using (var client = new WebClient())
            {
                var json = client.DownloadString("https://rates.partner.example/v1/latest?base=EUR");
                ExchangeRate.Text = (string)JObject.Parse(json)["rates"]["USD"];
            }
        }
    }
}
