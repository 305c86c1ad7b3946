using System.Collections.Immutable;

namespace InventoryScanner.Analyzers.Operations
{
    /// <summary>Values of <see cref="FindingProperties.Facet"/>: what an operations finding says about its component.</summary>
    public static class OperationalFacets
    {
        /// <summary>A health check: of a dependency (a database, a broker, a URL), a liveness check, or the endpoint that serves them.</summary>
        public const string HealthCheck = "health-check";

        /// <summary>Traces or metrics exported: OpenTelemetry, Application Insights, Azure Monitor, Prometheus.</summary>
        public const string Telemetry = "telemetry";

        /// <summary>Credentials attached to outbound calls: a bearer token, an API key header, a token handler, a managed identity.</summary>
        public const string OutboundAuth = "outbound-auth";
    }

    /// <summary>Values of <see cref="FindingProperties.CheckScope"/> for a health check.</summary>
    public static class CheckScopes
    {
        public const string Dependency = "dependency";
        public const string Liveness = "liveness";
        public const string Endpoint = "endpoint";
    }

    /// <summary>
    /// One member that wires an operational practice: its name, where it must be declared when the call binds (a
    /// namespace or assembly name prefix, or null for a convention of the application's own code, matched by name), the
    /// library, the facet, and what the finding names as its target.
    /// </summary>
    internal sealed class OperationalApi
    {
        public OperationalApi(string member, string? declaredIn, string library, string facet, string target, string? scope = null)
        {
            Member = member;
            DeclaredIn = declaredIn;
            Library = library;
            Facet = facet;
            Target = target;
            Scope = scope;
        }

        public string Member { get; }

        /// <summary>
        /// A prefix of the declaring type's namespace or of its assembly's name. Null for conventions that live in the
        /// application itself (the Aspire template's <c>AddServiceDefaults</c>): those are matched by name, medium confidence.
        /// </summary>
        public string? DeclaredIn { get; }

        public string Library { get; }

        public string Facet { get; }

        public string Target { get; }

        public string? Scope { get; }

