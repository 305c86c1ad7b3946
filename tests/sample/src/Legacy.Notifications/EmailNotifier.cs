using Contoso.Platform.Messaging;
using RabbitMQ.Client;

namespace Contoso.Notifications;

public sealed class EmailNotifier(IMessagingConnection platform)
{
    private const string Queue = "notifications.email";

    public void Start(IBasicConsumer consumer)
    {
        IModel channel = platform.OpenChannel();
        channel.BasicConsume(Queue, true, consumer);
        channel.QueueBind(Queue, "billing", "invoice.created", null);
    }

    public void Audit(IModel channel, byte[] entry)
    {
        channel.BasicPublish("audit", "notifications.sent", null, entry);
    }
}
