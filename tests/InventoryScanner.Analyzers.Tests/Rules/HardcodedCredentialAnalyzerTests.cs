using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;
using VerifyCS = InventoryScanner.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<InventoryScanner.Analyzers.Rules.HardcodedCredentialAnalyzer>;

namespace InventoryScanner.Analyzers.Tests.Rules;

public sealed class HardcodedCredentialAnalyzerTests
{
    [Fact]
    public async Task CredentialNamedSinks_ShouldReportDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;
            class Settings
            {
                private const string ApiKey = {|#0:"sk_live_51HxQ2eR7t"|};
                public string ClientSecret { get; set; } = {|#1:"c7a1-Zq9!x"|};
                private string db_password = {|#2:"Winter2024!"|};

                void Connect()
                {
                    var adminPwd = {|#3:"hunter22"|};
                    var githubToken = {|#7:"ghp_16C7e42F292c6912E7710c838347Ae178B4a"|};
                    var options = new Settings { ClientSecret = {|#4:"rotate-me-91"|} };
                    Login(user: "svc", password: {|#5:"P@ssw0rd!"|});
                    var credential = new NetworkCredential("svc", {|#6:"Summer#2023"|});
                }

                static void Login(string user, string password) { }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("apikey"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("clientsecret"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("password"),
            VerifyCS.Diagnostic().WithLocation(3).WithArguments("pwd"),
            VerifyCS.Diagnostic().WithLocation(7).WithArguments("github-token"),
            VerifyCS.Diagnostic().WithLocation(4).WithArguments("clientsecret"),
            VerifyCS.Diagnostic().WithLocation(5).WithArguments("password"),
            VerifyCS.Diagnostic().WithLocation(6).WithArguments("password"));
    }

    [Theory]
    [InlineData("Server=sql01;Database=Orders;User Id=app;Password=Sup3rS3cret!", "Password")]
    [InlineData("Host=pg.internal;Username=orders;Pwd=orders-2019", "Pwd")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=q1w2e3r4t5y6u7i8o9p0==;EndpointSuffix=core.windows.net", "AccountKey")]
    public async Task ConnectionStringWithCredential_ShouldReportDiagnostic(string connectionString, string key)
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            class Db
            {
                public static readonly string Orders = {|#0:"{{connectionString}}"|};
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments(key));
    }

    [Fact]
    public async Task NotSecrets_ShouldNotReportDiagnostic()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System;
            class Config
            {
                private const string PasswordKey = "Database:Password";
                private const string ApiKeyHeader = "X-Api-Key";
                private const string TokenEndpoint = "https://login.example.com/oauth2/token";
                private const int PasswordLength = 12;
                private string password = "";
                private string secret = "<secret>";
                private string apiKey = "${API_KEY}";
                private string token = "{0}";
                private string pwd = "****";
                private string Tokenizer = "whitespace-splitter";
                public const string InvalidPassword = "28P01";
                private readonly object rule = new Rule(token: "hsbs");
                private readonly object positional = new Rule("bluray");
                private sealed class Rule(string token) { }
                private string cancellationToken = "not-a-secret-name";
                private string integrated = "Server=sql01;Database=Orders;Integrated Security=true";
                private string placeholderPassword = "Server=sql01;User Id=sa;Password=<password>";

                void Load(Func<string, string> config)
                {
                    var dbPassword = config("Database:Password");
                    var envToken = Environment.GetEnvironmentVariable("TOKEN");
                    string prompt = "Please enter your password";
                }
            }
            """);
    }

    [Fact]
    public async Task KeywordsFromEditorConfig_ShouldReplaceTheDefaults()
    {
        await VerifyCS.VerifyAnalyzerAsync(
            [
                """
                class Kiosk
                {
                    private const string Passcode = {|#0:"7781-2291"|};
                    private const string Password = "not-reported-under-custom-words";
                }
                """,
            ],
            editorConfig: "inventory.secret_keywords = passcode, pin",
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("passcode"));
    }

    [Fact]
    public async Task Properties_ShouldCarryRedactedEvidenceAndHashButNeverTheValue()
    {
        const string value = "Sup3rS3cret!";
        var diagnostic = await AnalyzerRunner.SingleAsync(new HardcodedCredentialAnalyzer(), $$"""
            class Db { const string Cs = "Server=sql01;Database=Orders;User Id=app;Password={{value}}"; }
            """);

        Assert.Equal("Server=sql01;Database=Orders;User Id=app;Password=Sup…(12 chars)", diagnostic.Properties[FindingProperties.Evidence]);
        Assert.Equal("connection string to sql01", diagnostic.Properties[FindingProperties.Target]);
        Assert.Equal("connection-string", diagnostic.Properties[FindingProperties.SecretKind]);
        Assert.Matches("^[0-9a-f]{16}$", diagnostic.Properties[FindingProperties.ValueHash]);
        Assert.DoesNotContain(diagnostic.Properties.Values, v => v?.Contains(value, StringComparison.Ordinal) == true);
        Assert.DoesNotContain(value, diagnostic.GetMessage(), StringComparison.Ordinal);
    }
}
