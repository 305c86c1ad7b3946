using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace InventoryScanner.Analyzers.Configuration
{
    /// <summary>
    /// Reads an <c>appsettings*.json</c> file into configuration keys the way Microsoft.Extensions.Configuration does:
    /// nested objects joined with <c>:</c>, array items by index, scalars as strings. It accepts what ASP.NET accepts
    /// (<c>//</c> and <c>/* */</c> comments, trailing commas). The analyzer assembly cannot ship System.Text.Json (it must
    /// load in .NET Framework hosts), hence this small reader.
    /// </summary>
    internal sealed class JsonConfigReader
    {
        private const int MaxDepth = 64;
        private readonly string _text;
        private readonly Dictionary<string, string> _values;
        private readonly Dictionary<string, int> _positions;
        private readonly Dictionary<string, JsonObjectSpan> _objects;
        private int _position;

        private JsonConfigReader(string text)
        {
            _text = text;
            _values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            _positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            _objects = new Dictionary<string, JsonObjectSpan>(StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>The keys and values of the file, or null (with <paramref name="error"/>) when it is not valid JSON.</summary>
        public static Dictionary<string, string>? Read(string text, out string? error) => Read(text, out _, out error);

        /// <summary>The same, with the offset in the text where each value starts.</summary>
        public static Dictionary<string, string>? Read(string text, out Dictionary<string, int> positions, out string? error) =>
            Read(text, out positions, out _, out error);

        /// <summary>
        /// The same, with where each object (by configuration key, the root as "") ends and where its last member ends:
        /// what an editor needs to add a key without reformatting the file.
        /// </summary>
        public static Dictionary<string, string>? Read(string text, out Dictionary<string, int> positions, out Dictionary<string, JsonObjectSpan> objects, out string? error)
        {
            var reader = new JsonConfigReader(text);
            positions = reader._positions;
            objects = reader._objects;
            try
            {
                reader.SkipTrivia();
                if (reader.Peek() != '{')
                {
                    throw reader.Error("the file does not start with an object");
                }

                reader.ReadValue(prefix: null, depth: 0);
                reader.SkipTrivia();
                if (reader._position < text.Length)
                {
                    throw reader.Error("unexpected text after the root object");
                }

                error = null;
                return reader._values;
            }
            catch (FormatException exception)
            {
                error = exception.Message;
                return null;
            }
        }

        private void ReadValue(string? prefix, int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error("nesting is too deep");
            }

            SkipTrivia();
            if (prefix is not null)
            {
                _positions[prefix] = _position;
            }

            switch (Peek())
            {
                case '{':
                    _position++;
                    ReadMembers(prefix, depth);
                    break;
                case '[':
                    _position++;
                    ReadItems(prefix, depth);
                    break;
                case '"':
                    Set(prefix, ReadString());
                    break;
                default:
                    var scalar = ReadScalar();
                    Set(prefix, scalar == "null" ? string.Empty : scalar);
                    break;
            }
        }

        private void ReadMembers(string? prefix, int depth)
        {
            var lastMemberEnd = -1;
            var trailingComma = -1;
            while (true)
            {
                SkipTrivia();
                if (Peek() == '}')
                {
                    _objects[prefix ?? string.Empty] = new JsonObjectSpan(_position, lastMemberEnd, trailingComma, depth);
                    _position++;
                    return;
                }

                if (Peek() != '"')
                {
                    throw Error("expected a property name");
                }

                var name = ReadString();
                SkipTrivia();
                Expect(':');
                ReadValue(prefix is null ? name : prefix + ":" + name, depth + 1);
                lastMemberEnd = _position;
                trailingComma = -1;
                SkipTrivia();
                if (Peek() == ',')
                {
                    trailingComma = _position;
                    _position++;
                }
                else if (Peek() != '}')
                {
                    throw Error("expected ',' or '}'");
                }
            }
        }

        private void ReadItems(string? prefix, int depth)
        {
            var index = 0;
            while (true)
            {
                SkipTrivia();
                if (Peek() == ']')
                {
                    _position++;
                    return;
                }

                var key = index.ToString(CultureInfo.InvariantCulture);
                ReadValue(prefix is null ? key : prefix + ":" + key, depth + 1);
                index++;
                SkipTrivia();
                if (Peek() == ',')
                {
                    _position++;
                }
                else if (Peek() != ']')
                {
                    throw Error("expected ',' or ']'");
                }
            }
        }

        private string ReadString()
        {
            Expect('"');
            var builder = new StringBuilder();
            while (_position < _text.Length)
            {
                var c = _text[_position++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (_position >= _text.Length)
                {
                    break;
                }

                var escaped = _text[_position++];
                switch (escaped)
                {
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'u' when _position + 4 <= _text.Length
                        && int.TryParse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                        builder.Append((char)code);
                        _position += 4;
                        break;
                    default: builder.Append(escaped); break;
                }
            }

            throw Error("unterminated string");
        }

        private string ReadScalar()
        {
            var start = _position;
            while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '-' or '+' or '.'))
            {
                _position++;
            }

            if (_position == start)
            {
                throw Error("expected a value");
            }

            return _text.Substring(start, _position - start);
        }

        private void SkipTrivia()
        {
            while (_position < _text.Length)
            {
                var c = _text[_position];
                if (char.IsWhiteSpace(c) || c == '\uFEFF')
                {
                    _position++;
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
                {
                    var end = _text.IndexOf('\n', _position);
                    _position = end < 0 ? _text.Length : end + 1;
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
                {
                    var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        throw Error("unterminated comment");
                    }

                    _position = end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        private void Set(string? key, string value)
        {
            if (key is not null)
            {
                _values[key] = value;
            }
        }

        private char Peek() => _position < _text.Length ? _text[_position] : '\0';

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw Error("expected '" + c + "'");
            }

            _position++;
        }

        private FormatException Error(string message)
        {
            var line = 1;
            for (var i = 0; i < _position && i < _text.Length; i++)
            {
                if (_text[i] == '\n')
                {
                    line++;
                }
            }

            return new FormatException(message + " (line " + line.ToString(CultureInfo.InvariantCulture) + ")");
        }
    }

    /// <summary>Where a JSON object sits in its text: offsets of its closing brace, of the end of its last member (-1 when
    /// empty) and of a comma after that member (-1 when none), and its nesting depth (the root is 0).</summary>
    internal readonly struct JsonObjectSpan
    {
        public JsonObjectSpan(int closingBrace, int lastMemberEnd, int trailingComma, int depth)
        {
            ClosingBrace = closingBrace;
            LastMemberEnd = lastMemberEnd;
            TrailingComma = trailingComma;
            Depth = depth;
        }

        public int ClosingBrace { get; }

        public int LastMemberEnd { get; }

        public int TrailingComma { get; }

        public int Depth { get; }
    }
}
