using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using InventoryScanner.Analyzers.Configuration;

namespace InventoryScanner.Analyzers.CodeFixes
{
    /// <summary>
    /// Adds configuration keys to an <c>appsettings.json</c> text without reformatting it: comments, order, trailing
    /// commas and indentation stay as they were; a key <c>A:B:C</c> goes into the existing <c>A</c> or <c>A:B</c> object,
    /// or into new nested objects.
    /// </summary>
    internal sealed class AppSettingsEditor
    {
        private string _text;
        private Dictionary<string, string> _values;
        private Dictionary<string, JsonObjectSpan> _objects;

        private AppSettingsEditor(string text, Dictionary<string, string> values, Dictionary<string, JsonObjectSpan> objects)
        {
            _text = text;
            _values = values;
            _objects = objects;
        }

        /// <summary>An editor for the text, or null when it is not a JSON object the reader accepts.</summary>
        public static AppSettingsEditor? Open(string text)
        {
            var values = JsonConfigReader.Read(text, out _, out var objects, out _);
            return values is null ? null : new AppSettingsEditor(text, values, objects);
        }

        public string Text => _text;

        /// <summary>The value under <paramref name="key"/>, or null when the file has none (objects have none either).</summary>
        public string? ValueOf(string key) => _values.TryGetValue(key, out var value) ? value : null;

        public bool Contains(string key) => _values.ContainsKey(key) || _objects.ContainsKey(key);

        /// <summary>Adds <paramref name="key"/> with a string value; false when the key exists or a part of its path is not an object.</summary>
        public bool Add(string key, string value)
        {
            if (Contains(key))
            {
                return false;
            }

            var segments = key.Split(':');
            var known = segments.Length - 1;
            while (known > 0 && !_objects.ContainsKey(string.Join(":", segments, 0, known)))
            {
                if (_values.ContainsKey(string.Join(":", segments, 0, known)))
                {
                    // A scalar sits where an object is needed: adding the key would change what the scalar means.
                    return false;
                }

                known--;
            }

            var container = _objects[known == 0 ? string.Empty : string.Join(":", segments, 0, known)];
            var newLine = _text.IndexOf("\r\n", StringComparison.Ordinal) >= 0 ? "\r\n" : "\n";
            var indent = IndentUnit(_text);
            var member = Member(segments, known, value, container.Depth + 1, indent, newLine);
            var memberIndent = Repeat(indent, container.Depth + 1);

            string edited;
            if (container.TrailingComma >= 0)
            {
                edited = _text.Insert(EndOfLineComment(container.TrailingComma + 1), newLine + memberIndent + member + ",");
            }
            else if (container.LastMemberEnd >= 0)
            {
                // The comma goes right after the last value, the new member after a comment on the same line.
                var after = EndOfLineComment(container.LastMemberEnd);
                edited = _text.Insert(after, newLine + memberIndent + member).Insert(container.LastMemberEnd, ",");
            }
            else
            {
                // An empty object: replace the blank space before its closing brace.
                var start = container.ClosingBrace;
                while (start > 0 && char.IsWhiteSpace(_text[start - 1]))
                {
                    start--;
                }

                edited = _text.Substring(0, start) + newLine + memberIndent + member + newLine + Repeat(indent, container.Depth) + _text.Substring(container.ClosingBrace);
            }

            var values = JsonConfigReader.Read(edited, out _, out var objects, out _);
            if (values is null)
            {
                return false;
            }

            _text = edited;
            _values = values;
            _objects = objects;
            return true;
        }

        /// <summary>Past a <c>// comment</c> that follows <paramref name="position"/> on the same line, so it stays with its member.</summary>
        private int EndOfLineComment(int position)
        {
            var i = position;
            while (i < _text.Length && (_text[i] == ' ' || _text[i] == '\t'))
            {
                i++;
            }

            if (i + 1 < _text.Length && _text[i] == '/' && _text[i + 1] == '/')
            {
                while (i < _text.Length && _text[i] != '\r' && _text[i] != '\n')
                {
                    i++;
                }

                return i;
            }

            return position;
        }

        private static string Member(string[] segments, int index, string value, int depth, string indent, string newLine)
        {
            var name = Quote(segments[index]) + ": ";
            if (index == segments.Length - 1)
            {
                return name + Quote(value);
            }

            return name + "{" + newLine
                + Repeat(indent, depth + 1) + Member(segments, index + 1, value, depth + 1, indent, newLine) + newLine
                + Repeat(indent, depth) + "}";
        }

        /// <summary>The indentation of the file's first indented member; two spaces when it has none.</summary>
        private static string IndentUnit(string text)
        {
            var lineStart = 0;
            while (lineStart < text.Length)
            {
                var end = text.IndexOf('\n', lineStart);
                if (end < 0)
                {
                    end = text.Length;
                }

                var i = lineStart;
                while (i < end && (text[i] == ' ' || text[i] == '\t'))
                {
                    i++;
                }

                if (i > lineStart && i < end && text[i] == '"')
                {
                    return text.Substring(lineStart, i - lineStart);
                }

                lineStart = end + 1;
            }

            return "  ";
        }

        private static string Repeat(string unit, int count)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < count; i++)
            {
                builder.Append(unit);
            }

            return builder.ToString();
        }

        private static string Quote(string value)
        {
            var builder = new StringBuilder("\"");
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < ' ')
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }
    }
}
