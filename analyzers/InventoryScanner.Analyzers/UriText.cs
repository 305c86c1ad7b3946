namespace InventoryScanner.Analyzers
{
    /// <summary>URI text helpers that keep <c>{placeholders}</c> intact (System.Uri would escape them).</summary>
    public static class UriText
    {
        public static bool IsAbsolute(string text)
        {
            var scheme = text.IndexOf("://", System.StringComparison.Ordinal);
            return scheme > 0 && text.IndexOf('/') > scheme;
        }

        /// <summary>
        /// A logical service name resolved by service discovery rather than an address: the <c>https+http://</c> and
        /// <c>http+https://</c> schemes of Microsoft.Extensions.ServiceDiscovery, or a single-label host that is not
        /// localhost (<c>http://catalog-api</c>, a Kubernetes or Compose service, an Aspire resource).
        /// </summary>
        public static bool IsServiceName(string url)
        {
            var scheme = url.IndexOf("://", System.StringComparison.Ordinal);
            if (scheme <= 0)
            {
                return false;
            }

            if (url.IndexOf('+', 0, scheme) >= 0)
            {
                return true;
            }

            var host = HostOf(url);
            return host.Length > 0 && host.IndexOf('.') < 0 && host.IndexOf(':') < 0 && host.IndexOf('{') < 0
                && !string.Equals(host, "localhost", System.StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The host of an absolute URL, without user info or port; empty when there is none.</summary>
        public static string HostOf(string url)
        {
            var scheme = url.IndexOf("://", System.StringComparison.Ordinal);
            if (scheme < 0)
            {
                return string.Empty;
            }

            var start = scheme + 3;
            var end = start;
            while (end < url.Length && url[end] != '/' && url[end] != '?' && url[end] != '#')
            {
                end++;
            }

            var authority = url.Substring(start, end - start);
            var at = authority.LastIndexOf('@');
            if (at >= 0)
            {
                authority = authority.Substring(at + 1);
            }

            if (authority.StartsWith("[", System.StringComparison.Ordinal))
            {
                var close = authority.IndexOf(']');
                return close < 0 ? authority : authority.Substring(0, close + 1);
            }

            var colon = authority.IndexOf(':');
            return colon < 0 ? authority : authority.Substring(0, colon);
        }

        /// <summary>
        /// Appends a path the way RestSharp resources and Flurl segments are appended: one slash between the parts, the
        /// base's path kept (<c>https://api/v2</c> + <c>users</c> → <c>https://api/v2/users</c>). An absolute path wins.
        /// </summary>
        public static string AppendPath(string baseUri, string path)
        {
            if (path.Length == 0)
            {
                return baseUri;
            }

            return IsAbsolute(path) ? path : baseUri.TrimEnd('/') + "/" + path.TrimStart('/');
        }

        /// <summary>Merges a relative reference into a base, as RFC 3986 section 5.2 does for the common forms.</summary>
        public static string Combine(string baseUri, string relative)
        {
            if (relative.Length == 0)
            {
                return baseUri;
            }

            if (IsAbsolute(relative))
            {
                return relative;
            }

            if (!IsAbsolute(baseUri))
            {
                // A placeholder base ({config:Crm:BaseUrl}): keep one slash between the parts.
                return baseUri.TrimEnd('/') + "/" + relative.TrimStart('/');
            }

            var authorityStart = baseUri.IndexOf("://", System.StringComparison.Ordinal) + 3;
            var pathStart = baseUri.IndexOf('/', authorityStart);
            var origin = pathStart < 0 ? baseUri : baseUri.Substring(0, pathStart);
            if (relative[0] == '/')
            {
                return origin + relative;
            }

            if (relative[0] == '?')
            {
                var query = baseUri.IndexOf('?');
                return (query < 0 ? baseUri : baseUri.Substring(0, query)) + relative;
            }

            var basePath = pathStart < 0 ? "/" : baseUri.Substring(pathStart);
            var queryInBase = basePath.IndexOf('?');
            if (queryInBase >= 0)
            {
                basePath = basePath.Substring(0, queryInBase);
            }

            var lastSlash = basePath.LastIndexOf('/');
            return origin + basePath.Substring(0, lastSlash + 1) + relative;
        }
    }
}
