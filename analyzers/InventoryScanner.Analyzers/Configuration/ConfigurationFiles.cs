using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Xml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InventoryScanner.Analyzers.Configuration
{
    /// <summary>One configuration file among the AdditionalFiles, read into keys.</summary>
    internal sealed class ConfigurationFile
    {
        public ConfigurationFile(string path, string name, string environment, Dictionary<string, string> values, Dictionary<string, int> positions, bool isDeployment = false)
        {
            IsDeployment = isDeployment;
            Path = path;
            Name = name;
            Environment = environment;
            Values = values;
            Positions = positions;
        }

        public string Path { get; }

        /// <summary>Where each key's value starts in the file (an offset), when known.</summary>
        public Dictionary<string, int> Positions { get; }

        /// <summary>The file name, e.g. <c>appsettings.Production.json</c>.</summary>
        public string Name { get; }

        /// <summary><c>default</c> for appsettings.json, web.config and app.config; otherwise the environment in the name.</summary>
        public string Environment { get; }

        public Dictionary<string, string> Values { get; }

        /// <summary>
        /// The environment a deployment gives the project (a compose service's <c>environment:</c>), which overrides the
        /// files the project ships, as environment variables override <c>appsettings.json</c>.
        /// </summary>
        public bool IsDeployment { get; }
    }

    /// <summary>
    /// The configuration a project ships: <c>appsettings*.json</c>, <c>web.config</c> and <c>app.config</c>, passed to the
    /// analyzers as AdditionalFiles (the scanner adds them; in a build, list them as AdditionalFiles). web.config's
    /// <c>appSettings</c> become keys as they are; its <c>connectionStrings</c> become <c>ConnectionStrings:name</c>,
    /// the key <c>GetConnectionString(name)</c> reads.
    /// </summary>
    internal sealed class ConfigurationFiles
    {
        public const string DefaultEnvironment = "default";

        public static readonly ConfigurationFiles Empty = new ConfigurationFiles(ImmutableArray<ConfigurationFile>.Empty);

        private ConfigurationFiles(ImmutableArray<ConfigurationFile> files)
        {
            Files = files;
        }

        /// <summary>Default files first, then environments in name order.</summary>
        public ImmutableArray<ConfigurationFile> Files { get; }

        public static ConfigurationFiles Read(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var files = new List<ConfigurationFile>();
            var deployment = new List<ConfigurationFile>();
            foreach (var additional in options.AdditionalFiles)
            {
                var file = ReadFile(additional, cancellationToken);
                if (file is null)
                {
                    continue;
                }

                if (AdditionalFileRoles.IsEnvironment(options, additional))
                {
                    deployment.Add(file);
                }
                else
                {
                    files.Add(file);
                }
            }

            // The project's own compose files run it too (src/Orders/docker-compose.yml building ".." is rare, but read alike).
            if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(OptionKeys.ProjectDirectory, out var projectDirectory) && projectDirectory.Length > 0)
            {
                files.AddRange(ComposeFiles.EnvironmentOf(deployment.Concat(files.Where(f => f.Name == ".env" || ConfigurationFileNames.IsComposeFile(f.Name))).ToList(), projectDirectory));
            }

            files.Sort((a, b) =>
            {
                var byEnvironment = (a.Environment == DefaultEnvironment ? 0 : 1).CompareTo(b.Environment == DefaultEnvironment ? 0 : 1);
                var byDeployment = (a.IsDeployment ? 0 : 1).CompareTo(b.IsDeployment ? 0 : 1);
                return byEnvironment != 0 ? byEnvironment : byDeployment != 0 ? byDeployment : string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
            });
            return files.Count == 0 ? Empty : new ConfigurationFiles(files.ToImmutableArray());
        }

        /// <summary>
        /// The file of an additional-file action, or null when it is not configuration, cannot be read, or is only lent to
        /// this project for the environment it gives it (<see cref="AdditionalFileRoles"/>): its own findings are reported
        /// where it belongs.
        /// </summary>
        public static ConfigurationFile? ReadOwnFile(AdditionalFileAnalysisContext context) =>
            AdditionalFileRoles.IsEnvironment(context.Options, context.AdditionalFile) ? null : ReadFile(context.AdditionalFile, context.CancellationToken);

        /// <summary>One configuration file, or null when the file is not configuration or cannot be read.</summary>
        public static ConfigurationFile? ReadFile(AdditionalText additional, CancellationToken cancellationToken)
        {
            var name = Path.GetFileName(additional.Path);
            var environment = ConfigurationFileNames.EnvironmentOf(name);
            if (environment is null && !name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var text = additional.GetText(cancellationToken)?.ToString();
            if (text is null)
            {
                return null;
            }

            if (environment is null)
            {
                // Ocelot's routes in a file of any name (apigw/configuration.json, mounted into a gateway's container).
                if (!ConfigurationFileNames.HasOcelotRoutes(text))
                {
                    return null;
                }

                environment = DefaultEnvironment;
            }

            Dictionary<string, int> positions;
            Dictionary<string, string>? values;
            switch (ConfigurationFileNames.FormatOf(name))
            {
                case ConfigurationFormat.Json:
                    values = JsonConfigReader.Read(text, out positions, out _);
                    break;
                case ConfigurationFormat.ServiceReferenceMap:
                    values = ReadServiceReferenceMap(additional.Path, text, out positions);
                    break;
                case ConfigurationFormat.Env:
                    values = DeploymentFileReader.ReadEnv(text, out positions);
                    break;
                case ConfigurationFormat.Yaml:
                    values = DeploymentFileReader.ReadYaml(text, out positions);
                    break;
                case ConfigurationFormat.MsBuildProperties:
                    values = DeploymentFileReader.ReadMsBuildProperties(text, out positions);
                    break;
                default:
                    values = ReadXml(text, out positions);
                    break;
            }

            return values is null ? null : new ConfigurationFile(additional.Path, name, environment, values, positions);
        }

        /// <summary>Every file that sets the key, with its value, default files first.</summary>
        public ImmutableArray<(ConfigurationFile File, string Value)> Lookup(string key)
        {
            var builder = ImmutableArray.CreateBuilder<(ConfigurationFile, string)>();
            foreach (var file in Files)
            {
                if (file.Values.TryGetValue(key, out var value))
                {
                    builder.Add((file, value));
                }
            }

            return builder.ToImmutable();
        }

        private static Dictionary<string, string>? ReadXml(string text, out Dictionary<string, int> positions)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var lineStarts = LineStarts(text);
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = false };
            try
            {
                using (var reader = XmlReader.Create(new StringReader(text), settings))
                {
                    string? section = null;
                    string? settingsClass = null;
                    string? setting = null;
                    var path = new string[8];
                    while (reader.Read())
                    {
                        if (reader.NodeType == XmlNodeType.Comment)
                        {
                            AddCommentedOutConnectionStrings(reader, values, positions, lineStarts);
                            continue;
                        }

                        if (reader.NodeType != XmlNodeType.Element)
                        {
                            continue;
                        }

                        if (reader.Depth < path.Length)
                        {
                            path[reader.Depth] = reader.LocalName;
                        }

                        if (section is not ("appSettings" or "connectionStrings") && reader.Depth >= 2 && reader.HasAttributes)
                        {
                            // A connection string with its password in any other section: log4net's AdoNetAppender
                            // (<connectionString value="…">), ELMAH's <errorLog connectionString="…">, NLog's database target.
                            AddEmbeddedConnectionStrings(reader, path, values, positions, lineStarts);
                        }

                        if (reader.Depth == 2 && reader.LocalName == "machineKey" && path[1] == "system.web")
                        {
                            // <machineKey validationKey="…" decryptionKey="…">: the keys that sign and encrypt the site's cookies
                            // and view state, written out (AutoGenerate is no key, and the key rule judges the value).
                            foreach (var attribute in new[] { "validationKey", "decryptionKey" })
                            {
                                if (reader.GetAttribute(attribute) is { Length: > 0 } machineKey)
                                {
                                    values["system.web:machineKey:" + attribute] = machineKey;
                                    positions["system.web:machineKey:" + attribute] = Offset(reader, lineStarts, attribute);
                                }
                            }

                            continue;
                        }

                        // Under <forms>, or (misplaced, and still read by whoever wrote it) straight under <authentication>.
                        if (reader.Depth is 4 or 5 && reader.LocalName == "user" && path[1] == "system.web" && path[2] == "authentication" && path[reader.Depth - 1] == "credentials"
                            && reader.GetAttribute("name") is { Length: > 0 } user && reader.GetAttribute("password") is { } password)
                        {
                            // Forms authentication's own users, written in the file: <credentials><user name="admin" password="…" />.
                            values[FormsCredentialKeys.Of(user)] = password;
                            positions[FormsCredentialKeys.Of(user)] = Offset(reader, lineStarts, "password");
                            continue;
                        }

                        if (reader.Depth == 1 && (reader.LocalName == "appSettings" || reader.LocalName == "connectionStrings" || reader.LocalName == "applicationSettings" || reader.LocalName == "userSettings"))
                        {
                            section = reader.LocalName;
                            settingsClass = null;
                        }
                        else if (reader.Depth == 2 && (section == "applicationSettings" || section == "userSettings"))
                        {
                            // <applicationSettings><Ns.Properties.Settings><setting name="X"><value>…</value>: Visual Studio's settings designer.
                            settingsClass = reader.Name;
                        }
                        else if (reader.Depth == 3 && reader.LocalName == "setting" && settingsClass is not null)
                        {
                            setting = reader.GetAttribute("name");
                        }
                        else if (reader.Depth == 4 && reader.LocalName == "value" && settingsClass is not null && setting is not null)
                        {
                            var key = SettingsKeys.Of(section!, settingsClass, setting);
                            positions[key] = Offset(reader, lineStarts, "value");
                            values[key] = reader.ReadElementContentAsString().Trim();
                            setting = null;
                        }
                        else if (reader.Depth == 2 && reader.LocalName == "client")
                        {
                            // <system.serviceModel><client>: the WCF endpoints this application calls.
                            section = "client";
                        }
                        else if (reader.LocalName == "endpoint" && section == "client" && reader.GetAttribute("address") is { } address)
                        {
                            var offset = Offset(reader, lineStarts, "address");
                            if (reader.GetAttribute("name") is { Length: > 0 } endpointName)
                            {
                                values[WcfEndpointKeys.ByName(endpointName)] = address;
                                positions[WcfEndpointKeys.ByName(endpointName)] = offset;
                            }

                            if (reader.GetAttribute("contract") is { Length: > 0 } contract && !values.ContainsKey(WcfEndpointKeys.ByContract(contract)))
                            {
                                values[WcfEndpointKeys.ByContract(contract)] = address;
                                positions[WcfEndpointKeys.ByContract(contract)] = offset;
                            }
                        }
                        else if (reader.Depth == 2 && section == "client")
                        {
                            section = null;
                        }
                        else if (reader.Depth == 2 && reader.LocalName == "mailSettings")
                        {
                            section = "mailSettings";
                        }
                        else if (reader.Depth == 4 && reader.LocalName == "network" && section == "mailSettings")
                        {
                            if (reader.GetAttribute("host") is { Length: > 0 } host)
                            {
                                values[MailSettingsKeys.Host] = host;
                                positions[MailSettingsKeys.Host] = Offset(reader, lineStarts, "host");
                            }

                            if (reader.GetAttribute("enableSsl") is { Length: > 0 } enableSsl)
                            {
                                values[MailSettingsKeys.EnableSsl] = enableSsl;
                                positions[MailSettingsKeys.EnableSsl] = Offset(reader, lineStarts, "enableSsl");
                            }

                            if (reader.GetAttribute("password") is { Length: > 0 } mailPassword)
                            {
                                values[MailSettingsKeys.Password] = mailPassword;
                                positions[MailSettingsKeys.Password] = Offset(reader, lineStarts, "password");
                            }
                        }
                        else if (reader.LocalName == "add" && section == "appSettings" && reader.GetAttribute("key") is { } key)
                        {
                            values[key] = reader.GetAttribute("value") ?? string.Empty;
                            positions[key] = Offset(reader, lineStarts, "value");
                        }
                        else if (reader.LocalName == "add" && section == "connectionStrings" && reader.GetAttribute("name") is { } name)
                        {
                            values["ConnectionStrings:" + name] = reader.GetAttribute("connectionString") ?? string.Empty;
                            positions["ConnectionStrings:" + name] = Offset(reader, lineStarts, "connectionString");
                        }
                        else if (reader.Depth <= 1)
                        {
                            section = null;
                            settingsClass = null;
                        }
                    }
                }

                return values;
            }
            catch (XmlException)
            {
                return null;
            }
        }

        /// <summary>
        /// A service reference's map: <c>Service References/X/Reference.svcmap</c> (WCF) or <c>Web References/X/Reference.map</c>
        /// (ASMX) records where the service's metadata was fetched from. Kept under <see cref="ServiceReferenceKeys"/> for
        /// the reference's folder, without the metadata suffix (<c>?wsdl</c>, <c>/mex</c>).
        /// </summary>
        private static Dictionary<string, string>? ReadServiceReferenceMap(string path, string text, out Dictionary<string, int> positions)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var reference = Path.GetFileName(Path.GetDirectoryName(path) ?? string.Empty);
            var lineStarts = LineStarts(text);
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
            try
            {
                using (var reader = XmlReader.Create(new StringReader(text), settings))
                {
                    while (reader.Read())
                    {
                        var attribute = reader.NodeType != XmlNodeType.Element ? null
                            : reader.LocalName == "MetadataSource" ? "Address"
                            : reader.LocalName == "DiscoveryClientResult" ? "url"
                            : null;
                        if (attribute is not null && reader.GetAttribute(attribute) is { Length: > 0 } address && !values.ContainsKey(ServiceReferenceKeys.Of(reference)))
                        {
                            values[ServiceReferenceKeys.Of(reference)] = ServiceReferenceKeys.ServiceAddress(address);
                            positions[ServiceReferenceKeys.Of(reference)] = Offset(reader, lineStarts, attribute);
                        }
                    }
                }

                return values;
            }
            catch (XmlException)
            {
                return null;
            }
        }

        /// <summary>
        /// The attributes of an element that hold a connection string with a credential, under the element's path
        /// (<c>log4net:appender:connectionString:value</c>), for the credential rule; other attributes are left alone.
        /// </summary>
        private static void AddEmbeddedConnectionStrings(XmlReader reader, string[] path, Dictionary<string, string> values, Dictionary<string, int> positions, List<int> lineStarts)
        {
            var element = string.Join(":", path.Skip(1).Take(Math.Min(reader.Depth, path.Length - 1)));
            var found = new List<(string Key, string Value, string Attribute)>();
            for (var i = 0; i < reader.AttributeCount; i++)
            {
                reader.MoveToAttribute(i);
                var value = reader.Value;
                if (value.IndexOf('=') > 0 && value.IndexOf(';') > 0 && Secrets.SecretValues.ConnectionStringCredentials(value).Count > 0)
                {
                    found.Add((element + ":" + reader.LocalName, value, reader.Name));
                }
            }

            reader.MoveToElement();
            foreach (var (key, value, attribute) in found.Where(f => !values.ContainsKey(f.Key)))
            {
                values[key] = value;
                positions[key] = Offset(reader, lineStarts, attribute);
            }
        }

        /// <summary>
        /// A connection string with its password in a comment (<c>&lt;!--&lt;add name="Orders" connectionString="…;Password=…" /&gt;--&gt;</c>,
        /// the production string someone switched off): committed all the same, so the credential rule reads it, under
        /// <c>(commented out):ConnectionStrings:Orders</c>.
        /// </summary>
        private static void AddCommentedOutConnectionStrings(XmlReader reader, Dictionary<string, string> values, Dictionary<string, int> positions, List<int> lineStarts)
        {
            var comment = reader.Value;
            if (comment.IndexOf('=') < 0 || comment.IndexOf(';') < 0)
            {
                return;
            }

            var start = Offset(reader, lineStarts, null);
            foreach (System.Text.RegularExpressions.Match match in CommentedAttribute.Matches(comment))
            {
                var value = System.Net.WebUtility.HtmlDecode(match.Groups["value"].Value);
                if (Secrets.SecretValues.ConnectionStringCredentials(value).Count == 0)
                {
                    continue;
                }

                // The name of the element the attribute is in: <add name="Orders" connectionString="…">.
                var element = Math.Max(0, comment.LastIndexOf('<', match.Index));
                var name = CommentedName.Match(comment.Substring(element, match.Index - element)) is { Success: true } named ? named.Groups["name"].Value : null;
                var key = CommentedOut + (name is null ? match.Groups["attribute"].Value + "@" + (start + match.Index) : "ConnectionStrings:" + name);
                if (!values.ContainsKey(key))
                {
                    values[key] = value;
                    positions[key] = start + match.Index;
                }
            }
        }

        /// <summary>The prefix of a value read from a comment: <c>(commented out):</c>.</summary>
        public const string CommentedOut = "(commented out):";

        private static readonly System.Text.RegularExpressions.Regex CommentedAttribute =
            new System.Text.RegularExpressions.Regex(@"(?<attribute>[A-Za-z_][\w.:-]*)\s*=\s*""(?<value>[^""]*)""", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        private static readonly System.Text.RegularExpressions.Regex CommentedName =
            new System.Text.RegularExpressions.Regex(@"\bname\s*=\s*""(?<name>[^""]+)""", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary>The offset of an attribute (the element when it has none) from the reader's line information.</summary>
        internal static int Offset(XmlReader reader, List<int> lineStarts, string? attribute)
        {
            var moved = attribute is not null && reader.MoveToAttribute(attribute);
            var info = (IXmlLineInfo)reader;
            var offset = info.LineNumber >= 1 && info.LineNumber <= lineStarts.Count ? lineStarts[info.LineNumber - 1] + Math.Max(0, info.LinePosition - 1) : 0;
            if (moved)
            {
                reader.MoveToElement();
            }

            return offset;
        }

        internal static List<int> LineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    starts.Add(i + 1);
                }
            }

            return starts;
        }
    }

    /// <summary>
    /// Keys under which <c>&lt;system.serviceModel&gt;&lt;client&gt;&lt;endpoint&gt;</c> addresses are kept: by endpoint name
    /// (the name a generated client's constructor takes) and by contract (what a client created without a name uses).
    /// </summary>
    /// <summary>
    /// Keys of Visual Studio's settings designer values (<c>Properties.Settings.Default.X</c>):
    /// <c>applicationSettings:Ns.Properties.Settings:X</c> (or <c>userSettings:…</c>).
    /// </summary>
    internal static class SettingsKeys
    {
        public static string Of(string scope, string settingsClass, string name) => scope + ":" + settingsClass + ":" + name;
    }

    /// <summary>The metadata address a service reference (WCF <c>.svcmap</c>, ASMX <c>Reference.map</c>) was generated from.</summary>
    internal static class ServiceReferenceKeys
    {
        public static string Of(string referenceFolder) => "serviceReference:" + referenceFolder;

        /// <summary>
        /// The reference folder of a generated proxy's file: <c>Service References/X/Reference.cs</c> or
        /// <c>Web References/X/Reference.cs</c> → X; null for any other file.
        /// </summary>
        public static string? FolderOf(string? sourcePath)
        {
            var parts = (sourcePath ?? string.Empty).Replace('\\', '/').Split('/');
            for (var i = parts.Length - 3; i >= 0; i--)
            {
                if (string.Equals(parts[i], "Service References", StringComparison.OrdinalIgnoreCase) || string.Equals(parts[i], "Web References", StringComparison.OrdinalIgnoreCase))
                {
                    return parts[i + 1];
                }
            }

            return null;
        }

        /// <summary><c>http://host/Service.svc?wsdl</c> → <c>http://host/Service.svc</c>; also <c>?singleWsdl</c>, <c>/mex</c>.</summary>
        public static string ServiceAddress(string metadataAddress)
        {
            var address = metadataAddress.Trim();
            var query = address.IndexOf('?');
            if (query >= 0 && (address.Substring(query + 1).StartsWith("wsdl", StringComparison.OrdinalIgnoreCase) || address.Substring(query + 1).StartsWith("singleWsdl", StringComparison.OrdinalIgnoreCase)))
            {
                address = address.Substring(0, query);
            }

            return address.EndsWith("/mex", StringComparison.OrdinalIgnoreCase) ? address.Substring(0, address.Length - 4) : address;
        }
    }

    internal enum ConfigurationFormat
    {
        DotNetConfig,
        Json,
        ServiceReferenceMap,
        Env,
        Yaml,
        MsBuildProperties,
    }

    /// <summary>
    /// The key of a forms-authentication user's password, <c>&lt;system.web&gt;&lt;authentication&gt;&lt;forms&gt;&lt;credentials&gt;&lt;user
    /// name="admin" password="…"&gt;</c>: <c>system.web:authentication:forms:credentials:admin:password</c>. Clear or hashed
    /// (<c>passwordFormat="SHA1"</c>), it is a credential in the file.
    /// </summary>
    internal static class FormsCredentialKeys
    {
        public static string Of(string user) => "system.web:authentication:forms:credentials:" + user + ":password";
    }

    /// <summary>The keys of <c>&lt;system.net&gt;&lt;mailSettings&gt;&lt;smtp&gt;&lt;network host="…" enableSsl="…"&gt;</c>, what <c>new SmtpClient()</c> reads.</summary>
    internal static class MailSettingsKeys
    {
        public const string Host = "system.net:mailSettings:smtp:network:host";

        public const string EnableSsl = "system.net:mailSettings:smtp:network:enableSsl";

        /// <summary>The SMTP account's password, a credential written in the file.</summary>
        public const string Password = "system.net:mailSettings:smtp:network:password";
    }

    internal static class WcfEndpointKeys
    {
        public static string ByName(string name) => "system.serviceModel:client:endpoint:" + name;

        public static string ByContract(string contract) => "system.serviceModel:client:contract:" + contract;

        public static bool IsEndpointKey(string key) => key.StartsWith("system.serviceModel:client:", System.StringComparison.Ordinal);
    }

    /// <summary>
    /// Which files are configuration a project ships, and for which environment. Hosts use it to pass exactly these
    /// files as AdditionalFiles.
    /// </summary>
    public static class ConfigurationFileNames
    {
        /// <summary>
        /// Why a configuration file cannot be read (<c>expected ',' or '}' (line 4)</c>), or null when it can. Hosts use
        /// it to say which files the analyzers had to skip; it is the analyzers' own reader.
        /// </summary>
        public static string? Validate(string fileName, string text)
        {
            if (EnvironmentOf(fileName) is null)
            {
                return null;
            }

            if (fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                return JsonConfigReader.Read(text, out var error) is null ? error : null;
            }

            if (FormatOf(fileName) is ConfigurationFormat.Env or ConfigurationFormat.Yaml)
            {
                return null; // read line by line: nothing can make them unreadable
            }

            try
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
                using (var reader = XmlReader.Create(new StringReader(text), settings))
                {
                    while (reader.Read())
                    {
                    }
                }

                return null;
            }
            catch (XmlException exception)
            {
                return exception.Message;
            }
        }

        /// <summary>How a configuration or deployment file is read.</summary>
        internal static ConfigurationFormat FormatOf(string fileName)
        {
            if (IsServiceReferenceMap(fileName))
            {
                return ConfigurationFormat.ServiceReferenceMap;
            }

            if (IsEnvFile(fileName))
            {
                return ConfigurationFormat.Env;
            }

            if (fileName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            {
                return ConfigurationFormat.Yaml;
            }

            if (fileName.EndsWith(".pubxml", StringComparison.OrdinalIgnoreCase))
            {
                return ConfigurationFormat.MsBuildProperties;
            }

            return fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ConfigurationFormat.Json : ConfigurationFormat.DotNetConfig;
        }

        /// <summary><c>.env</c>, <c>.env.production</c>, <c>prod.env</c>: dotenv files of docker-compose and most hosts.</summary>
        private static bool IsEnvFile(string fileName) =>
            string.Equals(fileName, ".env", StringComparison.OrdinalIgnoreCase)
            || fileName.StartsWith(".env.", StringComparison.OrdinalIgnoreCase)
            || (fileName.EndsWith(".env", StringComparison.OrdinalIgnoreCase) && fileName.Length > 4);

        /// <summary>
        /// The environment a deployment file is for: <c>.env.production</c> → production, <c>docker-compose.prod.yml</c> →
        /// prod, <c>values-staging.yaml</c> → staging, <c>launchSettings.json</c> → Development (launch profiles run on a
        /// developer's machine), <c>Azure.pubxml</c> → the publish profile's name; default otherwise.
        /// </summary>
        private static string? DeploymentEnvironmentOf(string fileName)
        {
            if (string.Equals(fileName, "launchSettings.json", StringComparison.OrdinalIgnoreCase))
            {
                return "Development";
            }

            if (fileName.EndsWith(".pubxml", StringComparison.OrdinalIgnoreCase))
            {
                return fileName.Substring(0, fileName.Length - ".pubxml".Length);
            }

            if (IsEnvFile(fileName))
            {
                var name = fileName.StartsWith(".env", StringComparison.OrdinalIgnoreCase) ? fileName.Substring(4).TrimStart('.') : fileName.Substring(0, fileName.Length - 4).TrimEnd('.');
                return name.Length == 0 ? ConfigurationFiles.DefaultEnvironment : name;
            }

            if (FormatOf(fileName) != ConfigurationFormat.Yaml)
            {
                return null;
            }

            // docker-compose.prod.yml, compose.staging.yaml, values-production.yaml, values.production.yaml
            var stem = fileName.Substring(0, fileName.LastIndexOf('.'));
            foreach (var prefix in new[] { "docker-compose", "compose", "values" })
            {
                if (stem.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && stem.Length > prefix.Length + 1 && (stem[prefix.Length] == '.' || stem[prefix.Length] == '-'))
                {
                    return stem.Substring(prefix.Length + 1);
                }
            }

            return ConfigurationFiles.DefaultEnvironment;
        }

        /// <summary>A docker-compose file: <c>docker-compose*.yml</c> or <c>compose*.yaml</c>, YAML.</summary>
        public static bool IsComposeFile(string fileName) =>
            FormatOf(fileName) == ConfigurationFormat.Yaml
            && (fileName.StartsWith("docker-compose", StringComparison.OrdinalIgnoreCase) || fileName.StartsWith("compose", StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// JSON with Ocelot's routes (<c>"DownstreamPathTemplate"</c>), whatever the file is called: gateways built from one
        /// image read <c>configuration.json</c> from a folder each instance mounts.
        /// </summary>
        public static bool HasOcelotRoutes(string text) =>
            text.IndexOf("\"DownstreamPathTemplate\"", StringComparison.OrdinalIgnoreCase) >= 0
            && (text.IndexOf("\"Routes\"", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("\"ReRoutes\"", StringComparison.OrdinalIgnoreCase) >= 0);

        /// <summary><c>ocelot.json</c> and <c>ocelot.*.json</c>: an Ocelot gateway's routes.</summary>
        public static bool IsOcelotFile(string fileName) =>
            fileName.StartsWith("ocelot", StringComparison.OrdinalIgnoreCase) && fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            && (fileName.Length == "ocelot.json".Length || fileName[6] == '.');

        /// <summary>A service reference's map (<c>*.svcmap</c>, <c>Reference.map</c>): where its metadata came from.</summary>
        public static bool IsServiceReferenceMap(string fileName) =>
            fileName.EndsWith(".svcmap", StringComparison.OrdinalIgnoreCase) || string.Equals(fileName, "Reference.map", StringComparison.OrdinalIgnoreCase);

        /// <summary><c>default</c>, an environment name (<c>Development</c>, <c>Release</c>), or null for other files.</summary>
        public static string? EnvironmentOf(string fileName)
        {
            if (string.Equals(fileName, "appsettings.json", StringComparison.OrdinalIgnoreCase)
                || IsServiceReferenceMap(fileName)
                || string.Equals(fileName, "web.config", StringComparison.OrdinalIgnoreCase)
                || string.Equals(fileName, "app.config", StringComparison.OrdinalIgnoreCase)
                // app.config as the build copies it: Billing.exe.config, Billing.vshost.exe.config, Api.dll.config.
                || fileName.EndsWith(".exe.config", StringComparison.OrdinalIgnoreCase)
                || fileName.EndsWith(".dll.config", StringComparison.OrdinalIgnoreCase))
            {
                return ConfigurationFiles.DefaultEnvironment;
            }

            const string Prefix = "appsettings.";
            if (fileName.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                && fileName.Length > Prefix.Length + ".json".Length)
            {
                return fileName.Substring(Prefix.Length, fileName.Length - Prefix.Length - ".json".Length);
            }

            // Ocelot's route files: ocelot.json, and the ocelot.*.json it merges (ocelot.posts.json) or takes per environment.
            if (IsOcelotFile(fileName))
            {
                return ConfigurationFiles.DefaultEnvironment;
            }

            if (DeploymentEnvironmentOf(fileName) is { } deployment)
            {
                return deployment;
            }

            // web.Release.config and the like: transforms for an environment.
            if ((fileName.StartsWith("web.", StringComparison.OrdinalIgnoreCase) || fileName.StartsWith("app.", StringComparison.OrdinalIgnoreCase))
                && fileName.EndsWith(".config", StringComparison.OrdinalIgnoreCase) && fileName.Split('.').Length == 3)
            {
                return fileName.Split('.')[1];
            }

            return null;
        }
    }
}
