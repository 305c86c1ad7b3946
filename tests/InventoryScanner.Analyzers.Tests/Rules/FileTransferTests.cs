using InventoryScanner.Analyzers.Rules;
using InventoryScanner.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace InventoryScanner.Analyzers.Tests.Rules;

/// <summary>FTP through the framework's WebRequest and WebClient, and Windows file shares by their UNC path: object and file storage, not HTTP.</summary>
public sealed class FileTransferTests
{
    private static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Id} {d.Properties[FindingProperties.Kind]} {d.Properties[FindingProperties.Library]} {d.Properties[FindingProperties.Target]}").ToArray();

    private static readonly (string, string)[] Settings =
    [
        ("/src/Exports/appsettings.json", """{ "Partner": { "Drop": "ftp://drop.partner.example/inbound/" }, "Exports": { "Share": "\\\\fileserver01\\exports\\daily" } }"""),
    ];

    private const string Code = """
        using System.IO;
        using System.Net;
        using Microsoft.Extensions.Configuration;
        class Exports
        {
            private const string Archive = @"\\ARCHIVE-SRV\invoices$\2024";
            void Send(IConfiguration configuration, string file, string server)
            {
                var request = (FtpWebRequest)WebRequest.Create("ftp://files.partner.example/inbound/orders.csv");
                request.Method = WebRequestMethods.Ftp.UploadFile;
                var listing = WebRequest.Create(server) as FtpWebRequest;
                using var client = new WebClient();
                client.UploadFile(configuration["Partner:Drop"] + Path.GetFileName(file), file);
                File.WriteAllText(Path.Combine(configuration["Exports:Share"], "orders.csv"), "…");
                File.Copy(file, Path.Combine(Archive, Path.GetFileName(file)));
                using var writer = new StreamWriter("\\\\fileserver01\\exports\\summary.txt");
                var watcher = new FileSystemWatcher(@"\\scanner-pc\incoming");
            }
        }
        """;

    [Fact]
    public async Task FtpAndShares_ShouldBeFileStorage_NamingTheServerAndTheShare()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(new DataStoreAnalyzer(), Settings, Code, Stubs.Configuration);

        Assert.Equal(
            [
                "INV4003 blob-storage System.Net.FtpWebRequest ftp:files.partner.example",
                "INV4003 blob-storage System.Net.FtpWebRequest ftp:unresolved",
                "INV4003 blob-storage System.Net.WebClient ftp:drop.partner.example",
                "INV4003 blob-storage System.IO smb:fileserver01/exports",
                "INV4003 blob-storage System.IO smb:archive-srv/invoices$",
                "INV4003 blob-storage System.IO smb:fileserver01/exports",
                "INV4003 blob-storage System.IO smb:scanner-pc/incoming",
            ],
            Describe(diagnostics));
        Assert.All(diagnostics.Where(d => d.Properties[FindingProperties.Store] == "smb"), d => Assert.Equal("unc-path", d.Properties[FindingProperties.StoreUse]));
    }

    [Fact]
    public async Task FtpAddresses_ShouldNotBeHttpCalls_WhileHttpStaysHttp()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new HttpClientCallAnalyzer(),
            Settings,
            Code + """
            class Reports
            {
                string Fetch() => new System.Net.WebClient().DownloadString("https://reports.partner.example/daily");
            }
            """,
            Stubs.Configuration);

        Assert.Equal(["https://reports.partner.example/daily"], diagnostics.Where(d => d.Id == RuleIdentifiers.HttpClientCall).Select(d => d.Properties[FindingProperties.Target]));
    }

    [Fact]
    public async Task FtpRequestsWhoseConfigurationDidNotResolve_ShouldStillNameTheServer()
    {
        // System.Configuration is a package the test does not reference: ConfigurationManager is unresolved, so is the call.
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            [("/src/Billing/app.config", """<configuration><appSettings><add key="LockboxFtp" value="ftp://lockbox.bank.example/inbound/" /></appSettings></configuration>""")],
            """
            using System.Configuration;
            using System.IO;
            using System.Net;
            class Lockbox
            {
                void Send(string file)
                {
                    var request = (FtpWebRequest)WebRequest.Create(ConfigurationManager.AppSettings["LockboxFtp"] + Path.GetFileName(file));
                }
            }
            """);

        var found = Assert.Single(diagnostics);
        Assert.Equal(("ftp:lockbox.bank.example", "medium"), (found.Properties[FindingProperties.Target], found.Properties[FindingProperties.Confidence]));
    }

    [Fact]
    public async Task LocalPathsAndHttpRequests_ShouldNotBeFileStorage()
    {
        var diagnostics = await AnalyzerRunner.RunAsync(
            new DataStoreAnalyzer(),
            """
            using System.IO;
            using System.Net;
            class Local
            {
                void Write(string path)
                {
                    File.WriteAllText(@"C:\exports\orders.csv", "…");
                    File.WriteAllText(path, "…");
                    File.ReadAllText(@"\\?\C:\very\long\path.txt");
                    var pipe = new FileStream(@"\\.\pipe\orders", FileMode.Open);
                    Directory.CreateDirectory("./out");
                    var http = WebRequest.Create("https://api.example.com/orders");
                    new WebClient().DownloadString("http://intranet/report");
                    var comment = "\\\\ not a path";
                }
            }
            """);

        Assert.Empty(diagnostics);
    }
}
