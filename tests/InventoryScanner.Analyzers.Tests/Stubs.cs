namespace InventoryScanner.Analyzers.Tests;

/// <summary>Small stand-ins for third-party APIs, declared in their real namespaces.</summary>
internal static class Stubs
{
    public const string RabbitMq6 = """
        namespace RabbitMQ.Client
        {
            using System;
            using System.Collections.Generic;
            public interface IBasicProperties { }
            public interface IBasicConsumer { }
            public interface IModel : IDisposable
            {
                void BasicPublish(string exchange, string routingKey, bool mandatory, IBasicProperties basicProperties, ReadOnlyMemory<byte> body);
                string BasicConsume(string queue, bool autoAck, string consumerTag, bool noLocal, bool exclusive, IDictionary<string, object> arguments, IBasicConsumer consumer);
                void QueueBind(string queue, string exchange, string routingKey, IDictionary<string, object> arguments);
                object QueueDeclare(string queue, bool durable, bool exclusive, bool autoDelete, IDictionary<string, object> arguments);
                void ExchangeDeclare(string exchange, string type, bool durable, bool autoDelete, IDictionary<string, object> arguments);
            }
            public static class IModelExensions
            {
                public static void BasicPublish(this IModel model, string exchange, string routingKey, IBasicProperties basicProperties, ReadOnlyMemory<byte> body) { }
                public static string BasicConsume(this IModel model, string queue, bool autoAck, IBasicConsumer consumer) => "";
            }
        }
        """;

    public const string RabbitMq7 = """
        namespace RabbitMQ.Client
        {
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            public interface IAsyncBasicConsumer { }
            public interface IChannel : IDisposable
            {
                ValueTask BasicPublishAsync<TProperties>(string exchange, string routingKey, bool mandatory, TProperties basicProperties, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default);
                Task QueueBindAsync(string queue, string exchange, string routingKey, System.Collections.Generic.IDictionary<string, object> arguments = null, bool noWait = false, CancellationToken cancellationToken = default);
                Task<object> QueueDeclareAsync(string queue = "", bool durable = false, bool exclusive = true, bool autoDelete = true, System.Collections.Generic.IDictionary<string, object> arguments = null, bool passive = false, bool noWait = false, CancellationToken cancellationToken = default);
                Task ExchangeDeclareAsync(string exchange, string type, bool durable = false, bool autoDelete = false, System.Collections.Generic.IDictionary<string, object> arguments = null, bool passive = false, bool noWait = false, CancellationToken cancellationToken = default);
            }
            public static class IChannelExtensions
            {
                public static ValueTask BasicPublishAsync(this IChannel channel, string exchange, string routingKey, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default) => default;
                public static Task<string> BasicConsumeAsync(this IChannel channel, string queue, bool autoAck, IAsyncBasicConsumer consumer, CancellationToken cancellationToken = default) => Task.FromResult("");
            }
        }
        """;

    public const string Configuration = """
        namespace Microsoft.Extensions.Configuration
        {
            public interface IConfiguration
            {
                string this[string key] { get; set; }
                IConfigurationSection GetSection(string key);
            }
            public interface IConfigurationSection : IConfiguration
            {
                string Value { get; set; }
            }
            public interface IConfigurationRoot : IConfiguration { }
            public static class ConfigurationBinder
            {
                public static T GetValue<T>(this IConfiguration configuration, string key) => default!;
                public static T Get<T>(this IConfiguration configuration) => default!;
            }
            public static class ConfigurationExtensions
            {
                public static string GetConnectionString(this IConfiguration configuration, string name) => configuration.GetSection("ConnectionStrings")[name];
                public static IConfigurationSection GetRequiredSection(this IConfiguration configuration, string key) => configuration.GetSection(key);
            }
        }
        """;

    public const string HttpClientFactory = """
        namespace Microsoft.Extensions.DependencyInjection
        {
            using System;
            using System.Net.Http;
            public interface IServiceCollection { }
            public interface IHttpClientBuilder { }
            public static class HttpClientFactoryServiceCollectionExtensions
            {
                public static IHttpClientBuilder AddHttpClient(this IServiceCollection services, string name) => null!;
                public static IHttpClientBuilder AddHttpClient(this IServiceCollection services, string name, Action<HttpClient> configureClient) => null!;
                public static IHttpClientBuilder AddHttpClient<TClient>(this IServiceCollection services) where TClient : class => null!;
                public static IHttpClientBuilder AddHttpClient<TClient>(this IServiceCollection services, Action<HttpClient> configureClient) where TClient : class => null!;
                public static IHttpClientBuilder AddHttpClient<TClient, TImplementation>(this IServiceCollection services, Action<IServiceProvider, HttpClient> configureClient) where TClient : class where TImplementation : class, TClient => null!;
            }
            public static class HttpClientBuilderExtensions
            {
                public static IHttpClientBuilder ConfigureHttpClient(this IHttpClientBuilder builder, Action<HttpClient> configureClient) => builder;
            }
            public static class ResilienceHttpClientBuilderExtensions
            {
                public static IHttpClientBuilder AddStandardResilienceHandler(this IHttpClientBuilder builder) => builder;
            }
        }
        namespace System.Net.Http
        {
            public interface IHttpClientFactory { HttpClient CreateClient(string name); }
            public static class HttpClientFactoryExtensions
            {
                public static HttpClient CreateClient(this IHttpClientFactory factory) => factory.CreateClient("");
            }
        }
        """;