        /// <summary>The catalogue: every call the rule knows, one table for the three facets.</summary>
        public static readonly ImmutableArray<OperationalApi> Calls = ImmutableArray.Create(
            // Health checks (Microsoft.Extensions.Diagnostics.HealthChecks; the checks of the AspNetCore.HealthChecks.* packages
            // are any other Add… on IHealthChecksBuilder, found by the builder type, not listed here).
            new OperationalApi("AddHealthChecks", "Microsoft.Extensions.Diagnostics.HealthChecks", "Microsoft.Extensions.Diagnostics.HealthChecks", OperationalFacets.HealthCheck, "health:registration", CheckScopes.Liveness),
            new OperationalApi("MapHealthChecks", "Microsoft.AspNetCore.Diagnostics.HealthChecks", "Microsoft.AspNetCore.Diagnostics.HealthChecks", OperationalFacets.HealthCheck, "health:endpoint", CheckScopes.Endpoint),
            new OperationalApi("UseHealthChecks", "Microsoft.AspNetCore.Diagnostics.HealthChecks", "Microsoft.AspNetCore.Diagnostics.HealthChecks", OperationalFacets.HealthCheck, "health:endpoint", CheckScopes.Endpoint),
            new OperationalApi("AddDefaultHealthChecks", null, "Aspire service defaults", OperationalFacets.HealthCheck, "health:registration", CheckScopes.Liveness),

            // Telemetry.
            new OperationalApi("AddOpenTelemetry", "OpenTelemetry", "OpenTelemetry", OperationalFacets.Telemetry, "telemetry:opentelemetry"),
            new OperationalApi("AddOpenTelemetryTracing", "OpenTelemetry", "OpenTelemetry", OperationalFacets.Telemetry, "telemetry:opentelemetry"),
            new OperationalApi("AddOpenTelemetryMetrics", "OpenTelemetry", "OpenTelemetry", OperationalFacets.Telemetry, "telemetry:opentelemetry"),
            new OperationalApi("CreateTracerProviderBuilder", "OpenTelemetry", "OpenTelemetry", OperationalFacets.Telemetry, "telemetry:opentelemetry"),
            new OperationalApi("CreateMeterProviderBuilder", "OpenTelemetry", "OpenTelemetry", OperationalFacets.Telemetry, "telemetry:opentelemetry"),
            new OperationalApi("UseAzureMonitor", "Azure.Monitor", "Azure.Monitor.OpenTelemetry.AspNetCore", OperationalFacets.Telemetry, "telemetry:azure-monitor"),
            new OperationalApi("AddApplicationInsightsTelemetry", "Microsoft.ApplicationInsights", "Microsoft.ApplicationInsights.AspNetCore", OperationalFacets.Telemetry, "telemetry:application-insights"),
            new OperationalApi("AddApplicationInsightsTelemetryWorkerService", "Microsoft.ApplicationInsights", "Microsoft.ApplicationInsights.WorkerService", OperationalFacets.Telemetry, "telemetry:application-insights"),
            new OperationalApi("UseHttpMetrics", "Prometheus", "prometheus-net", OperationalFacets.Telemetry, "telemetry:prometheus"),
            new OperationalApi("MapMetrics", "Prometheus", "prometheus-net", OperationalFacets.Telemetry, "telemetry:prometheus"),
            new OperationalApi("ConfigureOpenTelemetry", null, "Aspire service defaults", OperationalFacets.Telemetry, "telemetry:opentelemetry"),

            // The Aspire template's one call: telemetry, health checks, service discovery and resilience together.
            new OperationalApi("AddServiceDefaults", null, "Aspire service defaults", OperationalFacets.Telemetry, "telemetry:opentelemetry"),
            new OperationalApi("AddServiceDefaults", null, "Aspire service defaults", OperationalFacets.HealthCheck, "health:registration", CheckScopes.Liveness),

            // Credentials on outbound calls.
            new OperationalApi("SetBearerToken", "IdentityModel", "IdentityModel", OperationalFacets.OutboundAuth, "auth:bearer-token"),
            new OperationalApi("SetBasicAuthentication", "IdentityModel", "IdentityModel", OperationalFacets.OutboundAuth, "auth:basic"),
            new OperationalApi("AddClientCredentialsTokenHandler", "Duende", "Duende.AccessTokenManagement", OperationalFacets.OutboundAuth, "auth:client-credentials"),
            new OperationalApi("AddClientCredentialsTokenHandler", "IdentityModel", "IdentityModel.AspNetCore", OperationalFacets.OutboundAuth, "auth:client-credentials"),
            new OperationalApi("AddUserAccessTokenHandler", "Duende", "Duende.AccessTokenManagement", OperationalFacets.OutboundAuth, "auth:user-token"),
            new OperationalApi("AddUserAccessTokenHandler", "IdentityModel", "IdentityModel.AspNetCore", OperationalFacets.OutboundAuth, "auth:user-token"),
            new OperationalApi("AddClientAccessTokenHandler", "IdentityModel", "IdentityModel.AspNetCore", OperationalFacets.OutboundAuth, "auth:client-credentials"),
            new OperationalApi("AddCallCredentials", "Grpc", "Grpc.Net.ClientFactory", OperationalFacets.OutboundAuth, "auth:grpc-call-credentials"),
            new OperationalApi("FromInterceptor", "Grpc", "Grpc.Core.Api", OperationalFacets.OutboundAuth, "auth:grpc-call-credentials"));

