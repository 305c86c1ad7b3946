using System.Security.Cryptography;
using System.Text;
using InventoryScanner.Reporting;

namespace InventoryScanner.Tests.Reporting;

public sealed class ContentSecurityPolicyTests
{
    private const string Policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'inline-script-hashes'\">";

    [Fact]
    public void PlainScripts_ShouldBeAllowedByTheirHashOnly()
    {
        const string Body = "\nconsole.log('a');\n";
        var html = ContentSecurityPolicy.AllowInlineScripts($"{Policy}<script>{Body}</script><script type=\"application/json\">{{\"a\":1}}</script>");

        var expected = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Body))) + "'";
        Assert.Contains($"script-src {expected}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(ContentSecurityPolicy.Placeholder, html, StringComparison.Ordinal);
    }

    [Fact]
    public void NoScript_ShouldAllowNone()
    {
        var html = ContentSecurityPolicy.AllowInlineScripts(Policy + "<p>static</p>");

        Assert.Contains("script-src 'none'\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateWithoutThePlaceholder_ShouldBeLeftAlone()
    {
        const string Html = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"><script>x()</script>";

        Assert.Equal(Html, ContentSecurityPolicy.AllowInlineScripts(Html));
    }
}
