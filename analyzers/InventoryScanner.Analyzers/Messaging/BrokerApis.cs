using System;
using System.Collections.Immutable;
using System.Linq;

namespace InventoryScanner.Analyzers.Messaging
{
    /// <summary>Whether a call puts messages on a channel or takes them off, or makes the client of one channel.</summary>
    internal enum Direction
    {
        Publish,
        Consume,

        /// <summary>A sender or queue client made for one channel (<c>CreateSender("orders")</c>, <c>new QueueClient(cs, "mail")</c>): topology, not traffic.</summary>
        Declare,
    }

    /// <summary>Where a broker API names its channel.</summary>
    internal enum ChannelSource
    {
        /// <summary>An argument of the call itself: <c>producer.ProduceAsync("orders", …)</c>.</summary>
        Argument,

        /// <summary>An argument of the call, or a property of the request object passed in its place: SQS, SNS.</summary>
        ArgumentOrRequestProperty,

        /// <summary>A constructor argument of the receiver: <c>new QueueClient(connection, "orders").SendMessageAsync(…)</c>.</summary>
        ReceiverConstructor,

        /// <summary>An argument of the factory call that made the receiver: <c>client.CreateSender("orders").SendMessageAsync(…)</c>.</summary>
        ReceiverFactory,

        /// <summary>A constructor argument of the object created, which is itself the consumer: <c>new EventProcessorClient(…, "hub")</c>.</summary>
        Constructor,
    }

    /// <summary>
    /// One way a broker client sends or receives: the type (by metadata name), the members, and where the channel is named.
    /// Names are looked up by parameter name when the call binds, and by position when the package does not resolve.
    /// </summary>
    internal sealed class BrokerApi
    {
        public BrokerApi(
            string library,
            string typeName,
            ImmutableArray<string> members,
            Direction direction,
            ChannelSource source,
            string channelPrefix,
            ImmutableArray<string> parameters,
            int position,
            string? factoryMethod = null,
            string? requestProperty = null,
            string? subscriptionParameter = null,
            string? madeType = null)
        {
            Library = library;
            TypeName = typeName;
            Members = members;
            Direction = direction;
            Source = source;
            ChannelPrefix = channelPrefix;
            Parameters = parameters;
            Position = position;
            FactoryMethod = factoryMethod;
            RequestProperty = requestProperty;
            SubscriptionParameter = subscriptionParameter;
            MadeType = madeType;
        }

        /// <summary>The client a <see cref="Direction.Declare"/> entry makes (<c>ServiceBusSender</c> of <c>CreateSender</c>): what a DI factory that returns it registers.</summary>
        public string? MadeType { get; }

        public string Library { get; }

        /// <summary>Metadata name of the receiver type (or the created type for <see cref="ChannelSource.Constructor"/>).</summary>
        public string TypeName { get; }

        /// <summary>The simple name of the type, what an unresolved type still carries.</summary>
        public string SimpleName
        {
            get
            {
                var name = TypeName.Substring(TypeName.LastIndexOf('.') + 1);
                var tick = name.IndexOf('`');
                return tick < 0 ? name : name.Substring(0, tick);
            }
        }

        public ImmutableArray<string> Members { get; }

        public Direction Direction { get; }

        public ChannelSource Source { get; }

        /// <summary><c>queue:</c>, <c>topic:</c>, <c>entity:</c>, …: the broker's own namespace for the channel.</summary>
        public string ChannelPrefix { get; }

        /// <summary>Parameter names that carry the channel, first match wins.</summary>
        public ImmutableArray<string> Parameters { get; }

        /// <summary>The channel's position among the arguments, for calls that do not bind.</summary>
        public int Position { get; }

        /// <summary>The call that makes the receiver (<c>CreateSender</c>, <c>GetSubscriber</c>): how an unresolved receiver is recognised.</summary>
        public string? FactoryMethod { get; }

        public string? RequestProperty { get; }

        /// <summary>The parameter that names a subscription of a topic (Service Bus processors).</summary>
        public string? SubscriptionParameter { get; }

