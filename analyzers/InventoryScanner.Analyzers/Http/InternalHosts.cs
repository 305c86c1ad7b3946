using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InventoryScanner.Analyzers.Http
{
    /// <summary>
    /// Hosts where plain http:// is acceptable: this machine, plus <c>inventory.internal_hosts</c> from .editorconfig
    /// (comma-separated host names; <c>*.svc.cluster.local</c> matches a suffix).
    /// </summary>
    internal sealed class InternalHosts
    {
        public const string OptionKey = "inventory.internal_hosts";

        private static readonly InternalHosts Default = new InternalHosts(new string[0]);
        private static readonly string[] LocalHosts = { "localhost", "127.0.0.1", "[::1]", "::1", "host.docker.internal" };
        private readonly string[] _configured;

        private InternalHosts(string[] configured)
        {
            _configured = configured;
        }

        public static InternalHosts For(AnalyzerOptions options, SyntaxTree tree)
        {
            if (!options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(OptionKey, out var value) || value.Trim().Length == 0)
            {
                return Default;
            }

            var hosts = new List<string>();
            foreach (var part in value.Split(','))
            {
                if (part.Trim().Length > 0)
                {
                    hosts.Add(part.Trim().ToLowerInvariant());
                }
            }

            return new InternalHosts(hosts.ToArray());
        }

        /// <summary>True when the URL's host is this machine or a configured internal host.</summary>
        public bool IsLocal(string url)
        {
            var host = HostOf(url);
            if (host.Length == 0)
            {
                return true;
            }

            foreach (var local in LocalHosts)
            {
                if (host == local)
                {
                    return true;
                }
            }

            foreach (var configured in _configured)
            {
                if (configured.StartsWith("*.", StringComparison.Ordinal)
                    ? host.EndsWith(configured.Substring(1), StringComparison.Ordinal)
                    : host == configured)
                {
                    return true;
                }
            }

            return false;
        }

        private static string HostOf(string url) => UriText.HostOf(url).ToLowerInvariant();
    }
}
