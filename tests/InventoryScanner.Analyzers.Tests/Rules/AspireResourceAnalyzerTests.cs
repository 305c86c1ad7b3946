using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>
/// INV1007: the AppHost's project resources; INV1013: its references of services; INV1014: its YARP resources' routes —
/// bound or recognised by shape, through locals and the application's own helpers.
/// </summary>
public sealed class AspireResourceAnalyzerTests
{
    private const string AppHost = """
        var builder = DistributedApplication.CreateBuilder(args);
        var redis = builder.AddRedis("redis").WithLifetime(ContainerLifetime.Persistent);
        var catalogDb = builder.AddPostgres("postgres").AddDatabase("catalogdb");
        var catalog = builder.AddProject<Projects.Catalog_API>("catalog-api").WithReference(catalogDb).WithReference(redis);
        builder.AddProject<Projects.WebApp>("webapp").WithReference(catalog).WithExternalHttpEndpoints();
        builder.AddContainer("mail", "maildev");
        """;

    private const string AspireStub = """
        namespace Aspire.Hosting
        {
            public interface IResourceBuilder<T> { }
            public sealed class ProjectResource { }
            public sealed class RedisResource { }
            public sealed class DatabaseResource { }
            public sealed class PostgresResource { }
            public enum ContainerLifetime { Session, Persistent }
            public sealed class DistributedApplication { public static IDistributedApplicationBuilder CreateBuilder(string[] args) => null!; }
            public interface IDistributedApplicationBuilder { }
            public static class Extensions
            {
                public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name) => null!;
                public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name) => null!;
                public static IResourceBuilder<PostgresResource> AddPostgres(this IDistributedApplicationBuilder builder, string name) => null!;
                public static IResourceBuilder<DatabaseResource> AddDatabase(this IResourceBuilder<PostgresResource> builder, string name) => null!;
                public static IResourceBuilder<ProjectResource> AddContainer(this IDistributedApplicationBuilder builder, string name, string image) => null!;
                public static IResourceBuilder<T> WithReference<T, TOther>(this IResourceBuilder<T> builder, IResourceBuilder<TOther> other) => builder;
                public static IResourceBuilder<T> WithLifetime<T>(this IResourceBuilder<T> builder, ContainerLifetime lifetime) => builder;
                public static IResourceBuilder<T> WithExternalHttpEndpoints<T>(this IResourceBuilder<T> builder) => builder;
                public static IResourceBuilder<T> WaitFor<T, TOther>(this IResourceBuilder<T> builder, IResourceBuilder<TOther> other) => builder;
                public static IResourceBuilder<ProjectResource> AddJavaScriptApp(this IDistributedApplicationBuilder builder, string name, string path) => null!;
                public static IResourceBuilder<YarpResource> AddYarp(this IDistributedApplicationBuilder builder, string name) => null!;
                public static IResourceBuilder<YarpResource> WithConfiguration(this IResourceBuilder<YarpResource> builder, System.Action<IYarpConfigurationBuilder> configure) => builder;
                public static EndpointReference GetEndpoint<T>(this IResourceBuilder<T> builder, string name) => null!;
                public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, EndpointReference endpoint) => builder;
            }
            public sealed class YarpResource { }
            public sealed class EndpointReference { }
            public sealed class YarpCluster { }
            public sealed class YarpRoute { }
            public interface IYarpConfigurationBuilder
            {
                YarpCluster AddCluster<T>(IResourceBuilder<T> resource);
                YarpRoute AddRoute(string path, YarpCluster cluster);
                YarpRoute AddRoute(string path, EndpointReference endpoint);
            }
            public static class YarpRouteExtensions
            {
                public static YarpRoute WithTransformPathRemovePrefix(this YarpRoute route, string prefix) => route;
            }
        }
        namespace Projects
        {
            public sealed class Catalog_API { }
            public sealed class WebApp { }
            public sealed class Ordering_API { }
            public sealed class Identity_API { }
        }
        """;

    private const string Estate = """
        var builder = DistributedApplication.CreateBuilder(args);
        var bus = builder.AddRedis("bus");
        var catalog = builder.AddProject<Projects.Catalog_API>("catalog-api").WithReference(bus);
        var ordering = builder.AddProject<Projects.Ordering_API>("ordering-api");
        var identity = builder.AddProject<Projects.Identity_API>("identity-api");
        var web = builder.AddProject<Projects.WebApp>("webapp")
            .WithReference(catalog).WaitFor(catalog)
            .WithExternalHttpEndpoints();
        web.WithReference(ordering);
        web.WithReference(identity.GetEndpoint("https"));
        builder.AddJavaScriptApp("storefront", "../storefront").WithReference(catalog);
        builder.AddYarp("mobile-bff").WithExternalHttpEndpoints().ConfigureRoutes(catalog, ordering);
        builder.AddYarp("admin-bff").WithConfiguration(yarp => yarp.AddRoute("/identity/{*any}", identity.GetEndpoint("http")).WithTransformPathRemovePrefix("/identity"));

        static class Gateways
        {
            public static IResourceBuilder<YarpResource> ConfigureRoutes(this IResourceBuilder<YarpResource> builder, IResourceBuilder<ProjectResource> catalogApi, IResourceBuilder<ProjectResource> orderingApi)
            {
                return builder.WithConfiguration(yarp =>
                {
                    var catalogCluster = yarp.AddCluster(catalogApi);
                    yarp.AddRoute("/catalog-api/api/catalog/items", catalogCluster).WithTransformPathRemovePrefix("/catalog-api");
                    yarp.AddRoute("/api/orders/{*any}", orderingApi.GetEndpoint("http"));
                });
            }
        }
        """;

