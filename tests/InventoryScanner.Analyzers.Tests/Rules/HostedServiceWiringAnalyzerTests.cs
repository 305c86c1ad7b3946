using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>INV2016: where hosted services are registered, and the calls of the application's registration methods.</summary>
public sealed class HostedServiceWiringAnalyzerTests
{
    private const string Library = """
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        namespace Contoso.Events
        {
            public sealed class CacheListener : IHostedService { }
            public sealed class QueueListener<TSettings> : IHostedService { }
            public sealed class Poller : IHostedService { }
            public sealed class Clock { }
        }
        namespace Microsoft.Extensions.DependencyInjection
        {
            using Contoso.Events;
            // Declared in the framework's namespace, as registration helpers often are.
            public static class EventRegistrations
            {
                public static IServiceCollection AddEventListeners(this IServiceCollection services)
                {
                    services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, QueueListener<string>>());
                    services.AddSingleton<IHostedService, Poller>();
                    services.AddSingleton<Clock>();
                    return services;
                }
            }
        }
        """;

    private const string Host = """
        using Contoso.Events;
        using Microsoft.Extensions.DependencyInjection;
        static class Startup
        {
            static void Configure(IServiceCollection services)
            {
                services.AddHostedService<CacheListener>();
                services.AddHostedService(sp => sp.GetRequiredService<Poller>());
                services.AddEventListeners();
                services.AddSingleton<Clock>();
                services.AddLogging();
            }
        }
        """;

    private const string HostingStubs = """
        namespace Microsoft.Extensions.Hosting { public interface IHostedService { } }
        namespace Microsoft.Extensions.DependencyInjection
        {
            using System;
            public interface IServiceCollection { }
            public sealed class ServiceDescriptor { public static ServiceDescriptor Singleton<TService, TImplementation>() => null!; }
            public static class ServiceCollectionExtensions
            {
                public static IServiceCollection AddHostedService<T>(this IServiceCollection services) => services;
                public static IServiceCollection AddHostedService<T>(this IServiceCollection services, Func<IServiceProvider, T> factory) => services;
                public static IServiceCollection AddSingleton<T>(this IServiceCollection services) => services;
                public static IServiceCollection AddSingleton<TService, TImplementation>(this IServiceCollection services) => services;
                public static void TryAddEnumerable(this IServiceCollection services, ServiceDescriptor descriptor) { }
                public static IServiceCollection AddLogging(this IServiceCollection services) => services;
                public static T GetRequiredService<T>(this IServiceProvider provider) => default!;
            }
        }
        """;

    [Fact]
    public async Task HostedServiceRegistrations_AndCallsOfTheApplicationsRegistrationMethods_ShouldBeRecorded()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HostedServiceWiringAnalyzer(), Library, Host, HostingStubs);

        Assert.Equal(
            [
                // The host's own setup method takes the services too: nothing in the scan calls it, so its registrations stay where they are.
                // Every Add… call on the services is recorded (the framework's too): the scanner matches only the methods registrations are made in.
                "registers Contoso.Events.CacheListener in Startup.Configure",
                "registers Contoso.Events.Poller in Startup.Configure",
                "calls EventRegistrations.AddEventListeners in Startup.Configure",
                "calls ServiceCollectionExtensions.AddSingleton in Startup.Configure",
                "calls ServiceCollectionExtensions.AddLogging in Startup.Configure",
                "registers Contoso.Events.QueueListener in EventRegistrations.AddEventListeners",
                "registers Contoso.Events.Poller in EventRegistrations.AddEventListeners",
                "calls ServiceCollectionExtensions.AddSingleton in EventRegistrations.AddEventListeners",
            ],
            diagnostics.Select(d => $"{(d.Properties.GetValueOrDefault(FindingProperties.Registers) is { } r ? "registers " + r : "calls " + d.Properties[FindingProperties.Calls])} in {d.Properties.GetValueOrDefault(FindingProperties.RegisteredIn) ?? "-"}"));
    }

    [Fact]
    public async Task RegistrationsOfTheApplicationsWrappers_ShouldNameTheImplementation_AndOthersShouldNot()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HostedServiceWiringAnalyzer(), """
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            public interface IEventPublisher { Task PublishEventAsync(string body); }
            public sealed class BusPublisher : IEventPublisher { public Task PublishEventAsync(string body) => Task.CompletedTask; }
            public interface IClock { System.DateTime Now { get; } }
            public sealed class Clock : IClock { public System.DateTime Now => System.DateTime.UtcNow; }
            static class Wiring
            {
                static void Configure(IServiceCollection services)
                {
                    services.AddSingleton<IEventPublisher, BusPublisher>();
                    services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<BusPublisher>());
                    services.AddSingleton<IClock, Clock>();
                }
            }
            """, HostingStubs.Replace("public static IServiceCollection AddSingleton<TService, TImplementation>(this IServiceCollection services) => services;", "public static IServiceCollection AddSingleton<TService, TImplementation>(this IServiceCollection services) => services; public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, Func<IServiceProvider, TService> factory) => services;"));

        Assert.Equal(
            ["BusPublisher as IEventPublisher", "BusPublisher as IEventPublisher"],
            diagnostics.Where(d => d.Properties.GetValueOrDefault(FindingProperties.Service) is not null)
                .Select(d => $"{d.Properties[FindingProperties.Registers]} as {d.Properties[FindingProperties.Service]}"));
    }

    [Fact]
    public async Task AHostWhoseLibraryDidNotLoad_ShouldStillNameTheServicesItRegisters_AndTheMethodsItCalls()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HostedServiceWiringAnalyzer(), """
            static class Program
            {
                static void Main(HostApplicationBuilder builder, object slack)
                {
                    builder.Services.AddHostedService<CacheListener>();
                    builder.Services.AddEventListeners();
                    builder.Services.AddQueueListener<SlackSettings>(slack);
                    builder.Logging.AddConsole();
                }
            }
            """);

        Assert.Equal(
            ["CacheListener -", "- AddEventListeners", "- AddQueueListener"],
            diagnostics.Select(d => $"{d.Properties.GetValueOrDefault(FindingProperties.Registers) ?? "-"} {d.Properties.GetValueOrDefault(FindingProperties.Calls) ?? "-"}"));
    }
}
