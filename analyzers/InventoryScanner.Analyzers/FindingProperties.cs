namespace InventoryScanner.Analyzers
{
    /// <summary>
    /// Keys of the structured <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> every inventory diagnostic carries.
    /// The scanner turns them into findings; this class is the contract between the two hosts.
    /// </summary>
    public static class FindingProperties
    {
        /// <summary>One of the <see cref="FindingKinds"/> values.</summary>
        public const string Kind = "kind";

        /// <summary>The client library, e.g. <c>System.Net.Http</c> or <c>RabbitMQ.Client</c>.</summary>
        public const string Library = "library";

        /// <summary>Where the call goes: a URL or URL template, a queue, an exchange; <c>unresolved</c> when the code does not say.</summary>
        public const string Target = "target";

        /// <summary>How the target was resolved: one of the <see cref="TargetSources"/> values.</summary>
        public const string TargetSource = "targetSource";

        /// <summary>The source expression of a target that could not be resolved.</summary>
        public const string Expression = "expression";

        /// <summary>HTTP method of an HTTP call, when known.</summary>
        public const string HttpMethod = "httpMethod";

        /// <summary>The configuration key (or <c>env:NAME</c>) a target was read from.</summary>
        public const string ConfigKey = "configKey";

        /// <summary>The value of <see cref="ConfigKey"/> in each configuration file that sets it.</summary>
        public const string ConfigValues = "configValues";

        /// <summary>The HttpClient registration a call goes through: <c>typed ShippingClient at Program.cs:12</c>.</summary>
        public const string Registration = "registration";

        /// <summary>
        /// The client a call goes through or a registration registers: <c>typed:Ns.Client</c> or <c>named:github</c>.
        /// The scanner joins calls to registrations of other projects by it.
        /// </summary>
        public const string Client = "client";

        /// <summary>Resilience on that registration (<c>AddStandardResilienceHandler, Timeout</c>), or <c>none</c>.</summary>
        public const string Resilience = "resilience";

        /// <summary>RabbitMQ exchange of a publish.</summary>
        public const string Exchange = "exchange";

        /// <summary>RabbitMQ routing key of a publish.</summary>
        public const string RoutingKey = "routingKey";

        /// <summary>RabbitMQ queue of a consumer.</summary>
        public const string Queue = "queue";

        /// <summary>How a consumer takes messages when it polls for them: "a loop in the hosted service OrderPoller".</summary>
        public const string Polling = "polling";

        /// <summary>Consumers: whether the handler catches its failures (<c>catches</c>) or lets them escape (<c>none</c>).</summary>
        public const string ErrorHandling = "errorHandling";

        /// <summary>Consumers: the member that suggests the handler checks for duplicates (an inbox, a processed-message check).</summary>
        public const string Idempotency = "idempotency";

        /// <summary>A declared queue or exchange: <c>true</c> when it survives a broker restart, <c>false</c> when not.</summary>
        public const string Durable = "durable";

        /// <summary>A declared queue's dead-letter exchange (<c>x-dead-letter-exchange</c>), where rejected and expired messages go.</summary>
        public const string DeadLetterExchange = "deadLetterExchange";

        /// <summary>A declared exchange's type: <c>direct</c>, <c>fanout</c>, <c>topic</c>, <c>headers</c>.</summary>
        public const string ExchangeType = "exchangeType";

        /// <summary>Handlers and subscriptions of a bus: the handler class that handles the message.</summary>
        public const string Handler = "handler";

        /// <summary>Publishers: the outbox an event is saved to, to be published later (<c>IOrderingIntegrationEventService</c>).</summary>
        public const string Outbox = "outbox";

        /// <summary>The subscription of a topic a consumer reads from (Azure Service Bus).</summary>
        public const string Subscription = "subscription";

        /// <summary><c>high</c>, <c>medium</c> or <c>low</c>; low when the API was recognised by name on an unresolved type.</summary>
        public const string Confidence = "confidence";

        /// <summary>Why the confidence is what it is, when it is not high.</summary>
        public const string ConfidenceReason = "confidenceReason";

        /// <summary>Documentation ID of the member or type that contains the finding; part of its fingerprint.</summary>
        public const string ContainingSymbol = "symbol";

        /// <summary>Redacted evidence of a secret: never the value itself.</summary>
        public const string Evidence = "evidence";

        /// <summary>Salted hash of a secret value, so the same secret is recognised across scans without being stored.</summary>
        public const string ValueHash = "valueHash";

        /// <summary>The environment of the configuration file a finding is in: <c>default</c>, <c>Development</c>, ...</summary>
        public const string Environment = "environment";

        /// <summary>The service operation a call invokes: <c>ICalculator.Add</c> for a WCF contract.</summary>
        public const string Operation = "operation";

        /// <summary>An Aspire resource's name (<c>catalog-api</c>): what service discovery resolves and other resources reference.</summary>
        public const string Resource = "resource";

        /// <summary>The project an Aspire project resource runs, as the AppHost names it (<c>Catalog_API</c> for Catalog.API).</summary>
        public const string Project = "project";

        /// <summary>The method that made an Aspire resource: <c>AddProject</c>, <c>AddJavaScriptApp</c>, <c>AddYarp</c>.</summary>
        public const string ResourceType = "resourceType";

        /// <summary>
        /// The folder a compose service is built from, relative to the compose file's folder (<c>src/ApiGateways/ApiGw-Base</c>):
        /// the scanner takes the component whose project file is in it, whatever the project is called.
        /// </summary>
        public const string ProjectFolder = "projectFolder";

        /// <summary>The project of the Aspire resource a reference or route reaches (<c>Catalog_API</c>), when it is a project.</summary>
        public const string TargetProject = "targetProject";

        /// <summary>The resources an Aspire resource references: <c>redis (AddRedis), catalogdb (AddDatabase)</c>.</summary>
        public const string References = "references";

        /// <summary>"true" when a credential is a known default or a most-common password (<c>changeme</c>, <c>Pass@word1</c>).</summary>
        public const string KnownDefault = "knownDefault";

        /// <summary>What kind of secret: <c>password</c>, <c>api-key</c>, <c>connection-string</c>, ...</summary>
        public const string SecretKind = "secretKind";

        /// <summary>The path an API gateway route answers on (<c>/posts/{postId}</c>), or the route's name.</summary>
        public const string Upstream = "upstream";

        /// <summary>The store a data-store finding reaches: <c>sqlserver</c>, <c>postgres</c>, <c>mysql</c>, <c>sqlite</c>, <c>redis</c>, …</summary>
        public const string Store = "store";

        /// <summary>"true" for a connection made only by EF Core's design-time tools (in an <c>IDesignTimeDbContextFactory&lt;T&gt;</c>, for migrations).</summary>
        public const string DesignTime = "designTime";

        /// <summary>The tables a SQL statement names (INV4008): <c>dbo.Orders, OrderLines</c>.</summary>
        public const string Tables = "tables";

        /// <summary>A SQL statement's verb: <c>select</c>, <c>insert</c>, <c>update</c>, <c>delete</c>, <c>merge</c>, <c>exec</c>…</summary>
        public const string Statement = "statement";

        /// <summary>The stored procedure a statement runs (<c>exec dbo.usp_Close</c>, or a command of type StoredProcedure).</summary>
        public const string Procedure = "procedure";

        /// <summary>What a store is used for beyond its kind's plain use: <c>distributed-cache</c>, <c>output-cache</c>, <c>signalr-backplane</c>.</summary>
        public const string StoreUse = "storeUse";

        /// <summary>
        /// <c>server</c> for a store finding that names a server and none of its databases (a MongoDB client): components
        /// reaching one server each with its own databases share no data there.
        /// </summary>
        public const string StoreScope = "storeScope";

        /// <summary>
        /// The repository's folders a compose service mounts (<c>;</c>-separated, relative to the compose file): files read
        /// from them, such as a gateway's routes, are its component's configuration.
        /// </summary>
        public const string Volumes = "volumes";

        /// <summary>
        /// The container images a deployed service runs (<c>;</c>-separated): of the workloads a Kubernetes Service selects
        /// (INV1017), or a compose service's <c>image:</c> (INV1016), its variables' defaults substituted.
        /// </summary>
        public const string Images = "images";

        /// <summary>The Kubernetes namespace a Service is declared in, when its manifest names one.</summary>
        public const string Namespace = "namespace";

        /// <summary>
        /// The client a store is reached through when the client was made elsewhere (injected): <c>IConnectionMultiplexer</c>
        /// of <c>redis.GetDatabase()</c>, <c>BlobServiceClient</c> of <c>GetBlobContainerClient("thumbnails")</c>. The scanner
        /// gives the finding the store of that client's connection in the scan.
        /// </summary>
        public const string StoreClient = "storeClient";

        /// <summary>
        /// A broker client that travels through dependency injection: on a send or receive, the type of the injected client
        /// it goes through (<c>QueueClient</c>); on an INV2014 declaration, the type a DI factory registers. The scanner
        /// gives the send the channel of the registration with the same type and <see cref="ServiceKey"/>.
        /// </summary>
        public const string BrokerClient = "brokerClient";

        /// <summary>
        /// A publish inside the application's own publisher: the members it is reached through, <c>Type.Method</c>, separated by
        /// <c>;</c> (<c>AzureServiceBusService.PublishEventAsync;IEventIntegrationPublisher.PublishEventAsync</c>).
        /// </summary>
        public const string Implements = "implements";

        /// <summary>A call of an application's member named like a publish (INV2015): the member, <c>IEventIntegrationPublisher.PublishEventAsync</c>.</summary>
        public const string Calls = "calls";

        /// <summary>
        /// A finding inside a method: the method's parameters, <c>name=ordinal</c> separated by <c>,</c>, so that a target
        /// built from one (<c>{topicName}</c>) can be named by a caller's argument.
        /// </summary>
        public const string Parameters = "parameters";

        /// <summary>A call of a wrapper (INV2015): the text its arguments resolve to, one <c>ordinal=value</c> a line.</summary>
        public const string Arguments = "arguments";

        /// <summary>A registration (INV2016): the hosted service's class, <c>Ns.ApplicationCacheHostedService</c>, or the implementation a wrapper is registered with.</summary>
        public const string Registers = "registers";

        /// <summary>A wrapper's registration (INV2016): the service the implementation is registered as, <c>IEventIntegrationPublisher</c>.</summary>
        public const string Service = "service";

        /// <summary>
        /// A hosted-service registration made inside the application's own registration method (<c>AddRabbitMqListeners</c>):
        /// that method, <c>Type.Method</c>, whose calls in the hosts are where the service is wired.
        /// </summary>
        public const string RegisteredIn = "registeredIn";

        /// <summary>A publish through the application's own publisher: the member called and where its implementation publishes.</summary>
        public const string Via = "via";

        /// <summary>The DI service key of a keyed client (<c>[FromKeyedServices("notifications")]</c>, <c>AddKeyedSingleton("notifications", …)</c>); empty when unkeyed.</summary>
        public const string ServiceKey = "serviceKey";

        /// <summary>The context class a database finding belongs to: <c>OrderingContext</c> of <c>AddDbContext&lt;OrderingContext&gt;</c> or <c>OnConfiguring</c>.</summary>
        public const string DbContext = "dbContext";

        /// <summary>What an operations finding is about: <c>health-check</c>, <c>telemetry</c>, <c>outbound-auth</c>.</summary>
        public const string Facet = "facet";

        /// <summary>A health check's reach: <c>dependency</c> (a database, broker or URL), <c>liveness</c>, or the <c>endpoint</c> serving them.</summary>
        public const string CheckScope = "checkScope";
    }

    /// <summary>Values of <see cref="FindingProperties.Kind"/>.</summary>
    public static class FindingKinds
    {
        public const string HttpClient = "http-client";

        /// <summary>An Aspire AppHost project resource: names a service of the scan and what it references.</summary>
        public const string ServiceResource = "service-resource";

        /// <summary>An Aspire AppHost's <c>WithReference</c> of a service resource (INV1013): a dependency the AppHost declares.</summary>
        public const string ServiceReference = "service-reference";

        /// <summary>A call to a WCF/SOAP service: target is the endpoint address, operation the contract's operation.</summary>
        public const string SoapClient = "soap-client";

        /// <summary>A SignalR client connection to a hub: target is the hub URL.</summary>
        public const string SignalRClient = "signalr-client";

        /// <summary>A call through a generated gRPC client: target <c>https://host/package.Service/Method</c>.</summary>
        public const string GrpcClient = "grpc-client";

        /// <summary>A practice to change (a hard-coded URL, a per-call HttpClient): a warning, not an integration.</summary>
        public const string AntiPattern = "anti-pattern";

        /// <summary>An <c>AddHttpClient</c> registration: a fact about the clients, not a call.</summary>
        public const string HttpClientRegistration = "http-client-registration";
        public const string QueuePublish = "queue-publish";
        public const string QueueConsume = "queue-consume";

        /// <summary>A queue bound to an exchange: joins the exchange's publishers to the queue's consumers.</summary>
        public const string QueueBinding = "queue-binding";

        /// <summary>
        /// A call of an application's member named like a publish (INV2015): not an integration by itself; the scanner makes it
        /// a <see cref="QueuePublish"/> when the member's implementation publishes to a broker, and drops it otherwise.
        /// </summary>
        public const string WrapperCall = "wrapper-call";

        /// <summary>
        /// Where a hosted service is registered, or a call of a registration method that registers some (INV2016): not an
        /// integration; the scanner makes the registration sites of a consuming hosted service the consumers of their hosts.
        /// </summary>
        public const string HostedServiceWiring = "hosted-service-wiring";

        /// <summary>A queue or exchange the code declares (RabbitMQ): topology, with durability and dead-lettering; not an integration.</summary>
        public const string QueueDeclaration = "queue-declaration";
        public const string Secret = "secret";

        /// <summary>A retry, dead-letter, confirm, outbox or idempotence setting: a fact for the maturity model, not an integration.</summary>
        public const string MessagingReliability = "messaging-reliability";

        /// <summary>A readiness fact of a component's data stores (INV4006): retries, migrations, TLS on mail, an in-memory test store.</summary>
        public const string DataStoreFact = "data-store-fact";

        /// <summary>SQL a component issues (INV4008): through Dapper, EF Core's raw SQL, EF6 or an ADO.NET command, with the tables it names.</summary>
        public const string SqlStatement = "sql-statement";

        /// <summary>An API gateway hosted by the component (Ocelot, YARP): target <c>gateway:ocelot</c>; its routes follow as <see cref="GatewayRoute"/>.</summary>
        public const string Gateway = "gateway";

        /// <summary>Where an API gateway forwards requests: target is the downstream address, <c>upstream</c> the path it answers on.</summary>
        public const string GatewayRoute = "gateway-route";

        /// <summary>A database the component connects to (ADO.NET, EF Core, MongoDB, Cosmos DB): target <c>sqlserver:host/db</c>, never a credential.</summary>
        public const string Database = "database";

        /// <summary>A cache the component connects to (Redis): target <c>redis:host</c>.</summary>
        public const string Cache = "cache";

        /// <summary>Object storage: Azure Blob (<c>azure-blob:account</c>) or Amazon S3.</summary>
        public const string BlobStorage = "blob-storage";

        /// <summary>Mail sent: an SMTP client (<c>smtp:host</c>), SendGrid, Amazon SES.</summary>
        public const string Smtp = "smtp";

        /// <summary>A health check, telemetry or outbound credential (see <see cref="FindingProperties.Facet"/>): a fact for the maturity model.</summary>
        public const string Operations = "operations";
    }

    /// <summary>Values of <see cref="FindingProperties.Confidence"/>.</summary>
    public static class Confidence
    {
        public const string High = "high";
        public const string Medium = "medium";
        public const string Low = "low";

        /// <summary>The less certain of two confidences: a finding joined from two others is as sure as the weaker.</summary>
        public static string Lower(string a, string b) => Rank(a) <= Rank(b) ? a : b;

        private static int Rank(string confidence) => confidence switch
        {
            Low => 0,
            Medium => 1,
            _ => 2,
        };
    }

    /// <summary>Values of <see cref="FindingProperties.TargetSource"/>.</summary>
    public static class TargetSources
    {
        public const string Literal = "literal";
        public const string Constant = "constant";
        public const string Interpolated = "interpolated";
        public const string BaseAddress = "base-address";
        public const string Configuration = "configuration";
        public const string Environment = "environment";

        /// <summary>The store of an injected client's connection, made elsewhere in the scan (<see cref="FindingProperties.StoreClient"/>).</summary>
        public const string StoreClient = "store-client";

        /// <summary>The channel of an injected broker client's DI registration, made elsewhere in the scan (<see cref="FindingProperties.BrokerClient"/>).</summary>
        public const string BrokerClient = "broker-client";

        /// <summary>The channel is the message's type (service buses route by type).</summary>
        public const string MessageType = "message-type";
        public const string Unresolved = "unresolved";
    }
}