    /// <summary>Look-alikes: another library's WithReference and AddRoute, and references of data stores (INV1007's).</summary>
    private const string LookAlikes = """
        var builder = DistributedApplication.CreateBuilder(args);
        var cache = builder.AddRedis("cache");
        builder.AddProject<Projects.WebApp>("webapp").WithReference(cache);
        var table = new RouteTable();
        table.AddRoute("/health", new Cluster("checks"));
        new Document().WithReference(new Document());

        class RouteTable { public void AddRoute(string path, Cluster cluster) { } }
        record Cluster(string Name);
        class Document { public Document WithReference(Document other) => this; }
        """;

    private static async Task<List<string>> DependenciesAsync(params string[] sources)
    {
        var diagnostics = await AnalyzerRunner.RunProgramAsync(new AspireResourceAnalyzer(), sources);
        return diagnostics
            .Where(d => d.Id is RuleIdentifiers.AspireServiceReference or RuleIdentifiers.AspireYarpRoute)
            .Select(d => $"{d.Id} {d.Properties[FindingProperties.Resource]} {d.Properties.GetValueOrDefault(FindingProperties.Upstream)}-> {d.Properties[FindingProperties.Target]}"
                + $" [{d.Properties.GetValueOrDefault(FindingProperties.Project)}>{d.Properties.GetValueOrDefault(FindingProperties.TargetProject)}] via {d.Properties.GetValueOrDefault(FindingProperties.Via)} at {d.Location.GetLineSpan().StartLinePosition.Line + 1} ({d.Properties[FindingProperties.Confidence]})")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<List<string>> ResourcesAsync(params string[] sources)
    {
        var diagnostics = await AnalyzerRunner.RunProgramAsync(new AspireResourceAnalyzer(), sources);
        return diagnostics.Where(d => d.Id == RuleIdentifiers.AspireProjectResource).Select(d => $"{d.Properties[FindingProperties.Resource]} {d.Properties[FindingProperties.Project]} [{d.Properties.GetValueOrDefault(FindingProperties.References)}] ({d.Properties[FindingProperties.Confidence]})").ToList();
    }

    [Fact]
    public async Task ProjectResources_ShouldNameTheirProjectAndReferences()
    {
        Assert.Equal(
            [
                "catalog-api Catalog_API [catalogdb (AddDatabase), redis (AddRedis)] (high)",
                "webapp WebApp [catalog-api (AddProject)] (high)",
            ],
            await ResourcesAsync("using Aspire.Hosting;\n" + AppHost, AspireStub));
    }

    [Fact]
    public async Task ProjectResources_WhenAspireDoesNotResolve_ShouldBeRecognisedByShape_WithLowConfidence()
    {
        Assert.Equal(
            [
                "catalog-api Catalog_API [catalogdb (AddDatabase), redis (AddRedis)] (low)",
                "webapp WebApp [catalog-api (AddProject)] (low)",
            ],
            await ResourcesAsync(AppHost));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ServiceReferencesAndYarpRoutes_ShouldNameBothEnds_ThroughLocalsEndpointsAndHelpers(bool bound)
    {
        var confidence = bound ? "high" : "medium";
        string[] sources = bound ? ["using Aspire.Hosting;\n" + Estate, AspireStub] : ["// Aspire.Hosting not restored\n" + Estate];
        Assert.Equal(
            string.Join("\n", [
                $"INV1013 storefront -> catalog-api [>Catalog_API] via  at 12 ({confidence})",
                $"INV1013 webapp -> catalog-api [WebApp>Catalog_API] via  at 8 ({confidence})",
                $"INV1013 webapp -> identity-api [WebApp>Identity_API] via  at 11 ({confidence})",
                $"INV1013 webapp -> ordering-api [WebApp>Ordering_API] via  at 10 ({confidence})",
                $"INV1014 admin-bff /identity/{{*any}}-> https+http://identity-api/{{*any}} [>Identity_API] via  at 14 ({confidence})",
                $"INV1014 mobile-bff /api/orders/{{*any}}-> https+http://ordering-api/api/orders/{{*any}} [>Ordering_API] via Gateways.ConfigureRoutes at 13 ({confidence})",
                $"INV1014 mobile-bff /catalog-api/api/catalog/items-> https+http://catalog-api/api/catalog/items [>Catalog_API] via Gateways.ConfigureRoutes at 13 ({confidence})",
            ]),
            string.Join("\n", await DependenciesAsync(sources)));
    }

    [Fact]
    public async Task LookAlikes_ShouldNotReportDiagnostic()
    {
        Assert.Empty(await DependenciesAsync("using Aspire.Hosting;\n" + LookAlikes, AspireStub));
        Assert.Empty(await DependenciesAsync(LookAlikes));
    }
}
