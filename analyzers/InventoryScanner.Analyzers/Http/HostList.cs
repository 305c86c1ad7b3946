using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InventoryScanner.Analyzers.Http
{
    /// <summary>
    /// A list of hosts from .editorconfig (comma-separated host names; <c>*.svc.cluster.local</c> matches a suffix):
    /// <c>inventory.internal_hosts</c>, where plain http:// is acceptable (this machine always is), and
    /// <c>inventory.ignore_hosts</c>, whose calls are not inventoried at all (telemetry collectors, a health endpoint).
    /// </summary>
    internal sealed class HostList
    {
        public const string InternalHostsKey = "inventory.internal_hosts";
        public const string IgnoreHostsKey = "inventory.ignore_hosts";

        private static readonly string[] LocalHosts = { "localhost", "127.0.0.1", "[::1]", "::1", "host.docker.internal" };
        private static readonly string[] None = new string[0];
        private readonly string[] _hosts;

        private HostList(string[] hosts)
        {
            _hosts = hosts;
        }

        /// <summary>This machine and the configured internal hosts.</summary>
        public static HostList Internal(AnalyzerOptions options, SyntaxTree tree) => Read(options, tree, InternalHostsKey, LocalHosts);

        /// <summary>The hosts whose calls the configuration asks to leave out of the inventory.</summary>
        public static HostList Ignored(AnalyzerOptions options, SyntaxTree tree) => Read(options, tree, IgnoreHostsKey, None);

        private static HostList Read(AnalyzerOptions options, SyntaxTree tree, string key, string[] always)
        {
            var hosts = new List<string>(always);
            if (options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(key, out var value))
            {
                foreach (var part in value.Split(','))
                {
                    if (part.Trim().Length > 0)
                    {
                        hosts.Add(part.Trim().ToLowerInvariant());
                    }
                }
            }

            return new HostList(hosts.ToArray());
        }

        /// <summary>True when the URL's host is in the list (a relative URL, with no host, is this machine's).</summary>
        public bool Contains(string url, bool relativeIsLocal = true)
        {
            var host = UriText.HostOf(url).ToLowerInvariant();
            if (host.Length == 0)
            {
                return relativeIsLocal;
            }

            foreach (var listed in _hosts)
            {
                if (listed.StartsWith("*.", StringComparison.Ordinal)
                    ? host.EndsWith(listed.Substring(1), StringComparison.Ordinal)
                    : host == listed)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
