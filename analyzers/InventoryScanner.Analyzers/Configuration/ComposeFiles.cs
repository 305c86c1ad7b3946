using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace InventoryScanner.Analyzers.Configuration
{
    /// <summary>
    /// What docker-compose files say about the projects they run: which service is built from which project folder
    /// (<c>build: { context: ., dockerfile: src/Orders.Api/Dockerfile }</c>, <c>build: ./src/Orders.Api</c>), and the
    /// <c>environment:</c> those services get. Compose reads <c>docker-compose.yml</c> and <c>docker-compose.override.yml</c>
    /// of one folder as one file, so a service built in one and configured in the other is the same service.
    /// </summary>
    internal static class ComposeFiles
    {
        /// <summary>The services a compose file builds from a project folder, with the key their <c>build</c> is read at.</summary>
        public static IEnumerable<BuiltService> BuiltServices(ConfigurationFile file)
        {
            var services = file.Values.Keys
                .Where(k => k.StartsWith("services:", StringComparison.OrdinalIgnoreCase))
                .Select(k => k.Split(':'))
                .Where(parts => parts.Length >= 3 && parts[2].Equals("build", StringComparison.OrdinalIgnoreCase))
                .Select(parts => parts[1])
                .Distinct(StringComparer.Ordinal)
                .OrderBy(s => s, StringComparer.Ordinal);
            foreach (var service in services)
            {
                var prefix = "services:" + service + ":build";
                var context = Value(file, prefix) ?? Value(file, prefix + ":context") ?? ".";
                var dockerfile = Value(file, prefix + ":dockerfile");
                if (FolderOf(context, dockerfile) is { } folder)
                {
                    var key = file.Values.ContainsKey(prefix) ? prefix : file.Values.Keys.First(k => k.StartsWith(prefix + ":", StringComparison.Ordinal));
                    yield return new BuiltService(service, folder, dockerfile is not null, key);
                }
            }
        }

        /// <summary>
        /// The environment compose gives the services built from <paramref name="projectDirectory"/>, one configuration view
        /// per compose file that sets some, keyed as .NET configuration reads environment variables (<c>Partner__Url</c> is
        /// <c>Partner:Url</c>). <c>${VAR:-default}</c> takes its default, <c>${VAR}</c> the folder's <c>.env</c> value; a
        /// variable set nowhere stays as written. The base file and its override are the default run; other files
        /// (<c>docker-compose.prod.yml</c>) are their environment's.
        /// </summary>
        public static List<ConfigurationFile> EnvironmentOf(IReadOnlyList<ConfigurationFile> files, string projectDirectory)
        {
            var views = new List<ConfigurationFile>();
            var project = Normalize(projectDirectory);
            foreach (var folder in files.Where(f => ConfigurationFileNames.IsComposeFile(f.Name)).GroupBy(f => Normalize(Path.GetDirectoryName(f.Path) ?? string.Empty), StringComparer.Ordinal))
            {
                var services = new HashSet<string>(
                    folder.SelectMany(BuiltServices).Where(s => string.Equals(Normalize(folder.Key + "/" + s.Folder), project, StringComparison.OrdinalIgnoreCase)).Select(s => s.Service),
                    StringComparer.Ordinal);
                if (services.Count == 0)
                {
                    continue;
                }

                var variables = files.FirstOrDefault(f => f.Name == ".env" && string.Equals(Normalize(Path.GetDirectoryName(f.Path) ?? string.Empty), folder.Key, StringComparison.Ordinal))?.Values;
                foreach (var file in folder.OrderBy(f => IsOverride(f.Name) ? 0 : 1))
                {
                    var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                    foreach (var service in services.OrderBy(s => s, StringComparer.Ordinal))
                    {
                        var prefix = "services:" + service + ":environment:";
                        foreach (var entry in file.Values.Where(e => e.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
                        {
                            var key = entry.Key.Substring(prefix.Length).Replace("__", ":");
                            values[key] = Substitute(entry.Value, variables);
                            if (file.Positions.TryGetValue(entry.Key, out var position))
                            {
                                positions[key] = position;
                            }
                        }
                    }

                    if (values.Count > 0)
                    {
                        var environment = IsOverride(file.Name) ? ConfigurationFiles.DefaultEnvironment : file.Environment;
                        views.Add(new ConfigurationFile(file.Path, file.Name, environment, values, positions, isDeployment: true));
                    }
                }
            }

            return views;
        }

        /// <summary>
        /// The folders of the repository a service mounts from any compose file of the folder (<c>volumes: -
        /// ./src/ApiGateways/Web.Bff.Shopping/apigw:/app/configuration</c>, or <c>source:</c> in the long form), relative to
        /// the compose files' folder; named volumes, absolute paths and paths out of the folder are not the repository's.
        /// </summary>
        public static List<string> MountedFolders(IEnumerable<ConfigurationFile> folderFiles, string service)
        {
            var prefix = "services:" + service + ":volumes:";
            var folders = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var file in folderFiles)
            {
                foreach (var entry in file.Values.Where(e => e.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
                {
                    var rest = entry.Key.Substring(prefix.Length);
                    var source = rest.IndexOf(':') < 0 ? entry.Value.Split(':')[0]
                        : rest.EndsWith(":source", StringComparison.OrdinalIgnoreCase) ? entry.Value
                        : null;
                    if (source is not null && source.StartsWith(".", StringComparison.Ordinal) && FolderOf(source, null) is { } folder)
                    {
                        folders.Add(folder);
                    }
                }
            }

            return folders.ToList();
        }

        /// <summary>
        /// The folder that holds the Dockerfile (under the context), else the context itself, relative to the compose file's
        /// folder; null for the compose file's own folder, a path out of it, or one built from variables.
        /// </summary>
        public static string? FolderOf(string context, string? dockerfile)
        {
            var path = (dockerfile is null ? context : context.TrimEnd('/') + "/" + dockerfile).Replace('\\', '/');
            var segments = path.Split('/').Where(s => s.Length > 0 && s != ".").ToList();
            if (dockerfile is not null && segments.Count > 0)
            {
                segments.RemoveAt(segments.Count - 1); // the Dockerfile itself
            }

            return segments.Count == 0 || segments.Any(s => s == ".." || s.Contains("$")) ? null : string.Join("/", segments);
        }

        /// <summary><c>${VAR:-default}</c>, <c>${VAR-default}</c> and <c>${VAR}</c> / <c>$VAR</c> as compose substitutes them, from the folder's <c>.env</c>.</summary>
        internal static string Substitute(string value, IReadOnlyDictionary<string, string>? variables)
        {
            var start = value.IndexOf("${", StringComparison.Ordinal);
            if (start < 0)
            {
                return value;
            }

            var end = value.IndexOf('}', start);
            if (end < 0)
            {
                return value;
            }

            var expression = value.Substring(start + 2, end - start - 2);
            var operation = expression.IndexOfAny(new[] { ':', '-', '?' });
            var name = operation < 0 ? expression : expression.Substring(0, operation);
            var op = operation < 0 ? string.Empty : expression.Substring(operation);
            var fallback = op.StartsWith(":-", StringComparison.Ordinal) ? op.Substring(2) : op.StartsWith("-", StringComparison.Ordinal) ? op.Substring(1) : null;
            string? replacement = null;
            if (variables is not null && variables.TryGetValue(name, out var set) && !(set.Length == 0 && op.StartsWith(":-", StringComparison.Ordinal)))
            {
                replacement = set;
            }
            else
            {
                replacement = fallback;
            }

            var rest = Substitute(value.Substring(end + 1), variables);
            return replacement is null ? value.Substring(0, end + 1) + rest : value.Substring(0, start) + replacement + rest;
        }

        private static bool IsOverride(string fileName) => fileName.IndexOf(".override.", StringComparison.OrdinalIgnoreCase) >= 0;

        private static string Normalize(string path)
        {
            var parts = new List<string>();
            foreach (var part in path.Replace('\\', '/').Split('/'))
            {
                if (part == "..")
                {
                    if (parts.Count > 0)
                    {
                        parts.RemoveAt(parts.Count - 1);
                    }
                }
                else if (part.Length > 0 && part != ".")
                {
                    parts.Add(part);
                }
            }

            return string.Join("/", parts);
        }

        private static string? Value(ConfigurationFile file, string key) =>
            file.Values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
    }

    /// <summary>A compose service built from a project folder (relative to the compose file's folder).</summary>
    internal readonly struct BuiltService
    {
        public BuiltService(string service, string folder, bool hasDockerfile, string key)
        {
            Service = service;
            Folder = folder;
            HasDockerfile = hasDockerfile;
            Key = key;
        }

        public string Service { get; }

        public string Folder { get; }

        /// <summary>The build names a Dockerfile (its folder is the project's); else the folder is the build context.</summary>
        public bool HasDockerfile { get; }

        /// <summary>The key the service's <c>build</c> is read at, where its finding points.</summary>
        public string Key { get; }
    }
}
