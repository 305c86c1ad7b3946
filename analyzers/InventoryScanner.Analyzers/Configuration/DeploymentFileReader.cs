using System;
using System.Collections.Generic;
using System.Text;

namespace InventoryScanner.Analyzers.Configuration
{
    /// <summary>
    /// Reads the deployment files where credentials hide next to the code into keys and values, as far as secrets need:
    /// <c>.env</c> files (<c>KEY=value</c>), YAML (docker-compose, Kubernetes manifests and Helm values: nested keys joined
    /// with <c>:</c>, <c>- KEY=value</c> list items, Kubernetes <c>- name: X / value: Y</c> pairs kept under X, the base64
    /// <c>data</c> of a <c>kind: Secret</c> decoded, block scalars for embedded keys). Not a full YAML parser: anchors,
    /// flow collections and multi-document merges are read as plain text, which is enough to find a literal credential.
    /// </summary>
    internal static class DeploymentFileReader
    {
        /// <summary><c>KEY=value</c> lines (<c>export</c>, quotes and <c>#</c> comments allowed).</summary>
        public static Dictionary<string, string> ReadEnv(string text, out Dictionary<string, int> positions)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var offset = 0;
            foreach (var rawLine in text.Split('\n'))
            {
                var line = rawLine.TrimEnd('\r');
                var trimmed = line.TrimStart();
                var indent = line.Length - trimmed.Length;
                if (trimmed.StartsWith("export ", StringComparison.Ordinal))
                {
                    trimmed = trimmed.Substring(7).TrimStart();
                    indent = line.Length - trimmed.Length;
                }

                var equals = trimmed.IndexOf('=');
                if (trimmed.Length > 0 && trimmed[0] != '#' && equals > 0)
                {
                    var key = trimmed.Substring(0, equals).Trim();
                    var value = Scalar(trimmed.Substring(equals + 1));
                    values[key] = value;
                    positions[key] = offset + indent + equals + 1;
                }

                offset += rawLine.Length + 1;
            }

            return values;
        }

        /// <summary>YAML mappings and lists, as keys joined with <c>:</c> (list items by index).</summary>
        public static Dictionary<string, string> ReadYaml(string text, out Dictionary<string, int> positions)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var lines = text.Split('\n');
            var path = new List<(int Indent, string Key)>();
            var listIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var isSecret = false;
            string? pendingName = null;
            var lineStarts = new int[lines.Length];
            for (var i = 1; i < lines.Length; i++)
            {
                lineStarts[i] = lineStarts[i - 1] + lines[i - 1].Length + 1;
            }

            for (var i = 0; i < lines.Length; i++)
            {
                var offset = lineStarts[i];
                var line = lines[i].TrimEnd('\r');
                var trimmed = line.TrimStart();
                if (trimmed.Length == 0 || trimmed[0] == '#')
                {
                    continue;
                }

                if (trimmed.StartsWith("---", StringComparison.Ordinal))
                {
                    path.Clear();
                    isSecret = false;
                    continue;
                }

                var indent = line.Length - trimmed.Length;
                var item = false;
                if (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed == "-")
                {
                    // A list item: the items of one list share a parent key and get consecutive indexes.
                    item = true;
                    PopForItem(path, indent);
                    var parent = Join(path);
                    var index = listIndex.TryGetValue(parent, out var last) ? last + 1 : 0;
                    listIndex[parent] = index;
                    path.Add((indent, index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    pendingName = null;
                    var rest = trimmed.Substring(1).TrimStart();
                    indent += trimmed.Length - rest.Length;
                    trimmed = rest;
                    if (trimmed.Length == 0)
                    {
                        continue;
                    }
                }

                var colon = KeyColon(trimmed);
                if (colon < 0)
                {
                    if (item)
                    {
                        // - KEY=value (docker-compose environment lists) or a plain scalar item.
                        var scalar = Scalar(trimmed);
                        var equals = scalar.IndexOf('=');
                        var isPair = equals > 0 && scalar.Substring(0, equals).IndexOf(' ') < 0;
                        var key = isPair ? Join(path, skipLast: true, scalar.Substring(0, equals)) : Join(path);
                        values[key] = isPair ? scalar.Substring(equals + 1) : scalar;
                        positions[key] = offset + indent + (isPair ? equals + 1 : 0);
                    }

                    continue;
                }

                var name = Scalar(trimmed.Substring(0, colon));
                var value = trimmed.Substring(colon + 1).Trim();
                Pop(path, item ? indent - 1 : indent);
                if (value.Length == 0 || value.StartsWith("&", StringComparison.Ordinal))
                {
                    path.Add((indent, name));
                    continue;
                }

                // trimmed is the end of the line: the value starts after the colon and its spaces.
                var afterColon = trimmed.Substring(colon + 1);
                var valueOffset = offset + (line.Length - trimmed.Length) + colon + 1 + (afterColon.Length - afterColon.TrimStart().Length);
                if (value.StartsWith("|", StringComparison.Ordinal) || value.StartsWith(">", StringComparison.Ordinal))
                {
                    // A block scalar: the more-indented lines that follow (embedded certificates and keys).
                    var block = new StringBuilder();
                    valueOffset = i + 1 < lines.Length ? lineStarts[i + 1] : offset;
                    while (i + 1 < lines.Length && (lines[i + 1].Trim().Length == 0 || lines[i + 1].Length - lines[i + 1].TrimStart().Length > indent))
                    {
                        i++;
                        block.Append(lines[i].Trim()).Append('\n');
                    }

                    value = block.ToString().TrimEnd('\n');
                }
                else
                {
                    value = Scalar(value);
                }

                if (string.Equals(name, "kind", StringComparison.OrdinalIgnoreCase) && path.Count == 0)
                {
                    isSecret = string.Equals(value, "Secret", StringComparison.Ordinal);
                }

                var fullKey = Join(path, skipLast: false, name);
                if (isSecret && path.Count == 1 && string.Equals(path[0].Key, "data", StringComparison.OrdinalIgnoreCase))
                {
                    // A Kubernetes Secret's data is base64: the credential is what it decodes to.
                    value = DecodeBase64(value) ?? value;
                }

                if (item || (path.Count > 0 && int.TryParse(path[path.Count - 1].Key, out _)))
                {
                    // Kubernetes env entries: "- name: DB_PASSWORD" then "value: …" in the same item.
                    if (string.Equals(name, "name", StringComparison.OrdinalIgnoreCase))
                    {
                        pendingName = value;
                    }
                    else if (string.Equals(name, "value", StringComparison.OrdinalIgnoreCase) && pendingName is not null)
                    {
                        fullKey = Join(path, skipLast: true, pendingName);
                        pendingName = null;
                    }
                }

                values[fullKey] = value;
                positions[fullKey] = valueOffset;
            }

            return values;
        }

        /// <summary>The element values of an MSBuild XML file such as a publish profile (<c>*.pubxml</c>): element name → text.</summary>
        public static Dictionary<string, string>? ReadMsBuildProperties(string text, out Dictionary<string, int> positions)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
            var lineStarts = ConfigurationFiles.LineStarts(text);
            try
            {
                using (var reader = System.Xml.XmlReader.Create(new System.IO.StringReader(text), settings))
                {
                    while (reader.Read())
                    {
                        if (reader.NodeType != System.Xml.XmlNodeType.Element || reader.IsEmptyElement || reader.Depth < 2)
                        {
                            continue;
                        }

                        var name = reader.LocalName;
                        var position = ConfigurationFiles.Offset(reader, lineStarts, attribute: null);
                        var content = reader.ReadElementContentAsString();
                        if (content.Trim().Length > 0)
                        {
                            values[name] = content.Trim();
                            positions[name] = position;
                        }
                    }
                }

                return values;
            }
            catch (System.Xml.XmlException)
            {
                return null;
            }
        }

