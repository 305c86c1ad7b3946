using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;

namespace InventoryScanner.Analyzers.Tests.Rules;

public sealed class SignalRClientAnalyzerTests
{
    private const string Code = """
        using System;
        using Microsoft.AspNetCore.SignalR.Client;
        using Microsoft.Extensions.Configuration;
        class Notifications
        {
            void Connect(IConfiguration configuration)
            {
                var orders = new HubConnectionBuilder().WithUrl("https://orders.example.com/hubs/status").WithAutomaticReconnect().Build();
                var chat = new HubConnectionBuilder().WithUrl(new Uri(configuration["Chat:HubUrl"])).Build();
                var other = new Router().WithUrl("https://not-a-hub.example.com");
            }
        }
        class Router { public Router WithUrl(string url) => this; }
        """;

    private const string SignalRStub = """
        namespace Microsoft.AspNetCore.SignalR.Client
        {
            public sealed class HubConnection { }
            public interface IHubConnectionBuilder { HubConnection Build(); }
            public sealed class HubConnectionBuilder : IHubConnectionBuilder { public HubConnection Build() => null!; }
            public static class HubConnectionBuilderHttpExtensions
            {
                public static IHubConnectionBuilder WithUrl(this IHubConnectionBuilder builder, string url) => builder;
                public static IHubConnectionBuilder WithUrl(this IHubConnectionBuilder builder, System.Uri url) => builder;
            }
            public static class HubConnectionBuilderExtensions
            {
                public static IHubConnectionBuilder WithAutomaticReconnect(this IHubConnectionBuilder builder) => builder;
            }
        }
        """;

    private static readonly (string, string)[] Settings = [("/src/appsettings.json", """{ "Chat": { "HubUrl": "https://chat.example.com/hub" } }""")];

    [Fact]
    public async Task HubConnections_ShouldBeReportedWithTheHubUrl()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new SignalRClientAnalyzer(), Settings, Code, SignalRStub, Stubs.Configuration);
        Assert.Equal(
            ["https://orders.example.com/hubs/status high", "https://chat.example.com/hub high"],
            diagnostics.Select(d => $"{d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.Confidence]}"));
        Assert.Equal("Chat:HubUrl", diagnostics[1].Properties[FindingProperties.ConfigKey]);
    }

    [Fact]
    public async Task HubConnections_WhenTheClientDoesNotResolve_ShouldBeRecognisedFromTheBuilder_WithLowConfidence()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new SignalRClientAnalyzer(), Settings, Code, Stubs.Configuration);
        Assert.Equal(
            ["https://orders.example.com/hubs/status low", "https://chat.example.com/hub low"],
            diagnostics.Select(d => $"{d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.Confidence]}"));
    }
}
