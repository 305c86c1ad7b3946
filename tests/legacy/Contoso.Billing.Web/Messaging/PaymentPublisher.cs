using System.Configuration;
using System.Text;
using Newtonsoft.Json;
using RabbitMQ.Client;

namespace Contoso.Billing.Web.Messaging
{
    public class PaymentPublisher
    {
        private const string Exchange = "billing.payments";

        public void PaymentReceived(string invoiceNumber, decimal amount)
        {
            var factory = new ConnectionFactory { HostName = ConfigurationManager.AppSettings["Rabbit.Host"] };
            using (var connection = factory.CreateConnection())
            using (var channel = connection.CreateModel())
            {
                channel.ExchangeDeclare(Exchange, ExchangeType.Fanout, durable: true);
                var body = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(new { invoiceNumber, amount }));
                channel.BasicPublish(Exchange, string.Empty, null, body);
            }
        }
    }
}
