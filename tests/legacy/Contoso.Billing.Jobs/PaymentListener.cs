using System;
using System.Configuration;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using StackExchange.Redis;

namespace Contoso.Billing.Jobs
{
    public class PaymentListener
    {
        private IModel _channel;

        public void Start()
        {
            var factory = new ConnectionFactory { HostName = "rabbit-prod.contoso.local", UserName = "jobs", Password = "J0bs-Rabbit!" };
            var connection = factory.CreateConnection();
            _channel = connection.CreateModel();
            _channel.QueueDeclare("billing.payments.jobs", durable: true, exclusive: false, autoDelete: false);
            _channel.QueueBind("billing.payments.jobs", "billing.payments", string.Empty);

            var consumer = new EventingBasicConsumer(_channel);
            consumer.Received += (sender, delivery) =>
            {
                var payment = Encoding.UTF8.GetString(delivery.Body.ToArray());
                var redis = ConnectionMultiplexer.Connect(ConfigurationManager.AppSettings["Redis.Configuration"]);
                redis.GetSubscriber().Publish("payments.settled", payment);
                _channel.BasicAck(delivery.DeliveryTag, false);
            };
            _channel.BasicConsume("billing.payments.jobs", false, consumer);
        }
    }
}
