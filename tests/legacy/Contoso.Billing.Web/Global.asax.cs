using System;
using System.Web;

namespace Contoso.Billing.Web
{
    public class Global : HttpApplication
    {
        protected void Application_Start(object sender, EventArgs e)
        {
        }
    }
}
