using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace InventoryScanner.Analyzers
{
    /// <summary>Metadata names of every type the analyzers recognise, in one place.</summary>
    internal static class KnownTypeNames
    {
        public const string System_Uri = "System.Uri";
        public const string System_Net_Http_HttpClient = "System.Net.Http.HttpClient";
        public const string System_Net_Http_HttpMessageInvoker = "System.Net.Http.HttpMessageInvoker";
        public const string System_Net_Http_HttpRequestMessage = "System.Net.Http.HttpRequestMessage";
        public const string System_Net_Http_HttpMethod = "System.Net.Http.HttpMethod";
        public const string System_Net_Http_Json_HttpClientJsonExtensions = "System.Net.Http.Json.HttpClientJsonExtensions";

        public const string System_Net_WebClient = "System.Net.WebClient";
        public const string System_Net_WebRequest = "System.Net.WebRequest";
        public const string System_Net_Http_IHttpClientFactory = "System.Net.Http.IHttpClientFactory";
        public const string System_Net_Http_HttpClientFactoryExtensions = "System.Net.Http.HttpClientFactoryExtensions";
        public const string Microsoft_Extensions_DependencyInjection_HttpClientFactoryServiceCollectionExtensions = "Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions";
        public const string System_Environment = "System.Environment";
        public const string System_Collections_Specialized_NameValueCollection = "System.Collections.Specialized.NameValueCollection";
        public const string System_Configuration_ConfigurationManager = "System.Configuration.ConfigurationManager";
        public const string System_Configuration_ConnectionStringSettings = "System.Configuration.ConnectionStringSettings";
        public const string Microsoft_Extensions_Configuration_IConfiguration = "Microsoft.Extensions.Configuration.IConfiguration";
        public const string Microsoft_Extensions_Configuration_ConfigurationBinder = "Microsoft.Extensions.Configuration.ConfigurationBinder";
        public const string Microsoft_Extensions_Configuration_ConfigurationExtensions = "Microsoft.Extensions.Configuration.ConfigurationExtensions";

        public const string Microsoft_EntityFrameworkCore_DbContext = "Microsoft.EntityFrameworkCore.DbContext";

        public const string RestSharp_RestClient = "RestSharp.RestClient";
        public const string RestSharp_IRestClient = "RestSharp.IRestClient";

        public const string System_ServiceModel_ClientBase_1 = "System.ServiceModel.ClientBase`1";
        public const string System_ServiceModel_ServiceContractAttribute = "System.ServiceModel.ServiceContractAttribute";
        public const string System_Web_Services_Protocols_SoapHttpClientProtocol = "System.Web.Services.Protocols.SoapHttpClientProtocol";
        public const string System_Web_Services_Protocols_HttpSimpleClientProtocol = "System.Web.Services.Protocols.HttpSimpleClientProtocol";

        public const string Grpc_Core_ClientBase = "Grpc.Core.ClientBase";
        public const string Grpc_Core_CallOptions = "Grpc.Core.CallOptions";
        public const string Grpc_Core_Metadata = "Grpc.Core.Metadata";

        public const string RabbitMQ_Client_IModel = "RabbitMQ.Client.IModel";
        public const string RabbitMQ_Client_IModelExensions = "RabbitMQ.Client.IModelExensions";
        public const string RabbitMQ_Client_IChannel = "RabbitMQ.Client.IChannel";
        public const string RabbitMQ_Client_IChannelExtensions = "RabbitMQ.Client.IChannelExtensions";
    }

    internal static class CompilationExtensions
    {
        /// <summary>
        /// Every lookup made in a compilation, shared by all the analyzers over it. A type no reference has is the
        /// expensive answer (every referenced assembly is asked, twice: see <see cref="Lookup"/>), and a dozen rules ask
        /// for the same configuration and URI types in their compilation-start actions.
        /// </summary>
        private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, INamedTypeSymbol?>> Lookups =
            new ConditionalWeakTable<Compilation, ConcurrentDictionary<string, INamedTypeSymbol?>>();

        private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, INamedTypeSymbol?>>.CreateValueCallback NewLookups =
            _ => new ConcurrentDictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);

        /// <summary>
        /// Resolves a type by metadata name, preferring the definition in the compilation itself, then one visible from it.
        /// The answer is kept for the compilation, so a second call for the same name costs a dictionary lookup.
        /// </summary>
        public static INamedTypeSymbol? GetBestTypeByMetadataName(this Compilation compilation, string metadataName)
        {
            var known = Lookups.GetValue(compilation, NewLookups);
            return known.TryGetValue(metadataName, out var type) ? type : known.GetOrAdd(metadataName, Lookup(compilation, metadataName));
        }

        private static INamedTypeSymbol? Lookup(Compilation compilation, string metadataName)
        {
#pragma warning disable RS0030 // This is the one sanctioned call site.
            var type = compilation.GetTypeByMetadataName(metadataName);
#pragma warning restore RS0030
            if (type is not null)
            {
                return type;
            }

            // Ambiguous (defined in several references): pick the one that is accessible from this assembly.
            INamedTypeSymbol? best = null;
            foreach (var candidate in compilation.GetTypesByMetadataName(metadataName))
            {
                if (!compilation.IsSymbolAccessibleWithin(candidate, compilation.Assembly))
                {
                    continue;
                }

                if (best is not null)
                {
                    return null;
                }

                best = candidate;
            }

            return best;
        }
    }
}
