using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;

namespace InventoryScanner.Analyzers.Secrets
{
    /// <summary>
    /// Decides whether an identifier names a credential (<c>DbPassword</c>, <c>api_key</c>, <c>ClientSecret</c>) rather than
    /// something about one (<c>PasswordLength</c>, <c>ApiKeyHeader</c>, <c>TokenEndpoint</c>).
    /// </summary>
    internal sealed class CredentialNames
    {
        public const string OptionKey = "inventory.secret_keywords";

        public static readonly ImmutableArray<string> DefaultKeywords = ImmutableArray.Create(
            "password", "passwd", "pwd", "pass", "passphrase", "secret", "apikey", "api_key", "token", "accesskey",
            "clientsecret", "privatekey", "signingkey", "encryptionkey", "credential", "key");

        public static readonly CredentialNames Default = new CredentialNames(DefaultKeywords);

        /// <summary>
        /// Words that, just before the credential word, make the name about something else: a CancellationToken is no
        /// secret, and <c>InvalidPassword = "28P01"</c> is an error code.
        /// </summary>
        private static readonly HashSet<string> NeutralisingPrefixes = new HashSet<string>(StringComparer.Ordinal)
        {
            "cancellation", "invalid", "wrong", "missing", "incorrect", "expired", "existing",
        };

        /// <summary>Words that, after the credential word, make the name about the credential rather than the credential.</summary>
        private static readonly HashSet<string> DescriptiveSuffixes = new HashSet<string>(StringComparer.Ordinal)
        {
            "name", "names", "key", "keys", "field", "fields", "header", "headers", "label", "prompt", "path", "file", "url", "uri",
            "endpoint", "type", "format", "length", "policy", "policies", "pattern", "regex", "hash", "expiry", "expiration",
            "expires", "lifetime", "timeout", "count", "id", "parameter", "param", "property", "column", "claim", "scheme",
            "validator", "provider", "reset", "changed", "required", "hint", "placeholder", "message", "error", "errors",
            "section", "setting", "settings", "variable", "env", "store", "source", "options", "config", "configuration",
            "strength", "rule", "rules", "char", "chars", "characters", "mode", "kind", "prefix", "suffix", "cache", "service",
            "ref", "reference", "arn",
        };

        private readonly ImmutableArray<string> _keywords;

        public CredentialNames(ImmutableArray<string> keywords)
        {
            var normalized = ImmutableArray.CreateBuilder<string>(keywords.Length);
            foreach (var keyword in keywords)
            {
                var word = Normalize(keyword);
                if (word.Length > 0)
                {
                    normalized.Add(word);
                }
            }

            _keywords = normalized.ToImmutable();
        }

        /// <summary>
        /// Whether a value fits what an ambiguous name needs to be a credential: a <c>token</c>'s looks random; a bare
        /// <c>key</c>'s (<c>hardCodedKey</c>, <c>AESKEY</c>; a cache key, a dictionary key or a resource key are keys too)
        /// must look like key material (<see cref="SecretValues.LooksLikeKeyMaterial"/>). Other names need nothing more.
        /// </summary>
        public static bool ValueFits(string keyword, string value) => keyword switch
        {
            "token" => SecretValues.LooksRandom(value),
            "key" => SecretValues.LooksLikeKeyMaterial(value),
            _ => true,
        };

        /// <summary>The keywords that apply to a file, from its .editorconfig options.</summary>
        public static CredentialNames For(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options) =>
            options.TryGetValue(OptionKey, out var value) ? FromOption(value) : Default;

        /// <summary>Reads <c>inventory.secret_keywords = a, b, c</c>; the list replaces the defaults.</summary>
        public static CredentialNames FromOption(string? value)
        {
            if (value is null || value.Trim().Length == 0)
            {
                return Default;
            }

            var keywords = ImmutableArray.CreateBuilder<string>();
            foreach (var part in value.Split(','))
            {
                if (part.Trim().Length > 0)
                {
                    keywords.Add(part.Trim());
                }
            }

            return keywords.Count == 0 ? Default : new CredentialNames(keywords.ToImmutable());
        }

        /// <summary>The keyword the identifier names, or null when it names no credential.</summary>
        public string? Match(string identifier)
        {
            var words = SplitWords(identifier);
            for (var start = 0; start < words.Count; start++)
            {
                var run = string.Empty;
                for (var end = start; end < words.Count; end++)
                {
                    run += words[end];
                    var keyword = MatchKeyword(run, wholeWordsOnly: words.Count > 1);
                    if (keyword is not null)
                    {
                        var neutralised = start > 0 && NeutralisingPrefixes.Contains(words[start - 1]);
                        return neutralised || HasDescriptiveSuffix(words, end + 1) ? null : keyword;
                    }
                }
            }

            return null;
        }

        /// <summary>True when the text mentions a keyword, e.g. a header name such as <c>X-Api-Key</c>.</summary>
        public bool Mentions(string text)
        {
            var normalized = Normalize(text);
            foreach (var keyword in _keywords)
            {
                // Short keywords ("pwd", "pass") occur inside real passwords and ordinary words (compass, bypass).
                if (keyword.Length >= 5 && normalized.IndexOf(keyword, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private string? MatchKeyword(string run, bool wholeWordsOnly)
        {
            foreach (var keyword in _keywords)
            {
                if (run == keyword || run == keyword + "s")
                {
                    return keyword;
                }

                // A single lower-case word such as "dbpassword": long keywords may end it, and "key" a word longer than
                // itself ("aeskey", "hmackey"; the value must then look like key material).
                if (!wholeWordsOnly && (keyword.Length >= 6 || (keyword == "key" && run.Length >= 5)) && run.EndsWith(keyword, StringComparison.Ordinal))
                {
                    return keyword;
                }
            }

            return null;
        }

        private static bool HasDescriptiveSuffix(List<string> words, int from)
        {
            for (var i = from; i < words.Count; i++)
            {
                if (DescriptiveSuffixes.Contains(words[i]))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Normalize(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (char.IsLetterOrDigit(c))
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
            }

            return builder.ToString();
        }

        /// <summary>Splits <c>DBPassword_v2</c> into <c>db</c>, <c>password</c>, <c>v</c>, <c>2</c>, lower-cased.</summary>
        internal static List<string> SplitWords(string identifier)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            for (var i = 0; i < identifier.Length; i++)
            {
                var c = identifier[i];
                if (!char.IsLetterOrDigit(c))
                {
                    Flush(words, current);
                    continue;
                }

                if (current.Length > 0)
                {
                    var previous = identifier[i - 1];
                    var next = i + 1 < identifier.Length ? identifier[i + 1] : '\0';
                    var boundary =
                        (char.IsUpper(c) && char.IsLower(previous))
                        || (char.IsUpper(c) && char.IsUpper(previous) && char.IsLower(next))
                        || (char.IsDigit(c) != char.IsDigit(previous));
                    if (boundary)
                    {
                        Flush(words, current);
                    }
                }

                current.Append(char.ToLowerInvariant(c));
            }

            Flush(words, current);
            return words;
        }

        private static void Flush(List<string> words, StringBuilder current)
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
