using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace InventoryScanner.Analyzers.Http
{
    /// <summary>
    /// What the HTTP rules know of each client library, in one place: the types a call is made on (metadata names, also
    /// in <see cref="KnownTypeNames"/>), the method names that send a request, the registrations that make a client and
    /// the handlers that make it resilient. The call analyzers read their names from here; a test ties them to the
    /// analyzers' trigger words, so a library added here is never skipped by the hosts' pre-filter.
    /// </summary>
    internal sealed class HttpLibrary
    {
        public HttpLibrary(string name, ImmutableArray<string> typeNames, ImmutableArray<string> requestPrefixes, bool verbNamed)
        {
            Name = name;
            TypeNames = typeNames;
            RequestPrefixes = requestPrefixes;
            VerbNamed = verbNamed;
        }

        public string Name { get; }

        public ImmutableArray<string> TypeNames { get; }

        /// <summary>Method name prefixes that send a request (<c>Download</c>: DownloadString, DownloadDataTaskAsync…).</summary>
        public ImmutableArray<string> RequestPrefixes { get; }

        /// <summary>Whether a method named after an HTTP verb (GetAsync, PostJsonAsync, ExecuteGetAsync) sends a request too.</summary>
        public bool VerbNamed { get; }

        public IEnumerable<string> SimpleTypeNames => TypeNames.Select(t => t.Substring(t.LastIndexOf('.') + 1));

        public bool SendsRequest(string methodName) =>
            RequestPrefixes.Any(prefix => methodName.StartsWith(prefix, StringComparison.Ordinal))
            || (VerbNamed && HttpVerbs.FromMethodName(methodName) is not null);

        public static readonly HttpLibrary WebClient = new HttpLibrary(
            "System.Net.WebClient", ImmutableArray.Create(KnownTypeNames.System_Net_WebClient), ImmutableArray.Create("Download", "Upload", "OpenRead", "OpenWrite"), verbNamed: false);

        /// <summary>WebRequest's factories: the request is made where it is created.</summary>
        public static readonly HttpLibrary WebRequest = new HttpLibrary(
            "System.Net.HttpWebRequest", ImmutableArray.Create(KnownTypeNames.System_Net_WebRequest), ImmutableArray.Create("Create", "CreateHttp", "CreateDefault"), verbNamed: false);

        public static readonly HttpLibrary RestSharp = new HttpLibrary(
            "RestSharp", ImmutableArray.Create(KnownTypeNames.RestSharp_RestClient, KnownTypeNames.RestSharp_IRestClient), ImmutableArray.Create("Execute", "Download"), verbNamed: true);

        public static readonly HttpLibrary Flurl = new HttpLibrary(
            "Flurl.Http", ImmutableArray.Create("Flurl.Http.IFlurlRequest", "Flurl.Http.FlurlRequest", "Flurl.Http.IFlurlClient", "Flurl.Http.FlurlClient"), ImmutableArray.Create("Send", "Download"), verbNamed: true);

        public static readonly ImmutableArray<HttpLibrary> All = ImmutableArray.Create(WebClient, WebRequest, RestSharp, Flurl);

        /// <summary>Registration methods, the type that must declare each when the call binds, and the library it stands for.</summary>
        public static readonly IReadOnlyDictionary<string, (string DeclaringType, string Library)> Registrations = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["AddHttpClient"] = (KnownTypeNames.Microsoft_Extensions_DependencyInjection_HttpClientFactoryServiceCollectionExtensions, "Microsoft.Extensions.Http"),
            ["AddRefitClient"] = ("Refit.HttpClientFactoryExtensions", "Refit"),
            ["AddGrpcClient"] = ("Microsoft.Extensions.DependencyInjection.GrpcClientServiceExtensions", "Grpc.Net.ClientFactory"),
            ["For"] = ("Refit.RestService", HttpClientRegistration.RefitRestService),
        };

        /// <summary>Words one of which a file must contain to hold a registration (For is too common: RestService stands for it).</summary>
        public static readonly ImmutableArray<string> RegistrationWords = ImmutableArray.Create("AddHttpClient", "AddRefitClient", "AddGrpcClient", "RestService");

        /// <summary>Handlers on IHttpClientBuilder that make a client resilient (Microsoft.Extensions.Http.Resilience, Polly).</summary>
        public static readonly ImmutableHashSet<string> ResilienceMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "AddStandardResilienceHandler", "AddStandardHedgingHandler", "AddResilienceHandler",
            "AddPolicyHandler", "AddTransientHttpErrorPolicy", "AddPolicyHandlerFromRegistry");
    }
}
