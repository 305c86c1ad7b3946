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