    public const string RestSharp = """
        namespace RestSharp
        {
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            public enum Method { Get, Post, Put, Delete, Head, Options, Patch }
            public class RestResponse { }
            public class RestRequest
            {
                public RestRequest(string resource = null, Method method = Method.Get) { }
                public RestRequest(Uri resource, Method method = Method.Get) { }
                public RestRequest AddHeader(string name, string value) => this;
            }
            public class RestClientOptions
            {
                public RestClientOptions() { }
                public RestClientOptions(string baseUrl) { }
                public Uri BaseUrl { get; set; }
            }
            public interface IRestClient
            {
                Task<RestResponse> ExecuteAsync(RestRequest request, CancellationToken cancellationToken = default);
            }
            public class RestClient : IRestClient
            {
                public RestClient(string baseUrl) { }
                public RestClient(Uri baseUrl) { }
                public RestClient(RestClientOptions options) { }
                public Task<RestResponse> ExecuteAsync(RestRequest request, CancellationToken cancellationToken = default) => null!;
            }
            public static class RestClientExtensions
            {
                public static Task<RestResponse> GetAsync(this IRestClient client, RestRequest request, CancellationToken cancellationToken = default) => null!;
                public static Task<RestResponse> ExecuteGetAsync(this IRestClient client, RestRequest request, CancellationToken cancellationToken = default) => null!;
                public static Task<TResponse> GetJsonAsync<TResponse>(this IRestClient client, string resource, CancellationToken cancellationToken = default) => null!;
                public static Task<TResponse> PostJsonAsync<TRequest, TResponse>(this IRestClient client, string resource, TRequest request, CancellationToken cancellationToken = default) => null!;
            }
        }
        """;

    public const string Flurl = """
        namespace Flurl
        {
            public class Url
            {
                public Url(string baseUrl) { }
                public static implicit operator Url(string url) => new Url(url);
            }
            public static class GeneratedExtensions
            {
                public static Url AppendPathSegment(this string url, object segment, bool fullyEncode = false) => null!;
                public static Url AppendPathSegment(this Url url, object segment, bool fullyEncode = false) => null!;
                public static Url AppendPathSegments(this string url, params object[] segments) => null!;
                public static Url SetQueryParam(this Url url, string name, object value) => null!;
            }
        }
        namespace Flurl.Http
        {
            using System.Threading.Tasks;
            public interface IFlurlRequest { }
            public interface IFlurlResponse { }
            public interface IFlurlClient { IFlurlRequest Request(params object[] urlSegments); }
            public class FlurlClient : IFlurlClient
            {
                public FlurlClient(string baseUrl = null) { }
                public IFlurlRequest Request(params object[] urlSegments) => null!;
            }
            public static class GeneratedExtensions
            {
                public static IFlurlRequest WithOAuthBearerToken(this Url url, string token) => null!;
                public static Task<T> GetJsonAsync<T>(this IFlurlRequest request) => null!;
                public static Task<string> GetStringAsync(this IFlurlRequest request) => null!;
                public static Task<IFlurlResponse> GetAsync(this Url url) => null!;
                public static Task<IFlurlResponse> PostJsonAsync(this Url url, object body) => null!;
            }
        }
        """;

    public const string Refit = """
        namespace Refit
        {
            using System;
            [AttributeUsage(AttributeTargets.Method)]
            public abstract class HttpMethodAttribute : Attribute
            {
                protected HttpMethodAttribute(string path) => Path = path;
                public string Path { get; }
            }
            public sealed class GetAttribute : HttpMethodAttribute { public GetAttribute(string path) : base(path) { } }
            public sealed class PostAttribute : HttpMethodAttribute { public PostAttribute(string path) : base(path) { } }
            public static class RestService
            {
                public static T For<T>(string hostUrl) => default!;
                public static T For<T>(System.Net.Http.HttpClient client) => default!;
            }
            public static class HttpClientFactoryExtensions
            {
                public static Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddRefitClient<T>(this Microsoft.Extensions.DependencyInjection.IServiceCollection services) where T : class => null!;
            }
        }
        """;

    public const string Grpc = """
        namespace Grpc.Core
        {
            public struct CallOptions { }
            public sealed class Metadata { }
            public abstract class ChannelBase { }
            public abstract class ClientBase { }
            public abstract class ClientBase<T> : ClientBase where T : ClientBase<T>
            {
                protected ClientBase(ChannelBase channel) { }
            }
            public sealed class AsyncUnaryCall<T> { }
        }
        namespace Grpc.Net.Client
        {
            public sealed class GrpcChannel : Grpc.Core.ChannelBase
            {
                public static GrpcChannel ForAddress(string address) => null!;
            }
        }
        namespace Grpc.Net.ClientFactory
        {
            public sealed class GrpcClientFactoryOptions { public System.Uri Address { get; set; } = null!; }
        }
        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class GrpcClientServiceExtensions
            {
                public static IHttpClientBuilder AddGrpcClient<TClient>(this IServiceCollection services, System.Action<Grpc.Net.ClientFactory.GrpcClientFactoryOptions> configure) where TClient : class => null!;
            }
        }
        namespace Greet
        {
            public sealed class HelloRequest { }
            public sealed class HelloReply { }
            public static partial class Greeter
            {
                static readonly string __ServiceName = "greet.Greeter";
                public partial class GreeterClient : Grpc.Core.ClientBase<GreeterClient>
                {
                    public GreeterClient(Grpc.Core.ChannelBase channel) : base(channel) { }
                    public virtual HelloReply SayHello(HelloRequest request, Grpc.Core.Metadata headers = null, System.DateTime? deadline = null, System.Threading.CancellationToken cancellationToken = default) => null!;
                    public virtual Grpc.Core.AsyncUnaryCall<HelloReply> SayHelloAsync(HelloRequest request, Grpc.Core.CallOptions options) => null!;
                    public string Describe() => string.Empty;
                }
            }
        }
        """;
}
