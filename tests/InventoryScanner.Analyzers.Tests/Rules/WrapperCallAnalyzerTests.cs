using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>INV2015: calls of the application's own publishers, and the members a broker publish is reached through.</summary>
public sealed class WrapperCallAnalyzerTests
{
    private const string Publisher = """
        using System.Threading.Tasks;
        using Azure.Messaging.ServiceBus;
        namespace Contoso.Events
        {
            public interface IIntegrationPublisher
            {
                Task PublishEventAsync(string body);
                Task PublishToRetryAsync(string body);
            }
            public sealed class ServiceBusIntegrationPublisher : IIntegrationPublisher
            {
                private readonly ServiceBusSender _events;
                public ServiceBusIntegrationPublisher(ServiceBusClient client) { _events = client.CreateSender("integration-events"); }
                public Task PublishEventAsync(string body) => _events.SendMessageAsync(new ServiceBusMessage(body));
                public Task PublishToRetryAsync(string body) => SendScheduledAsync(body);
                private Task SendScheduledAsync(string body) => _events.SendMessageAsync(new ServiceBusMessage(body));
            }
        }
        """;

    private const string Callers = """
        using System.Threading.Tasks;
        using Contoso.Events;
        namespace Contoso.Orders
        {
            public interface IAuditLog { Task PublishAsync(string line); }
            public sealed class OrderService(IIntegrationPublisher publisher, IAuditLog audit)
            {
                public async Task PlaceAsync(string order)
                {
                    await publisher.PublishEventAsync(order);
                    await publisher.PublishToRetryAsync(order);
                    await audit.PublishAsync(order);
                    await Task.Run(() => { });
                    System.Console.WriteLine(order);
                    Raise(order);
                }
                private void Raise(string order) { }
            }
        }
        """;

