using System.Text.RegularExpressions;

namespace InventoryScanner.Core.Analysis;

/// <summary>
/// Defence in depth for text that is not a secret finding but could quote one (a code snippet, a URL): credential
/// values in <c>key=value</c> pairs and URL user info are masked before anything is written.
/// </summary>
public static partial class Redactor
{
    public static string Redact(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        text = KeyValueSecret().Replace(text, match => match.Groups["key"].Value + match.Groups["sep"].Value + "***");
        return UrlUserInfo().Replace(text, match => match.Groups["scheme"].Value + match.Groups["user"].Value + ":***@");
    }

    [GeneratedRegex(@"(?<key>\b(?:password|pwd|passwd|accountkey|sharedaccesskey|secret|client_secret|apikey|api_key|access_token|token)\b)(?<sep>\s*=\s*)(?<value>[^;&""'\s]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex KeyValueSecret();

    [GeneratedRegex(@"(?<scheme>[a-z][a-z0-9+.-]*://)(?<user>[^/:@\s""']+):(?<pass>[^@/\s""']+)@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UrlUserInfo();
}
