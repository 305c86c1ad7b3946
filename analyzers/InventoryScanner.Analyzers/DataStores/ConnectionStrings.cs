using System;
using System.Collections.Generic;
using System.Linq;

namespace InventoryScanner.Analyzers.DataStores
{
    /// <summary>
    /// The store a connection string names, without its credentials: <c>Server=db1;Database=orders;Password=…</c> →
    /// <c>db1/orders</c>; <c>mongodb://user:pw@mongo:27017/catalog</c> → <c>mongo/catalog</c>;
    /// <c>redis:6379,password=…</c> → <c>redis</c>; <c>Data Source=app.db</c> (SQLite) → <c>app.db</c>.
    /// </summary>
    internal static class ConnectionStrings
    {
        /// <summary>
        /// Whether a data-store target names one store (a database, a container, a host) rather than only a cloud service
        /// reached with a key or a region (<c>s3:aws</c>, <c>sendgrid:api</c>): two components on <c>s3:aws</c> share a
        /// vendor, not a bucket.
        /// </summary>
        public static bool NamesOneStore(string target)
        {
            var colon = target.IndexOf(':');
            return colon > 0
                && !(ServiceStores.TryGetValue(target.Substring(0, colon), out var service) && target.Substring(colon + 1) == service)
                && !target.Substring(colon + 1).Split('/').Any(IsPlaceholder)
                // SQLite in memory lives and dies with its process: nobody else can reach it.
                && target.IndexOf(":memory:", StringComparison.OrdinalIgnoreCase) < 0;
        }

        /// <summary>A template's stand-in for a real name: <c>TODO</c>, <c>xxx</c>, <c>&lt;server&gt;</c>, <c>your-server</c>, <c>__DB__</c>.</summary>
        private static bool IsPlaceholder(string part)
        {
            var text = part.Trim();
            return text.Length == 0
                || text.Equals("TODO", StringComparison.OrdinalIgnoreCase) || text.Equals("TBD", StringComparison.OrdinalIgnoreCase)
                || text.Equals("changeme", StringComparison.OrdinalIgnoreCase) || text.Equals("placeholder", StringComparison.OrdinalIgnoreCase)
                || text.Trim('x', 'X').Length == 0
                || (text.StartsWith("<", StringComparison.Ordinal) && text.EndsWith(">", StringComparison.Ordinal))
                || (text.StartsWith("__", StringComparison.Ordinal) && text.EndsWith("__", StringComparison.Ordinal))
                || text.StartsWith("your", StringComparison.OrdinalIgnoreCase) && text.Length > 4 && !char.IsLower(text[4]);
        }

        private static readonly string[] HostKeys = { "server", "host", "data source", "datasource", "address", "addr", "network address", "hostname", "accountendpoint" };
        private static readonly string[] DatabaseKeys = { "database", "initial catalog", "dbname", "database name" };

        /// <summary>Stores that are one cloud service: what the code hands them is a key or a region, not an address.</summary>
        private static readonly Dictionary<string, string> ServiceStores = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sendgrid"] = "api",
            ["postmark"] = "api",
            ["mailgun"] = "api",
            ["s3"] = "aws",
            ["ses"] = "aws",
            ["dynamodb"] = "aws",
            ["gcs"] = "google",
        };

        /// <summary>Azure Storage's services, whose connection string names the account.</summary>
        private static readonly HashSet<string> AzureStorage = new HashSet<string>(StringComparer.Ordinal) { "azure-blob", "azure-table", "azure-files", "azure-datalake", "azure-storage" };

