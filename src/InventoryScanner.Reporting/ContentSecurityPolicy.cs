using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace InventoryScanner.Reporting;

/// <summary>
/// The HTML report's policy names its own scripts by hash: the template writes the source
/// <c>'inline-script-hashes'</c>, and the rendered page gets the SHA-256 of each plain <c>&lt;script&gt;</c> block in
/// its place. Scripts the template did not write (every scanned string is escaped, so none should exist) would not run,
/// nor would inline event handlers; with <c>default-src 'none'</c> nothing is fetched.
/// </summary>
public static partial class ContentSecurityPolicy
{
    public const string Placeholder = "'inline-script-hashes'";

    public static string AllowInlineScripts(string html)
    {
        if (!html.Contains(Placeholder, StringComparison.Ordinal))
        {
            return html;
        }

        var hashes = PlainScript().Matches(html)
            .Select(match => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(match.Groups["body"].Value))) + "'")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return html.Replace(Placeholder, hashes.Count == 0 ? "'none'" : string.Join(' ', hashes), StringComparison.Ordinal);
    }

    /// <summary>A <c>&lt;script&gt;</c> with no attributes: a JSON island (<c>type="application/json"</c>) is data, not script.</summary>
    [GeneratedRegex("<script>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 5000)]
    private static partial Regex PlainScript();
}