        /// <summary>The colon that ends a mapping key (not one inside a URL or a quoted scalar); -1 for none.</summary>
        private static int KeyColon(string text)
        {
            var quote = '\0';
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quote != '\0')
                {
                    quote = c == quote ? '\0' : quote;
                }
                else if ((c == '"' || c == '\'') && i == 0)
                {
                    quote = c;
                }
                else if (c == ':' && (i + 1 == text.Length || text[i + 1] == ' ' || text[i + 1] == '\t'))
                {
                    return i;
                }
                else if (c == ' ' && i > 0 && text[i - 1] == '#')
                {
                    return -1;
                }
            }

            return -1;
        }

        /// <summary>A scalar without its quotes and trailing comment.</summary>
        private static string Scalar(string text)
        {
            var value = text.Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value.IndexOf(value[0], 1) > 0)
            {
                return value.Substring(1, value.IndexOf(value[0], 1) - 1);
            }

            var comment = value.IndexOf(" #", StringComparison.Ordinal);
            return (comment >= 0 ? value.Substring(0, comment) : value).Trim();
        }

        private static string? DecodeBase64(string value)
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Trim()));
                foreach (var c in decoded)
                {
                    if (char.IsControl(c) && c != '\n' && c != '\r' && c != '\t')
                    {
                        return null;
                    }
                }

                return decoded;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        /// <summary>
        /// Before a list item: YAML lets a sequence's dashes stand in the column of its parent key (<c>env:</c> then
        /// <c>- name: X</c> right below it), so an entry of the item's own column stays unless it is an earlier item.
        /// </summary>
        private static void PopForItem(List<(int Indent, string Key)> path, int indent)
        {
            while (path.Count > 0 && (path[path.Count - 1].Indent > indent || (path[path.Count - 1].Indent == indent && IsIndex(path[path.Count - 1].Key))))
            {
                path.RemoveAt(path.Count - 1);
            }
        }

        private static bool IsIndex(string key)
        {
            foreach (var c in key)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return key.Length > 0;
        }

        private static void Pop(List<(int Indent, string Key)> path, int indent)
        {
            while (path.Count > 0 && path[path.Count - 1].Indent >= indent)
            {
                path.RemoveAt(path.Count - 1);
            }
        }

        private static string Join(List<(int Indent, string Key)> path) => Join(path, skipLast: false, null);

        private static string Join(List<(int Indent, string Key)> path, bool skipLast, string? last)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < path.Count - (skipLast ? 1 : 0); i++)
            {
                builder.Append(builder.Length == 0 ? string.Empty : ":").Append(path[i].Key);
            }

            if (last is not null)
            {
                builder.Append(builder.Length == 0 ? string.Empty : ":").Append(last);
            }

            return builder.ToString();
        }
    }
}