        public static string? Describe(string store, string value)
        {
            value = value.Trim();
            if (value.Length == 0)
            {
                return null;
            }

            // Entity Framework 6's entity connection string (database first, .edmx):
            // metadata=res://*/Shop.csdl|…;provider=System.Data.SqlClient;provider connection string="data source=.;initial catalog=Shop"
            var inner = value.IndexOf("provider connection string", StringComparison.OrdinalIgnoreCase);
            if (inner >= 0 && value.IndexOf('=', inner) is var equals and > 0)
            {
                var provider = value.Substring(equals + 1).Trim().Trim('"', '\'', ' ');
                return Describe(store, provider.EndsWith("\"", StringComparison.Ordinal) ? provider.Substring(0, provider.Length - 1) : provider);
            }

            var scheme = value.IndexOf("://", StringComparison.Ordinal);
            if (scheme > 0 && value.Substring(0, scheme).All(c => char.IsLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))
            {
                // mongodb://, postgres://, redis://, https://account.blob.core.windows.net/container; a file server is its host
                // (ftp://files.example/inbound/x.csv is files.example: the files on it are not separate stores).
                return store is "ftp" or "sftp" ? HostOfUrl(value) : FromUrl(value);
            }

            if (ServiceStores.TryGetValue(store, out var service))
            {
                // An API key or a region: the service is the target, the key is the credential rule's.
                return service;
            }

            if (store == "redis")
            {
                // StackExchange.Redis: "host:port,host2:port,password=…,ssl=true"
                var first = value.Split(',')[0].Trim();
                return first.IndexOf('=') >= 0 ? null : HostOnly(first);
            }

            if (value.IndexOf('=') < 0)
            {
                // A name (EF6's "name=Orders" reaches here as a key), a SQLite file, a host (memcached:11211), or a placeholder.
                return value.IndexOf(' ') >= 0 ? null : store == "memcached" || store == "cassandra" ? HostOnly(value) : value;
            }

            var pairs = value.Split(';')
                .Select(part => part.Split(new[] { '=' }, 2))
                .Where(kv => kv.Length == 2)
                .Select(kv => (Key: kv[0].Trim().ToLowerInvariant(), Value: kv[1].Trim()))
                .ToList();
            var host = pairs.FirstOrDefault(p => HostKeys.Contains(p.Key)).Value;
            var database = pairs.FirstOrDefault(p => DatabaseKeys.Contains(p.Key)).Value;
            if (pairs.FirstOrDefault(p => p.Key == "endpoint").Value is { } endpoint && Uri.TryCreate(endpoint, UriKind.Absolute, out var endpointUri))
            {
                // Azure Communication Services: endpoint=https://contoso.communication.azure.com/;accesskey=…
                return endpointUri.Host;
            }

            if (AzureStorage.Contains(store))
            {
                // DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=…: the account; UseDevelopmentStorage=true: the emulator.
                return pairs.FirstOrDefault(p => p.Key == "accountname").Value
                    ?? (pairs.Any(p => p.Key == "usedevelopmentstorage") ? "devstoreaccount1" : null);
            }

            if (store == "sqlite")
            {
                return host ?? pairs.FirstOrDefault(p => p.Key == "filename").Value;
            }

            if (host is null && database is null)
            {
                return null;
            }

            host = host is null ? null : HostOnly(host);
            return database is null ? host : (host ?? "?") + "/" + database;
        }

        private static string? FromUrl(string value)
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
            {
                return null;
            }

            var database = uri.AbsolutePath.Trim('/');
            return database.Length == 0 ? uri.Host : uri.Host + "/" + database;
        }

        /// <summary>The server of an address, with no path: <c>ftp://files.example/inbound/x.csv</c> → <c>files.example</c>; null for a template's hole.</summary>
        private static string? HostOfUrl(string value) =>
            Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && uri.Host.IndexOf('{') < 0 ? uri.Host : null;

        /// <summary><c>tcp:db1.example.com,1433</c> → <c>db1.example.com</c>; <c>mongo:27017</c> → <c>mongo</c>; <c>(localdb)\MSSQLLocalDB</c> kept.</summary>
        private static string HostOnly(string host)
        {
            if (host.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase))
            {
                host = host.Substring(4);
            }

            var comma = host.IndexOf(',');
            if (comma > 0)
            {
                host = host.Substring(0, comma);
            }

            var colon = host.LastIndexOf(':');
            if (colon > 0 && host.Substring(colon + 1).All(char.IsDigit) && host.IndexOf(']') < 0)
            {
                host = host.Substring(0, colon);
            }

            return host.Trim();
        }
    }
}