        /// <summary>Credentials created for outbound calls: Azure.Identity's token credentials, RestSharp's authenticators.</summary>
        public static readonly ImmutableArray<OperationalApi> Creations = ImmutableArray.Create(
            new OperationalApi("DefaultAzureCredential", "Azure.Identity", "Azure.Identity", OperationalFacets.OutboundAuth, "auth:azure-identity"),
            new OperationalApi("ManagedIdentityCredential", "Azure.Identity", "Azure.Identity", OperationalFacets.OutboundAuth, "auth:azure-identity"),
            new OperationalApi("WorkloadIdentityCredential", "Azure.Identity", "Azure.Identity", OperationalFacets.OutboundAuth, "auth:azure-identity"),
            new OperationalApi("ClientSecretCredential", "Azure.Identity", "Azure.Identity", OperationalFacets.OutboundAuth, "auth:azure-identity"),
            new OperationalApi("ClientCertificateCredential", "Azure.Identity", "Azure.Identity", OperationalFacets.OutboundAuth, "auth:azure-identity"),
            new OperationalApi("ChainedTokenCredential", "Azure.Identity", "Azure.Identity", OperationalFacets.OutboundAuth, "auth:azure-identity"),
            new OperationalApi("JwtAuthenticator", "RestSharp", "RestSharp", OperationalFacets.OutboundAuth, "auth:bearer-token"),
            new OperationalApi("HttpBasicAuthenticator", "RestSharp", "RestSharp", OperationalFacets.OutboundAuth, "auth:basic"),
            new OperationalApi("OAuth2AuthorizationRequestHeaderAuthenticator", "RestSharp", "RestSharp", OperationalFacets.OutboundAuth, "auth:oauth2"),
            new OperationalApi("OAuth1Authenticator", "RestSharp", "RestSharp", OperationalFacets.OutboundAuth, "auth:oauth1"));

        /// <summary>
        /// Properties whose assignment attaches credentials: (property, declaring namespace prefix, library, target). The
        /// <c>Authorization</c> header of an <c>HttpClient</c> or request, Refit's token getter, RestSharp's authenticator.
        /// </summary>
        public static readonly ImmutableArray<(string Property, string Namespace, string Library, string Target)> Assignments = ImmutableArray.Create(
            ("Authorization", "System.Net.Http.Headers", "System.Net.Http", "auth:authorization-header"),
            ("AuthorizationHeaderValueGetter", "Refit", "Refit", "auth:authorization-header"),
            ("Authenticator", "RestSharp", "RestSharp", "auth:authenticator"));

        /// <summary>Header names that carry a credential when an outbound request or client adds them.</summary>
        public static readonly ImmutableHashSet<string> CredentialHeaders = ImmutableHashSet.Create(
            System.StringComparer.OrdinalIgnoreCase,
            "Authorization", "X-Api-Key", "Api-Key", "ApiKey", "X-API-Token", "Ocp-Apim-Subscription-Key", "X-Functions-Key", "X-Auth-Token");

        /// <summary>Words in the name of a delegating handler (<c>AddHttpMessageHandler&lt;BearerTokenHandler&gt;</c>) that say it authenticates.</summary>
        /// <summary>
        /// The store a dependency check of the AspNetCore.HealthChecks.* packages checks, by its method (whatever the check
        /// is named): the maturity model asks that each store a component uses has one. <c>AddDbContextCheck&lt;T&gt;</c>
        /// checks the context's database, whatever its provider.
        /// </summary>
        public static readonly ImmutableDictionary<string, string> CheckedStores = new System.Collections.Generic.Dictionary<string, string>
        {
            ["AddNpgSql"] = "postgres", ["AddSqlServer"] = "sqlserver", ["AddMySql"] = "mysql", ["AddOracle"] = "oracle", ["AddSqlite"] = "sqlite",
            ["AddRedis"] = "redis", ["AddMongoDb"] = "mongodb", ["AddCosmosDb"] = "cosmos", ["AddAzureCosmosDB"] = "cosmos",
            ["AddAzureBlobStorage"] = "azure-blob", ["AddAzureTableStorage"] = "azure-table", ["AddAzureFileShare"] = "azure-files",
            ["AddElasticsearch"] = "elasticsearch", ["AddDynamoDb"] = "dynamodb", ["AddS3"] = "s3", ["AddMemcached"] = "memcached",
            ["AddSmtpHealthCheck"] = "smtp", ["AddFtpHealthCheck"] = "ftp", ["AddSftpHealthCheck"] = "sftp",
        }.ToImmutableDictionary();

        public static readonly ImmutableArray<string> AuthHandlerWords = ImmutableArray.Create("Auth", "Token", "Bearer", "ApiKey", "Credential", "Jwt");
    }
}
