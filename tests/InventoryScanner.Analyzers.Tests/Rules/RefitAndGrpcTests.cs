using InventoryScanner.Analyzers.Http;
using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>Refit interfaces (INV1001 at their call sites, hosts from AddRefitClient or RestService.For) and gRPC clients (INV1006).</summary>
public sealed class RefitAndGrpcTests
{
    private const string RefitCode = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Refit;
        public interface IGitHubApi
        {
            [Get("/users/{user}")] Task<string> GetUser(string user);
            [Post("/repos/{owner}/{repo}/issues")] Task CreateIssue(string owner, string repo, object issue);
            Task<string> NotAnEndpoint();
        }
        public interface IStatusApi { [Get("/status")] Task<string> Status(); }
        static class Setup
        {
            static void Register(IServiceCollection services) =>
                services.AddRefitClient<IGitHubApi>().ConfigureHttpClient(c => c.BaseAddress = new Uri("https://api.github.com")).AddStandardResilienceHandler();
        }
        class Consumer
        {
            async Task Run(IGitHubApi github)
            {
                await github.GetUser("octocat");
                await github.CreateIssue("o", "r", new object());
                await github.NotAnEndpoint();
                var status = RestService.For<IStatusApi>("https://status.example.com/api");
                await status.Status();
            }
        }
        """;

    private const string GrpcCode = """
        using System;
        using Greet;
        using Grpc.Net.Client;
        using Microsoft.Extensions.DependencyInjection;
        class Caller
        {
            private static readonly GrpcChannel Channel = GrpcChannel.ForAddress("https://greeter.internal:5001");
            static void Register(IServiceCollection services) =>
                services.AddGrpcClient<Greeter.GreeterClient>(o => o.Address = new Uri("https://greeter.example.com"));
            void Run(Greeter.GreeterClient injected)
            {
                var client = new Greeter.GreeterClient(Channel);
                client.SayHello(new HelloRequest());
                client.SayHelloAsync(new HelloRequest(), default);
                client.Describe();
                injected.SayHello(new HelloRequest());
            }
        }
        """;

    private static string Describe(Diagnostic d) =>
        $"{d.Id} {d.Properties[FindingProperties.Library]} {d.Properties.GetValueOrDefault(FindingProperties.HttpMethod)} {d.Properties[FindingProperties.Target]} ({d.Properties[FindingProperties.Confidence]})".Replace("  ", " ", StringComparison.Ordinal);

    [Fact]
    public async Task RefitCalls_ShouldTakeTheVerbAndPathFromTheAttribute_AndTheHostFromTheRegistration()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HttpClientCallAnalyzer(), [RefitCode, Stubs.HttpClientFactory, Stubs.Refit]);
        Assert.Equal(
            [
                "INV1002 Refit https://api.github.com (high)",
                "INV1001 Refit GET https://api.github.com/users/{user} (high)",
                "INV1001 Refit POST https://api.github.com/repos/{owner}/{repo}/issues (high)",
                "INV1001 Refit GET https://status.example.com/api/status (high)",
            ],
            diagnostics.Where(d => d.Id is RuleIdentifiers.HttpClientCall or RuleIdentifiers.HttpClientRegistration).Select(Describe));
        var registration = diagnostics.Single(d => d.Id == RuleIdentifiers.HttpClientRegistration);
        Assert.Equal("AddStandardResilienceHandler", registration.Properties[FindingProperties.Resilience]);
        Assert.Equal("typed:IGitHubApi", registration.Properties[FindingProperties.Client]);
    }

    [Fact]
    public async Task RefitCalls_WhenRefitDoesNotResolve_ShouldStillBeFoundByTheirAttributes_WithLowConfidence()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HttpClientCallAnalyzer(), [RefitCode, Stubs.HttpClientFactory]);
        Assert.Equal(
            [
                "INV1001 Refit GET https://api.github.com/users/{user} (low)",
                "INV1001 Refit POST https://api.github.com/repos/{owner}/{repo}/issues (low)",
                "INV1001 Refit GET https://status.example.com/api/status (low)",
            ],
            diagnostics.Where(d => d.Id == RuleIdentifiers.HttpClientCall).Select(Describe));
    }

    [Fact]
    public async Task GrpcCalls_ShouldNameServiceAndMethod_AtTheChannelOrRegistrationAddress()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new GrpcClientCallAnalyzer(), [GrpcCode, Stubs.HttpClientFactory, Stubs.Grpc]);
        Assert.Equal(
            [
                "INV1006 Grpc.Net.Client https://greeter.internal:5001/greet.Greeter/SayHello (high)",
                "INV1006 Grpc.Net.Client https://greeter.internal:5001/greet.Greeter/SayHello (high)",
                "INV1006 Grpc.Net.Client https://greeter.example.com/greet.Greeter/SayHello (high)",
            ],
            diagnostics.Select(Describe));
        Assert.All(diagnostics, d => Assert.Equal(FindingKinds.GrpcClient, d.Properties[FindingProperties.Kind]));
    }

    [Fact]
    public async Task ClientTypes_ShouldNameRefitInterfacesAndGrpcClients_ForThePreFilter()
    {
        const string wcf = """
            namespace System.ServiceModel
            {
                public sealed class ServiceContractAttribute : Attribute { }
                public abstract class ClientBase<TChannel> where TChannel : class { }
            }
            [System.ServiceModel.ServiceContract] public interface ICalculator { int Add(int a, int b); }
            public sealed class CalculatorClient : System.ServiceModel.ClientBase<ICalculator> { }
            """;
        var trees = new[] { RefitCode, GrpcCode, Stubs.HttpClientFactory, Stubs.Refit, Stubs.Grpc, wcf }.Select(s => CSharpSyntaxTree.ParseText(s));
        var references = await Microsoft.CodeAnalysis.Testing.ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create("client-types", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Equal(["CalculatorClient", "GreeterClient", "ICalculator", "IGitHubApi", "IStatusApi"], ClientTypes.NamesToBind(compilation, CancellationToken.None).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ClientTypes_ShouldNameRequestWrappersByTheirSignature_NotLookAlikes()
    {
        const string code = """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            public interface IRequestProvider { Task<T> GetAsync<T>(string uri, string token = ""); }
            public class RequestProvider : IRequestProvider { public Task<T> GetAsync<T>(string uri, string token = "") => default!; }
            public class AddressWrapper { public Task PostAsync(Uri? endpoint, object body) => Task.CompletedTask; }
            public partial class SplitWrapper { }
            public partial class SplitWrapper { public Task DeleteAsync(System.String url) => Task.CompletedTask; }
            public class PrivateShape { private Task GetAsync(string uri) => Task.CompletedTask; }
            public class NotAnAddress { public Task GetAsync(int id) => Task.CompletedTask; }
            public class StreamPath { public Task PutAsync(Stream path) => Task.CompletedTask; }
            public class NotARequest { public Task LoadAsync(string url) => Task.CompletedTask; }
            internal interface IHidden { private Task GetAsync(string uri) => Task.CompletedTask; }
            """;
        var references = await Microsoft.CodeAnalysis.Testing.ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create("wrappers", [CSharpSyntaxTree.ParseText(code)], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        Assert.Equal(["AddressWrapper", "IRequestProvider", "RequestProvider", "SplitWrapper"], ClientTypes.NamesToBind(compilation, CancellationToken.None).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ClientTypes_ShouldNameAClientDerivedFromALibrarysGrpcClient_ThoughTheCodeNeverSaysClientBase()
    {
        var references = await Microsoft.CodeAnalysis.Testing.ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var grpc = Compile("Grpc.Core.Api", "namespace Grpc.Core { public abstract class ClientBase<T> where T : ClientBase<T> { } }", references);
        var library = Compile("Partner.Clients", "namespace Partner { public class OrdersClient : Grpc.Core.ClientBase<OrdersClient> { } }", [.. references, grpc]);
        const string app = "public sealed class AuditedOrdersClient : Partner.OrdersClient { } public sealed class Plain : System.Exception { }";

        // Referenced directly, and through the library alone (its base then does not resolve, but keeps its name).
        var withGrpc = CSharpCompilation.Create("app", [CSharpSyntaxTree.ParseText(app)], [.. references, grpc, library]);
        var libraryOnly = CSharpCompilation.Create("app", [CSharpSyntaxTree.ParseText(app)], [.. references, library]);
        var neither = CSharpCompilation.Create("app", [CSharpSyntaxTree.ParseText("public sealed class Plain : System.Exception { }")], references);

        Assert.Equal(["AuditedOrdersClient"], ClientTypes.NamesToBind(withGrpc, CancellationToken.None).Order(StringComparer.Ordinal));
        Assert.Equal(["AuditedOrdersClient"], ClientTypes.NamesToBind(libraryOnly, CancellationToken.None).Order(StringComparer.Ordinal));
        Assert.Empty(ClientTypes.NamesToBind(neither, CancellationToken.None));
    }

    private static MetadataReference Compile(string name, string code, IEnumerable<MetadataReference> references)
    {
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(code)], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("; ", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