    [Fact]
    public async Task CallsOfTheApplicationsPublishers_ShouldNameTheMember_AndItsOwnHelpersAndTheFrameworkShouldNot()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new WrapperCallAnalyzer(), Publisher, Callers, BrokerClientAnalyzerTests.BrokerStubs);

        Assert.Equal(
            ["IIntegrationPublisher.PublishEventAsync high", "IIntegrationPublisher.PublishToRetryAsync high", "IAuditLog.PublishAsync high"],
            diagnostics.Select(d => $"{d.Properties[FindingProperties.Calls]} {d.Properties[FindingProperties.Confidence]}"));
    }

    [Fact]
    public async Task CallsThroughAnInterfaceOfAProjectThatDidNotLoad_ShouldStillNameIt_WithLowConfidence()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new WrapperCallAnalyzer(), Callers);

        Assert.Equal(
            ["IIntegrationPublisher.PublishEventAsync low", "IIntegrationPublisher.PublishToRetryAsync low"],
            diagnostics.Where(d => d.Properties[FindingProperties.Calls]!.StartsWith("IIntegration", StringComparison.Ordinal))
                .Select(d => $"{d.Properties[FindingProperties.Calls]} {d.Properties[FindingProperties.Confidence]}"));
    }

    [Fact]
    public async Task CallsThatDoNotBind_BecauseAnArgumentsTypeIsMissing_ShouldStillNameTheResolvedPublisher()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new WrapperCallAnalyzer(), """
            using System.Threading.Tasks;
            public interface IRabbitPublisher { Task PublishToRetryAsync(IChannel channel, string message); }
            public sealed class Listener(IRabbitPublisher rabbit)
            {
                public Task RetryAsync(IChannel channel) => rabbit.PublishToRetryAsync(channel, "m", 3);
            }
            """);

        Assert.Equal("IRabbitPublisher.PublishToRetryAsync medium", Assert.Single(diagnostics.Select(d => $"{d.Properties[FindingProperties.Calls]} {d.Properties[FindingProperties.Confidence]}")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ConsumerWrappers_ShouldNameTheirParameters_AndTheirCallsWhatTheyPass(bool packagesResolve)
    {
        const string wrapper = """
            using Azure.Messaging.ServiceBus;
            public interface IBusService { ServiceBusProcessor CreateProcessor(string topicName, string subscriptionName); }
            public sealed class BusService(ServiceBusClient client) : IBusService
            {
                public ServiceBusProcessor CreateProcessor(string topicName, string subscriptionName) => client.CreateProcessor(topicName, subscriptionName);
                public ServiceBusProcessor Audit() => client.CreateProcessor("audit");
            }
            public sealed class Listener(IBusService bus, ListenerSettings settings)
            {
                private const string Subscription = "events-write";
                public ServiceBusProcessor Start() => bus.CreateProcessor(settings.Topic, Subscription);
            }
            public class ListenerSettings { public string Topic { get; set; } = "events"; }
            """;

        var wrapped = (await AnalyzerRunner.RunAsync(new BrokerClientAnalyzer(), packagesResolve ? [wrapper, BrokerClientAnalyzerTests.BrokerStubs] : [wrapper]))
            .Where(d => d.Id == RuleIdentifiers.BrokerConsume)
            .Select(d => $"{d.Properties[FindingProperties.Target]} {d.Properties.GetValueOrDefault(FindingProperties.Implements) ?? "-"} {d.Properties.GetValueOrDefault(FindingProperties.Parameters) ?? "-"}");
        Assert.Equal(
            [
                "entity:unresolved BusService.CreateProcessor;IBusService.CreateProcessor topicName=0,subscriptionName=1",
                "entity:audit - -",
            ],
            wrapped);

        var call = Assert.Single(await AnalyzerRunner.RunAsync(new WrapperCallAnalyzer(), packagesResolve ? [wrapper, BrokerClientAnalyzerTests.BrokerStubs] : [wrapper]));
        Assert.Equal(("IBusService.CreateProcessor", "0=events\n1=events-write"), (call.Properties[FindingProperties.Calls], call.Properties[FindingProperties.Arguments]));
    }

    [Fact]
    public async Task CallsOfARequestWrapper_ShouldNameTheMemberAndTheAddress_AndLookAlikesShouldNot()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new WrapperCallAnalyzer(), """
            using System.Net.Http;
            using System.Threading.Tasks;
            public interface IRequestProvider { Task<T> GetAsync<T>(string uri, string token = ""); }
            public interface ICache { Task<string> GetAsync(string key); }
            public sealed class CachingProvider(IRequestProvider inner) : IRequestProvider
            {
                public Task<T> GetAsync<T>(string uri, string token = "") => inner.GetAsync<T>(uri, token);
            }
            public sealed class Basket(IRequestProvider requests, ICache cache)
            {
                private const string Base = "https://basket.example/api";
                public async Task LoadAsync(int id)
                {
                    await requests.GetAsync<string>($"{Base}/baskets/{id}");
                    await cache.GetAsync("basket-" + id);
                }
            }
            """);

        var call = Assert.Single(diagnostics);
        Assert.Equal(
            (RuleIdentifiers.RequestWrapperCall, "IRequestProvider.GetAsync", "0=https://basket.example/api/baskets/{id}"),
            (call.Id, call.Properties[FindingProperties.Calls], call.Properties[FindingProperties.Arguments]));
    }

    [Fact]
    public async Task RequestsInsideAWrapper_ShouldNameTheirParameters_OnlyWhenTheAddressIsNotKnownThere()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HttpClientCallAnalyzer(), """
            using System.Net.Http;
            using System.Threading.Tasks;
            public sealed class RequestProvider(HttpClient client)
            {
                public Task<string> GetAsync(string uri) => client.GetStringAsync(uri);
                public Task<string> PingAsync(string token) => client.GetStringAsync("https://status.example/ping");
            }
            """);

        Assert.Equal(
            ["unresolved RequestProvider.GetAsync uri=0", "https://status.example/ping - -"],
            diagnostics.Where(d => d.Id == RuleIdentifiers.HttpClientCall)
                .Select(d => $"{d.Properties[FindingProperties.Target]} {d.Properties.GetValueOrDefault(FindingProperties.Implements) ?? "-"} {d.Properties.GetValueOrDefault(FindingProperties.Parameters) ?? "-"}"));
    }

    [Fact]
    public async Task PublishesInsideAPublisher_ShouldNameTheMembersTheyAreReachedThrough()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new BrokerClientAnalyzer(), Publisher, BrokerClientAnalyzerTests.BrokerStubs);

        Assert.Equal(
            [
                "ServiceBusIntegrationPublisher.PublishEventAsync;IIntegrationPublisher.PublishEventAsync",
                "ServiceBusIntegrationPublisher.SendScheduledAsync;ServiceBusIntegrationPublisher.PublishToRetryAsync;IIntegrationPublisher.PublishToRetryAsync",
            ],
            diagnostics.Where(d => d.Id == RuleIdentifiers.BrokerPublish).Select(d => d.Properties[FindingProperties.Implements]));
    }
}
