using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;

namespace InventoryScanner.Analyzers.Tests.Rules;

public sealed class ApiGatewayAnalyzerTests
{
    private const string OcelotStub = """
        namespace Microsoft.Extensions.DependencyInjection { public interface IServiceCollection { } }
        namespace Ocelot.DependencyInjection
        {
            public interface IOcelotBuilder { }
            public static class ServiceCollectionExtensions
            {
                public static IOcelotBuilder AddOcelot(this Microsoft.Extensions.DependencyInjection.IServiceCollection services) => null!;
            }
        }
        """;

    private const string Gateway = """
        using Microsoft.Extensions.DependencyInjection;
        using Ocelot.DependencyInjection;
        class Startup
        {
            void Configure(IServiceCollection services) => services.AddOcelot();
        }
        """;

    private const string OcelotRoutes = """
        {
          "Routes": [
            {
              "DownstreamPathTemplate": "/api/posts/{postId}",
              "DownstreamScheme": "https",
              "DownstreamHostAndPorts": [ { "Host": "posts.internal", "Port": 443 }, { "Host": "posts-2.internal", "Port": 8443 } ],
              "UpstreamPathTemplate": "/posts/{postId}"
            },
            {
              "DownstreamPathTemplate": "/api/orders",
              "ServiceName": "ordering-api",
              "UpstreamPathTemplate": "/orders"
            }
          ],
          "GlobalConfiguration": { "BaseUrl": "https://gateway.example.com" }
        }
        """;

    private const string YarpSettings = """
        {
          "ReverseProxy": {
            "Routes": { "catalog": { "ClusterId": "catalog-cluster", "Match": { "Path": "/catalog/{**rest}" } } },
            "Clusters": { "catalog-cluster": { "Destinations": { "primary": { "Address": "http://catalog-api:8080/" } } } }
          },
          "Logging": { "LogLevel": { "Default": "Information" } }
        }
        """;

