using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>INV1007: the AppHost's project resources, bound or recognised by shape.</summary>
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
            }
        }
        namespace Projects
        {
            public sealed class Catalog_API { }
            public sealed class WebApp { }
        }
        """;

    private static async Task<List<string>> ResourcesAsync(params string[] sources)
    {
        var diagnostics = await AnalyzerRunner.RunProgramAsync(new AspireResourceAnalyzer(), sources);
        return diagnostics.Select(d => $"{d.Properties[FindingProperties.Resource]} {d.Properties[FindingProperties.Project]} [{d.Properties.GetValueOrDefault(FindingProperties.References)}] ({d.Properties[FindingProperties.Confidence]})").ToList();
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
}
