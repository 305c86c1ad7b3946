using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;
using VerifyCS = InventoryScanner.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<InventoryScanner.Analyzers.Rules.HttpClientCallAnalyzer>;

namespace InventoryScanner.Analyzers.Tests.Rules;

#pragma warning disable SYSLIB0014 // WebClient and WebRequest are what legacy code uses; that is the point.

/// <summary>WebClient and WebRequest/HttpWebRequest, the clients of legacy code, report INV1001 like HttpClient.</summary>
public sealed class LegacyHttpClientTests
{
    [Fact]
    public async Task WebClientTransfers_ShouldReportDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;
            class Rates
            {
                void Sync()
                {
                    using var client = new WebClient { BaseAddress = "https://rates.partner.example/v1/" };
                    var rates = {|#0:client.DownloadString("eur.json")|};
                    {|#1:client.UploadString("https://audit.example/log", "PUT", rates)|};
                    {|#2:client.UploadValues("https://forms.example/submit", new System.Collections.Specialized.NameValueCollection())|};
                }
            }
            """,
            VerifyCS.Diagnostic(RuleIdentifiers.HttpClientCall).WithLocation(0).WithArguments("GET", "https://rates.partner.example/v1/eur.json"),
            VerifyCS.Diagnostic(RuleIdentifiers.HardcodedUrl).WithLocation(0).WithArguments("https://rates.partner.example/v1/eur.json"),
            VerifyCS.Diagnostic(RuleIdentifiers.HttpClientCall).WithLocation(1).WithArguments("PUT", "https://audit.example/log"),
            VerifyCS.Diagnostic(RuleIdentifiers.HardcodedUrl).WithLocation(1).WithArguments("https://audit.example/log"),
            VerifyCS.Diagnostic(RuleIdentifiers.HttpClientCall).WithLocation(2).WithArguments("POST", "https://forms.example/submit"),
            VerifyCS.Diagnostic(RuleIdentifiers.HardcodedUrl).WithLocation(2).WithArguments("https://forms.example/submit"));
    }

    [Fact]
    public async Task WebRequestCreate_ShouldReportTheMethodSetOnTheRequest()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new HttpClientCallAnalyzer(), """
            using System.Net;
            class Soap
            {
                const string Endpoint = "http://erp.internal/Service.asmx";
                void Call()
                {
                    var request = (HttpWebRequest)WebRequest.Create(Endpoint);
                    request.Method = "POST";
                    request.ContentType = "text/xml";
                    var legacy = WebRequest.Create("https://legacy.example/feed.xml");
                }
            }
            """);

        Assert.Equal(
            ["POST http://erp.internal/Service.asmx System.Net.HttpWebRequest", "GET https://legacy.example/feed.xml System.Net.HttpWebRequest"],
            diagnostics.Where(d => d.Id == RuleIdentifiers.HttpClientCall).Select(d => $"{d.Properties[FindingProperties.HttpMethod]} {d.Properties[FindingProperties.Target]} {d.Properties[FindingProperties.Library]}"));
    }

    [Fact]
    public async Task DownloadStringOnAnUnrelatedType_ShouldNotReportDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class Storage
            {
                public string DownloadString(string path) => path;
                void Use() => DownloadString("https://not-a-call.example/");
            }
            """);
    }
}
