using System.Configuration;
using System.IO;
using System.Messaging;
using System.Net;

namespace Contoso.Billing.Jobs
{
    public class InvoiceArchiver
    {
        public void ArchiveDaily()
        {
            var request = (HttpWebRequest)WebRequest.Create("http://erp.contoso.local/Finance/exports/daily.csv");
            request.Credentials = new NetworkCredential("export", "Exp0rt-Daily-42");
            string export;
            using (var response = request.GetResponse())
            using (var reader = new StreamReader(response.GetResponseStream()))
            {
                export = reader.ReadToEnd();
            }

            using (var queue = new MessageQueue(ConfigurationManager.AppSettings["Archive.Queue"]))
            {
                queue.Send(export, "daily-invoices");
            }
        }
    }
}