        /// <summary>The broker APIs recognised, one table for every library (RabbitMQ has its own analyzer: exchanges and bindings).</summary>
        public static readonly ImmutableArray<BrokerApi> All = ImmutableArray.Create(
            // Azure Service Bus: senders made for a queue or topic, processors and receivers of a queue or a topic's subscription.
            new BrokerApi("Azure.Messaging.ServiceBus", "Azure.Messaging.ServiceBus.ServiceBusSender", ImmutableArray.Create("SendMessageAsync", "SendMessagesAsync", "ScheduleMessageAsync", "ScheduleMessagesAsync"),
                Direction.Publish, ChannelSource.ReceiverFactory, "entity:", ImmutableArray.Create("queueOrTopicName"), 0, factoryMethod: "CreateSender"),
            new BrokerApi("Azure.Messaging.ServiceBus", "Azure.Messaging.ServiceBus.ServiceBusClient", ImmutableArray.Create("CreateProcessor", "CreateSessionProcessor", "CreateReceiver", "AcceptNextSessionAsync", "AcceptSessionAsync"),
                Direction.Consume, ChannelSource.Argument, "entity:", ImmutableArray.Create("queueName", "topicName"), 0, subscriptionParameter: "subscriptionName"),

            new BrokerApi("Azure.Messaging.ServiceBus", "Azure.Messaging.ServiceBus.ServiceBusClient", ImmutableArray.Create("CreateSender"),
                Direction.Declare, ChannelSource.Argument, "entity:", ImmutableArray.Create("queueOrTopicName"), 0, madeType: "ServiceBusSender"),

            // Azure Storage Queues: a QueueClient is made for one queue.
            new BrokerApi("Azure.Storage.Queues", "Azure.Storage.Queues.QueueClient", ImmutableArray.Create(".ctor"),
                Direction.Declare, ChannelSource.Constructor, "queue:", ImmutableArray.Create("queueName"), 1, madeType: "QueueClient"),
            new BrokerApi("Azure.Storage.Queues", "Azure.Storage.Queues.QueueServiceClient", ImmutableArray.Create("GetQueueClient"),
                Direction.Declare, ChannelSource.Argument, "queue:", ImmutableArray.Create("queueName"), 0, madeType: "QueueClient"),
            new BrokerApi("Azure.Storage.Queues", "Azure.Storage.Queues.QueueClient", ImmutableArray.Create("SendMessage", "SendMessageAsync"),
                Direction.Publish, ChannelSource.ReceiverConstructor, "queue:", ImmutableArray.Create("queueName"), 1, factoryMethod: "GetQueueClient"),
            new BrokerApi("Azure.Storage.Queues", "Azure.Storage.Queues.QueueClient", ImmutableArray.Create("ReceiveMessage", "ReceiveMessageAsync", "ReceiveMessages", "ReceiveMessagesAsync"),
                Direction.Consume, ChannelSource.ReceiverConstructor, "queue:", ImmutableArray.Create("queueName"), 1, factoryMethod: "GetQueueClient"),

            // Azure Event Hubs: producers and consumers made for one event hub; the processor is the consumer itself.
            new BrokerApi("Azure.Messaging.EventHubs", "Azure.Messaging.EventHubs.Producer.EventHubProducerClient", ImmutableArray.Create(".ctor"),
                Direction.Declare, ChannelSource.Constructor, "hub:", ImmutableArray.Create("eventHubName"), 1, madeType: "EventHubProducerClient"),
            new BrokerApi("Azure.Messaging.EventHubs", "Azure.Messaging.EventHubs.Producer.EventHubProducerClient", ImmutableArray.Create("SendAsync"),
                Direction.Publish, ChannelSource.ReceiverConstructor, "hub:", ImmutableArray.Create("eventHubName"), 1),
            new BrokerApi("Azure.Messaging.EventHubs", "Azure.Messaging.EventHubs.Consumer.EventHubConsumerClient", ImmutableArray.Create("ReadEventsAsync", "ReadEventsFromPartitionAsync"),
                Direction.Consume, ChannelSource.ReceiverConstructor, "hub:", ImmutableArray.Create("eventHubName"), 2),
            new BrokerApi("Azure.Messaging.EventHubs", "Azure.Messaging.EventHubs.EventProcessorClient", ImmutableArray.Create(".ctor"),
                Direction.Consume, ChannelSource.Constructor, "hub:", ImmutableArray.Create("eventHubName"), 3),

            // Kafka (Confluent): the topic is an argument of each produce and subscribe.
            new BrokerApi("Confluent.Kafka", "Confluent.Kafka.IProducer`2", ImmutableArray.Create("Produce", "ProduceAsync"),
                Direction.Publish, ChannelSource.Argument, "topic:", ImmutableArray.Create("topic", "topicPartition"), 0),
            new BrokerApi("Confluent.Kafka", "Confluent.Kafka.IConsumer`2", ImmutableArray.Create("Subscribe"),
                Direction.Consume, ChannelSource.Argument, "topic:", ImmutableArray.Create("topic", "topics"), 0),

            // AWS SQS and SNS: a queue URL or topic ARN, as an argument or on the request object.
            new BrokerApi("AWSSDK.SQS", "Amazon.SQS.IAmazonSQS", ImmutableArray.Create("SendMessage", "SendMessageAsync", "SendMessageBatch", "SendMessageBatchAsync"),
                Direction.Publish, ChannelSource.ArgumentOrRequestProperty, "queue:", ImmutableArray.Create("queueUrl"), 0, requestProperty: "QueueUrl"),
            new BrokerApi("AWSSDK.SQS", "Amazon.SQS.IAmazonSQS", ImmutableArray.Create("ReceiveMessage", "ReceiveMessageAsync"),
                Direction.Consume, ChannelSource.ArgumentOrRequestProperty, "queue:", ImmutableArray.Create("queueUrl"), 0, requestProperty: "QueueUrl"),
            new BrokerApi("AWSSDK.SimpleNotificationService", "Amazon.SimpleNotificationService.IAmazonSimpleNotificationService", ImmutableArray.Create("Publish", "PublishAsync", "PublishBatchAsync"),
                Direction.Publish, ChannelSource.ArgumentOrRequestProperty, "topic:", ImmutableArray.Create("topicArn"), 0, requestProperty: "TopicArn"),

            // Redis pub/sub (StackExchange.Redis).
            new BrokerApi("StackExchange.Redis", "StackExchange.Redis.ISubscriber", ImmutableArray.Create("Publish", "PublishAsync"),
                Direction.Publish, ChannelSource.Argument, "channel:", ImmutableArray.Create("channel"), 0, factoryMethod: "GetSubscriber"),
            new BrokerApi("StackExchange.Redis", "StackExchange.Redis.ISubscriber", ImmutableArray.Create("Subscribe", "SubscribeAsync"),
                Direction.Consume, ChannelSource.Argument, "channel:", ImmutableArray.Create("channel"), 0, factoryMethod: "GetSubscriber"),

            // MSMQ (System.Messaging, .NET Framework): the queue path is the MessageQueue's.
            new BrokerApi("System.Messaging", "System.Messaging.MessageQueue", ImmutableArray.Create("Send"),
                Direction.Publish, ChannelSource.ReceiverConstructor, "queue:", ImmutableArray.Create("path"), 0),
            new BrokerApi("System.Messaging", "System.Messaging.MessageQueue", ImmutableArray.Create("Receive", "ReceiveById", "BeginReceive", "Peek", "BeginPeek"),
                Direction.Consume, ChannelSource.ReceiverConstructor, "queue:", ImmutableArray.Create("path"), 0));

        /// <summary>Every member name of <see cref="All"/>: a call named otherwise is none of them, whatever its type.</summary>
        public static readonly ImmutableHashSet<string> MemberNames = All.SelectMany(api => api.Members).ToImmutableHashSet(StringComparer.Ordinal);

        /// <summary>The simple names of the types of <see cref="All"/> whose creation is itself a consumer.</summary>
        public static readonly ImmutableHashSet<string> ConstructedNames = All.Where(api => api.Source == ChannelSource.Constructor).Select(api => api.SimpleName).ToImmutableHashSet(StringComparer.Ordinal);
    }
}
