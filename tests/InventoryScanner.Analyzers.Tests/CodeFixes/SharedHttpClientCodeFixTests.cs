using FixPerCall = InventoryScanner.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<InventoryScanner.Analyzers.Rules.HttpClientPerCallAnalyzer, InventoryScanner.Analyzers.CodeFixes.SharedHttpClientCodeFixProvider>;

namespace InventoryScanner.Analyzers.Tests.CodeFixes;

public sealed class SharedHttpClientCodeFixTests
{
    private static Task VerifyAsync(string source, string fixedSource, params string[] stubs)
    {
        var test = new FixPerCall.Test { TestCode = source, FixedCode = fixedSource };
        foreach (var stub in stubs)
        {
            test.TestState.Sources.Add(stub);
            test.FixedState.Sources.Add(stub);
        }

        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ClientsCreatedPerCall_ShouldShareOneStaticField()
    {
        await VerifyAsync(
            """
            using System.Net.Http;
            using System.Threading.Tasks;
            class Status
            {
                async Task<string> Ping()
                {
                    using var client = {|INV1004:new HttpClient()|};
                    return await client.GetStringAsync("https://status.example/ping");
                }

                async Task<string> Health()
                {
                    using (var http = {|INV1004:new HttpClient()|})
                    {
                        var body = await http.GetStringAsync("https://status.example/health");
                        return body.Trim();
                    }
                }

                Task<string> Version() => {|INV1004:new HttpClient()|}.GetStringAsync("https://status.example/version");
            }
            """,
            """
            using System.Net.Http;
            using System.Threading.Tasks;
            class Status
            {
                private static readonly HttpClient SharedHttpClient = new HttpClient();

                async Task<string> Ping()
                {
                    return await SharedHttpClient.GetStringAsync("https://status.example/ping");
                }

                async Task<string> Health()
                {
                    var body = await SharedHttpClient.GetStringAsync("https://status.example/health");
                    return body.Trim();
                }

                Task<string> Version() => SharedHttpClient.GetStringAsync("https://status.example/version");
            }
            """);
    }

    [Fact]
    public async Task ClientsConfiguredPerCall_ShouldNotBeShared()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            class Partner
            {
                async Task<string> Rates(string token)
                {
                    using var client = {|INV1004:new HttpClient()|};
                    client.DefaultRequestHeaders.Add("Authorization", token);
                    return await client.GetStringAsync("https://partner.example/rates");
                }

                async Task<string> Quotes()
                {
                    var client = {|INV1004:new HttpClient(new HttpClientHandler { UseCookies = false })|};
                    return await client.GetStringAsync("https://partner.example/quotes");
                }
            }
            """;
        await VerifyAsync(source, source);
    }

    [Fact]
    public async Task ClientCreatedPerCall_WithAFactoryInReach_ShouldComeFromTheFactory()
    {
        await VerifyAsync(
            """
            using System.Net.Http;
            using System.Threading.Tasks;
            class Partner
            {
                private readonly IHttpClientFactory _factory;
                public Partner(IHttpClientFactory factory) => _factory = factory;
                async Task<string> Rates(string token)
                {
                    using var client = {|INV1004:new HttpClient()|};
                    client.DefaultRequestHeaders.Add("Authorization", token);
                    return await client.GetStringAsync("https://partner.example/rates");
                }
            }
            """,
            """
            using System.Net.Http;
            using System.Threading.Tasks;
            class Partner
            {
                private readonly IHttpClientFactory _factory;
                public Partner(IHttpClientFactory factory) => _factory = factory;
                async Task<string> Rates(string token)
                {
                    using var client = _factory.CreateClient();
                    client.DefaultRequestHeaders.Add("Authorization", token);
                    return await client.GetStringAsync("https://partner.example/rates");
                }
            }
            """,
            Stubs.HttpClientFactory);
    }
}
