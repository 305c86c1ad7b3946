using System;

namespace Contoso.Billing.Jobs
{
    internal static class Program
    {
        private static void Main(string[] args)
        {
            var listener = new PaymentListener();
            listener.Start();
            new InvoiceArchiver().ArchiveDaily();
            Console.ReadLine();
        }
    }
}