    [Fact]
    public async Task OcelotHostAndRoutes_ShouldBeReportedWithEachDownstreamAddress()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new ApiGatewayAnalyzer(), [("/src/Gateway/ocelot.json", OcelotRoutes)], Gateway, OcelotStub);

        Assert.Equal(
            [
                "INV1010 gateway gateway:ocelot high -",
                "INV1011 gateway-route https://posts.internal/api/posts/{postId} high /posts/{postId}",
                "INV1011 gateway-route https://posts-2.internal:8443/api/posts/{postId} high /posts/{postId}",
                "INV1011 gateway-route http://ordering-api/api/orders high /orders",
            ],
            diagnostics.Select(d => $"{d.Id} {d.Properties[FindingProperties.Kind]} {d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.Confidence]} {d.Properties.GetValueOrDefault(FindingProperties.Upstream) ?? "-"}"));
        var route = diagnostics.First(d => d.Id == RuleIdentifiers.ApiGatewayRoute);
        Assert.Equal("Routes:0:DownstreamHostAndPorts:0:Host", route.Properties[FindingProperties.ConfigKey]);
        Assert.Equal(6, route.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public async Task OcelotRoutesInAFileOfAnyName_ShouldBeRecognisedByTheirContent()
    {
        // Gateways built from one image read configuration.json from a folder each instance mounts.
        const string Routes = """
            {
              "ReRoutes": [
                { "DownstreamScheme": "http", "DownstreamHostAndPorts": [ { "Host": "lexon.api", "Port": 80 } ],
                  "UpstreamPathTemplate": "/api/{version}/lex/{everything}", "DownstreamPathTemplate": "/api/{version}/{everything}" }
              ]
            }
            """;
        var diagnostics = await AnalyzerRunner.RunAsync(
            new ApiGatewayAnalyzer(),
            [
                ("/repo/src/ApiGateways/Web.Bff.Lexon/apigw/configuration.json", Routes),
                // Look-alikes: an SPA's route table, and a file that merely mentions the key.
                ("/repo/src/Web/ClientApp/routes.json", """{ "Routes": [ { "path": "/orders", "component": "Orders" } ] }"""),
                ("/repo/docs/notes.json", """{ "text": "set DownstreamPathTemplate in ocelot" }"""),
            ],
            "class Empty { }");

        var route = Assert.Single(diagnostics);
        Assert.Equal(("http://lexon.api/api/{version}/{everything}", "/api/{version}/lex/{everything}"), (route.Properties[FindingProperties.Target], route.Properties[FindingProperties.Upstream]));
    }

    [Fact]
    public async Task YarpClusters_ShouldBeRoutesOfTheirRoutePath()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new ApiGatewayAnalyzer(), [("/src/Proxy/appsettings.json", YarpSettings)], "class Empty { }");

        var route = Assert.Single(diagnostics);
        Assert.Equal(("http://catalog-api:8080/", "/catalog/{**rest}", "Yarp.ReverseProxy"), (route.Properties[FindingProperties.Target], route.Properties[FindingProperties.Upstream], route.Properties[FindingProperties.Library]));
    }

    [Fact]
    public async Task ComposeServicesFromGatewayImages_ShouldBeGatewaysNamedByTheirService()
    {
        const string Compose = """
            services:
              webshoppingapigw:
                image: envoyproxy/envoy:v1.11.1
              proxy:
                image: docker.io/library/nginx:1.25-alpine
              catalog-api:
                image: eshop/catalog.api:latest
              envoy-config-builder:
                image: eshop/tools:latest
            """;

        var diagnostics = await AnalyzerRunner.RunAsync(new ApiGatewayAnalyzer(), [("/repo/docker-compose.yml", Compose)], "class Empty { }");

        Assert.Equal(
            ["gateway:envoy webshoppingapigw high 3", "gateway:nginx proxy medium 5"],
            diagnostics.Select(d => $"{d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.Resource]} {d.Properties[FindingProperties.Confidence]} {d.Location.GetLineSpan().StartLinePosition.Line + 1}"));
    }

    [Fact]
    public async Task LookAlikes_ShouldNotBeReported()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new ApiGatewayAnalyzer(),
            [("/src/App/appsettings.json", """{ "Routes": [ { "DownstreamHostAndPorts": [ { "Host": "not-a-gateway" } ] } ], "Clusters": { "a": { "Destinations": { "b": { "Address": "http://x" } } } } }""")],
            """
            class Startup
            {
                void Configure(Builder builder) => builder.AddOcelot();
            }
            class Builder { public Builder AddOcelot() => this; }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task UnresolvedOcelot_ShouldStillBeTheGateway_WithLowConfidence()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new ApiGatewayAnalyzer(), "class Startup { void Configure(Microsoft.Extensions.DependencyInjection.IServiceCollection services) => services.AddOcelot(); }");

        var host = Assert.Single(diagnostics);
        Assert.Equal((FindingKinds.Gateway, Confidence.Low), (host.Properties[FindingProperties.Kind], host.Properties[FindingProperties.Confidence]));
    }

    private const string ForwarderStub = """
        namespace Microsoft.AspNetCore.Routing { public interface IEndpointRouteBuilder { } }
        namespace Microsoft.AspNetCore.Builder
        {
            public static class DirectForwardingIEndpointRouteBuilderExtensions
            {
                public static object MapForwarder(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern, string destinationPrefix) => null!;
                public static object MapForwarder(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, string pattern, string destinationPrefix, string targetPath) => null!;
            }
        }
        """;

    private const string Forwarders = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Routing;
        class Startup
        {
            const string Catalog = "https+http://catalog-api";
            void Map(IEndpointRouteBuilder app)
            {
                app.MapForwarder("/product-images/{id}", Catalog, "/api/catalog/items/{id}/pic");
                app.MapForwarder("/legacy/{**rest}", "https://legacy.example.com/");
            }
        }
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task MapForwarder_ShouldBeAnOutboundCallOfItsDestination(bool bound)
    {
        var diagnostics = bound
            ? await AnalyzerRunner.RunWithLibrariesAsync(new ApiGatewayAnalyzer(), [("Yarp.ReverseProxy", ForwarderStub)], Forwarders)
            : await AnalyzerRunner.RunAsync(new ApiGatewayAnalyzer(), Forwarders);

        Assert.Equal(
            [
                $"INV1015 http-client https+http://catalog-api/api/catalog/items/{{id}}/pic /product-images/{{id}} {(bound ? "high" : "medium")}",
                $"INV1015 http-client https://legacy.example.com /legacy/{{**rest}} {(bound ? "high" : "medium")}",
            ],
            diagnostics.Select(d => $"{d.Id} {d.Properties[FindingProperties.Kind]} {d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.Upstream]} {d.Properties[FindingProperties.Confidence]}"));
    }

    [Fact]
    public async Task MapForwarderToAConfiguredDestination_ShouldTakeTheConfiguredAddress()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new ApiGatewayAnalyzer(),
            [("/src/Web/appsettings.json", """{ "Legacy": { "Url": "https://legacy.example.com/" } }""")],
            "class Startup { void Map(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder app, Microsoft.Extensions.Configuration.IConfiguration configuration) => app.MapForwarder(\"/legacy/{**rest}\", configuration[\"Legacy:Url\"]); }");

        var forwarder = Assert.Single(diagnostics);
        Assert.Equal(("https://legacy.example.com", "Legacy:Url"), (forwarder.Properties[FindingProperties.Target], forwarder.Properties[FindingProperties.ConfigKey]));
    }

    [Fact]
    public async Task MapForwarderOfAnotherLibrary_ShouldNotReportDiagnostic()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new ApiGatewayAnalyzer(),
            """
            class Startup
            {
                void Map(Router router) => router.MapForwarder("/a", "https://example.com");
            }
            class Router { public void MapForwarder(string pattern, string destination) { } }
            """);

        Assert.Empty(diagnostics);
    }
}
