namespace InventoryScanner.Analyzers
{
    /// <summary>The rule catalogue. Ranges per category are listed in IdRanges.txt; IDs are never renumbered or reused.</summary>
    public static class RuleIdentifiers
    {
        public const string HttpClientCall = "INV1001";
        public const string HttpClientRegistration = "INV1002";
        public const string HardcodedUrl = "INV1003";
        public const string HttpClientPerCall = "INV1004";
        public const string PlainHttp = "INV1005";
        public const string GrpcClientCall = "INV1006";
        public const string AspireProjectResource = "INV1007";
        public const string SignalRHubConnection = "INV1008";
        public const string WcfClientCall = "INV1009";
        public const string ApiGateway = "INV1010";
        public const string ApiGatewayRoute = "INV1011";
        public const string RequestWrapperCall = "INV1012";
        public const string AspireServiceReference = "INV1013";
        public const string AspireYarpRoute = "INV1014";
        public const string YarpForwarder = "INV1015";
        public const string ComposeService = "INV1016";
        public const string KubernetesService = "INV1017";
        public const string RabbitMqPublish = "INV2001";
        public const string RabbitMqConsume = "INV2002";
        public const string RabbitMqAutoAck = "INV2003";
        public const string RabbitMqBinding = "INV2004";
        public const string BrokerPublish = "INV2005";
        public const string BrokerConsume = "INV2006";
        public const string BusSend = "INV2007";
        public const string BusHandler = "INV2008";
        public const string MessagingReliability = "INV2009";
        public const string RabbitMqUnhandledFailure = "INV2010";
        public const string ConsumerUnhandledFailure = "INV2011";
        public const string RabbitMqDeclaration = "INV2012";
        public const string BusReceiveEndpoint = "INV2013";
        public const string BrokerChannelClient = "INV2014";
        public const string WrapperCall = "INV2015";
        public const string HostedServiceWiring = "INV2016";
        public const string HealthCheck = "INV3001";
        public const string Telemetry = "INV3002";
        public const string OutboundAuthentication = "INV3003";
        public const string DatabaseConnection = "INV4001";
        public const string CacheConnection = "INV4002";
        public const string ObjectStorage = "INV4003";
        public const string MailSent = "INV4004";

        /// <summary>The scanner's own rule (a fact of two components, which no compilation sees): integration through a shared data store.</summary>
        public const string SharedDataStore = "INV4005";
        public const string DataStoreReadiness = "INV4006";
        public const string ConnectionNotDisposed = "INV4007";
        public const string SqlStatement = "INV4008";
        public const string HardcodedCredential = "INV9001";

        /// <summary>Where the project lives: the SARIF driver's information URI, and the root of every rule's help page.</summary>
        public const string RepositoryUri = "https://github.com/inventory-scanner/InventoryScanner";

        public static string GetHelpUri(string id) =>
            RepositoryUri + "/blob/main/analyzers/docs/rules/" + id + ".md";
    }
}
