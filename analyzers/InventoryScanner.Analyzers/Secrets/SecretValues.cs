using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace InventoryScanner.Analyzers.Secrets
{
    /// <summary>What a value must look like to be a secret, and how a secret is shown without being revealed.</summary>
    internal static class SecretValues
    {
        private const string HashSalt = "InventoryScanner/secret/v1:";

        /// <summary>
        /// The option that salts value hashes per repository: <c>inventory.secret_salt</c> in a global config, or the
        /// MSBuild property <c>InventoryScannerSecretSalt</c> (made visible to the compiler by the package). The scanner
        /// sets it from the repository's first commit.
        /// </summary>
        public const string SaltOption = OptionKeys.SecretSalt;

        public const string SaltProperty = "build_property.InventoryScannerSecretSalt";

        /// <summary>Connection-string keys whose values are credentials.</summary>
        private static readonly HashSet<string> CredentialKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "password", "pwd", "accountkey", "sharedaccesskey", "sharedsecretvalue", "secret", "clientsecret", "accesskey",
            // key=value strings of other clients: an FTP or SSH line (passwd=), a key file's passphrase=, user_password=.
            "passwd", "passphrase", "pass", "userpassword", "dbpassword",
        };

        /// <summary>A key of a <c>key=value</c> pair as the credential keys are written: no spaces, underscores or hyphens (<c>user_password</c>, <c>user-password</c>).</summary>
        private static string CredentialKeyOf(string key) => key.Replace(" ", string.Empty).Replace("_", string.Empty).Replace("-", string.Empty);

        /// <summary>
        /// Whether a text ends where a credential's value starts: <c>"…;User Id=sa;Password="</c> (a connection string built
        /// by concatenation), with the key found.
        /// </summary>
        public static string? EndsWithCredentialKey(string text)
        {
            if (!text.EndsWith("=", StringComparison.Ordinal))
            {
                return null;
            }

            var start = Math.Max(text.LastIndexOf(';', text.Length - 2), text.LastIndexOf(',', text.Length - 2)) + 1;
            var key = CredentialKeyOf(text.Substring(start, text.Length - 1 - start).Trim());
            return key.Length > 0 && CredentialKeys.Contains(key) ? key.ToLowerInvariant() : null;
        }

        /// <summary>Connection-string keys that name the server, used as the finding's target.</summary>
        private static readonly string[] ServerKeys = { "server", "data source", "host", "address", "addr", "endpoint", "accountname" };

        /// <summary>
        /// False for values that cannot be a real secret: empty or very short, placeholders (<c>&lt;password&gt;</c>,
        /// <c>${DB_PASSWORD}</c>, <c>{0}</c>, <c>****</c>, <c>your-api-key</c>), URLs without user info, and prose.
        /// </summary>
        public static bool LooksLikeSecret(string value)
        {
            var trimmed = value.Trim();
            if (IsKnownDefault(trimmed))
            {
                return true; // "yourStrong(!)Password" reads like a placeholder, but containers and samples run with it
            }

            if (trimmed.Length < 3)
            {
                return false;
            }

            if ((trimmed[0] == '<' && trimmed[trimmed.Length - 1] == '>')
                || (trimmed[0] == '[' && trimmed[trimmed.Length - 1] == ']')
                || (trimmed[0] == '%' && trimmed[trimmed.Length - 1] == '%')
                || trimmed.IndexOf("${", StringComparison.Ordinal) >= 0
                || trimmed.IndexOf("$(", StringComparison.Ordinal) >= 0
                || trimmed.IndexOf("#{", StringComparison.Ordinal) >= 0
                || trimmed.IndexOf("{{", StringComparison.Ordinal) >= 0
                || IsFormatItem(trimmed)
                || IsRepeatedCharacter(trimmed)
                || trimmed.StartsWith("your", StringComparison.OrdinalIgnoreCase)
                || trimmed.StartsWith("enter", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (trimmed.IndexOf("://", StringComparison.Ordinal) > 0 && trimmed.IndexOf('@') < 0)
            {
                return false;
            }

            var words = trimmed.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            return words.Length < 3;
        }

        /// <summary>
        /// True for values shaped like generated credentials: at least 16 characters, no whitespace, letters and digits.
        /// </summary>
        /// <summary>
        /// Key material written out: 16 or more characters of base64, base64url or hex (<c>q8Vx2mT9LpZr4Kc7…</c>,
        /// <c>3f9a…</c>), mixing letters and digits (and both cases, unless it is hex), not a GUID. A cache key
        /// (<c>orders:page:2</c>), a resource key (<c>Strings.Title</c>) or a word is not.
        /// </summary>
        public static bool LooksLikeKeyMaterial(string value)
        {
            var trimmed = value.Trim();
            if (trimmed.Length < 16 || System.Guid.TryParse(trimmed, out _))
            {
                return false;
            }

            bool upper = false, lower = false, digit = false, hexOnly = true;
            foreach (var c in trimmed)
            {
                if (!(char.IsLetterOrDigit(c) && c < 128) && c is not ('+' or '/' or '=' or '-' or '_'))
                {
                    return false;
                }

                upper |= char.IsUpper(c);
                lower |= char.IsLower(c);
                digit |= char.IsDigit(c);
                hexOnly &= char.IsDigit(c) || (c is >= 'a' and <= 'f') || (c is >= 'A' and <= 'F');
            }

            if (!digit || !(hexOnly ? trimmed.Length >= 32 : upper && lower))
            {
                return false;
            }

            // Words run together (EnableNewCheckout2024, Bananas2024Forever) are a name: random material breaks into
            // short runs of letters at every change of case or digit.
            var letterRuns = CredentialNames.SplitWords(trimmed).Where(w => char.IsLetter(w[0])).ToList();
            return hexOnly || letterRuns.Count == 0 || letterRuns.Average(w => w.Length) < 4;
        }

        public static bool LooksRandom(string value)
        {
            var trimmed = value.Trim();
            if (trimmed.Length < 16)
            {
                return false;
            }

            bool letter = false, digit = false;
            foreach (var c in trimmed)
            {
                if (char.IsWhiteSpace(c))
                {
                    return false;
                }

                letter |= char.IsLetter(c);
                digit |= char.IsDigit(c);
            }

            return letter && digit;
        }

        /// <summary>
        /// The credential values in a connection string (<c>Password=…</c>, <c>Pwd=…</c>, <c>AccountKey=…</c>), with the
        /// key they were found under. Empty when the text is not a connection string or holds no real credential.
        /// </summary>
        public static List<KeyValuePair<string, string>> ConnectionStringCredentials(string text)
        {
            var credentials = new List<KeyValuePair<string, string>>();
            foreach (var pair in ConnectionStringPairs(text))
            {
                if (CredentialKeys.Contains(CredentialKeyOf(pair.Key)) && LooksLikeSecret(pair.Value))
                {
                    credentials.Add(pair);
                }
            }

            return credentials;
        }

        /// <summary>The server a connection string names, if any.</summary>
        public static string? ConnectionStringServer(string text)
        {
            // StackExchange.Redis: "cache:6379,password=…,ssl=true" starts with its endpoint.
            if (Separator(text) == ',' && text.Split(',')[0].Trim() is { Length: > 0 } endpoint && endpoint.IndexOf('=') < 0)
            {
                return endpoint;
            }

            foreach (var pair in ConnectionStringPairs(text))
            {
                foreach (var key in ServerKeys)
                {
                    if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase))
                    {
                        return pair.Value;
                    }
                }
            }

            return null;
        }

        /// <summary>The connection string with every credential value redacted.</summary>
        public static string RedactConnectionString(string text)
        {
            var separator = Separator(text);
            var builder = new StringBuilder();
            foreach (var part in text.Split(separator))
            {
                var equals = part.IndexOf('=');
                if (equals < 0 && part.Trim().Length == 0)
                {
                    continue;
                }

                if (builder.Length > 0)
                {
                    builder.Append(separator);
                }

                if (equals <= 0)
                {
                    builder.Append(part.Trim()); // a Redis endpoint: "cache:6379"
                    continue;
                }

                var key = part.Substring(0, equals).Trim();
                var value = Unquote(part.Substring(equals + 1).Trim());
                builder.Append(key).Append('=');
                builder.Append(CredentialKeys.Contains(CredentialKeyOf(key)) ? Redact(value) : value);
            }

            return builder.ToString();
        }

        /// <summary>
        /// ';' separates ADO.NET-style pairs; StackExchange.Redis configuration strings
        /// (<c>host:6379,password=…,ssl=true</c>) use ','.
        /// </summary>
        private static char Separator(string text) => text.IndexOf(';') < 0 && text.IndexOf(',') >= 0 ? ',' : ';';

        private static string Unquote(string value) =>
            value.Length >= 2 && (value[0] == '\'' || value[0] == '"') && value[value.Length - 1] == value[0] ? value.Substring(1, value.Length - 2) : value;

        /// <summary>Passwords that ship as defaults or top every breached-password list: still findings, tagged as known defaults.</summary>
        private static readonly HashSet<string> KnownDefaults = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "changeme", "change_me", "change-me", "changeit", "admin", "administrator", "root", "guest", "letmein", "welcome",
            "welcome1", "password1", "Password123", "P@ssw0rd", "P@ssword1", "Pass@word1", "Passw0rd", "passw0rd", "123456",
            "12345678", "123456789", "qwerty", "abc123", "default", "sa", "test", "test123", "demo", "manager", "postgres",
            "mysql", "oracle", "rabbitmq", "Welcome123", "Secret123", "Admin123", "admin123", "toor", "master",
            "Pass@word", "P@ssword", "P@ssw0rd!", "Password", "Password1!", "Password!", "yourStrong(!)Password",
            "yourWeak(!)Password", "secret", "Secret", "s3cr3t", "Pass123$",
        };

        private static readonly System.Text.RegularExpressions.Regex CommandLinePasswordPattern = new System.Text.RegularExpressions.Regex(
            @"(?:^|[\s,\[(])[""']?(?:-P|--password|--pass)[""']?(?:\s*,\s*[""']|\s+[""']?|=[""']?)(?<password>[^""'\s,\])]+)",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant,
            TimeSpan.FromMilliseconds(100));

        /// <summary>
        /// The password given to a command line: <c>sqlcmd -U sa -P Pass@word</c>, <c>--password=…</c>, also written as a
        /// docker-compose health check array (<c>[ "CMD", "sqlcmd", "-P", "…" ]</c>). <c>-p</c> is left alone: it is a port
        /// for docker and many others.
        /// </summary>
        public static string? CommandLinePassword(string text)
        {
            if (text.IndexOf("-P", StringComparison.Ordinal) < 0 && text.IndexOf("--pass", StringComparison.Ordinal) < 0)
            {
                return null;
            }

            try
            {
                var match = CommandLinePasswordPattern.Match(text);
                return match.Success && LooksLikeSecret(match.Groups["password"].Value) ? match.Groups["password"].Value : null;
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                return null;
            }
        }

        /// <summary>Whether a credential is a known default or one of the most common passwords (<c>changeme</c>, <c>Pass@word1</c>).</summary>
        public static bool IsKnownDefault(string value) => KnownDefaults.Contains(value.Trim());

        /// <summary>
        /// The password of a URL's user info (<c>amqp://app:S3cret@rabbit/</c>), when it is a real value rather than a
        /// placeholder, with the URL redacted for evidence. Null for URLs without a password.
        /// </summary>
        public static (string Password, string Evidence)? UrlCredentials(string text)
        {
            var scheme = text.IndexOf("://", StringComparison.Ordinal);
            if (scheme <= 0 || text.IndexOf(' ') >= 0)
            {
                return null;
            }

            // The user info ends at the last '@' before the path. A password written raw may hold '#' or '?', which a
            // URL parser would take for a fragment or a query: the text is read as written.
            var start = scheme + 3;
            var path = text.IndexOf('/', start);
            var at = text.LastIndexOf('@', path < 0 ? text.Length - 1 : path);
            if (at < start)
            {
                return null;
            }

            var colon = text.IndexOf(':', start);
            if (colon < 0 || colon > at)
            {
                return null;
            }

            var password = text.Substring(colon + 1, at - colon - 1);
            if (!LooksLikeSecret(password))
            {
                return null;
            }

            return (password, text.Substring(0, colon + 1) + Redact(password) + text.Substring(at));
        }

        /// <summary>
        /// A value too short for the credential its name promises: API keys, tokens, secrets and private keys are long
        /// generated strings, so <c>"dev"</c> under <c>ApiKey</c> is a placeholder. Passwords can be short (and weak), and
        /// a known default is reported whatever its length.
        /// </summary>
        public static bool IsTooShortFor(string keyword, string value) =>
            keyword is not ("password" or "passwd" or "pwd" or "pass" or "passphrase" or "credential")
            && value.Trim().Length < 8
            && !IsKnownDefault(value);

        /// <summary>The credential of an Authorization header value written out: <c>Basic dXNlcjpw…</c>, <c>Bearer eyJ…</c>.</summary>
        public static (string Scheme, string Credential)? AuthorizationHeader(string text)
        {
            var space = text.IndexOf(' ');
            if (space <= 0)
            {
                return null;
            }

            var scheme = text.Substring(0, space);
            var credential = text.Substring(space + 1).Trim();
            if (!(scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
                || credential.Length < 8 || credential.IndexOf(' ') >= 0 || !LooksLikeSecret(credential) || !LooksRandom(credential))
            {
                return null;
            }

            return (scheme, credential);
        }

        /// <summary>
        /// At most the first three characters (fewer for short values) and the length: <c>Sup…(14 chars)</c>.
        /// </summary>
        public static string Redact(string value)
        {
            var shown = Math.Min(3, value.Length / 4);
            return value.Substring(0, shown) + "…(" + value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " chars)";
        }

        /// <summary>The repository's salt from the global options; empty when none is set.</summary>
        public static string SaltOf(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions globalOptions) =>
            globalOptions.TryGetValue(SaltOption, out var salt) && !string.IsNullOrWhiteSpace(salt) ? salt.Trim()
            : globalOptions.TryGetValue(SaltProperty, out var property) && !string.IsNullOrWhiteSpace(property) ? property.Trim()
            : string.Empty;

        /// <summary>
        /// A salted SHA-256 prefix of the value: the same secret gets the same hash in every scan of the same repository.
        /// The repository's own salt keeps a short secret from being recovered by hashing guesses with the public salt.
        /// </summary>
        public static string Hash(string value, string salt)
        {
            using (var sha = SHA256.Create())
            {
                var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(HashSalt + salt + ":" + value));
                var builder = new StringBuilder(16);
                for (var i = 0; i < 8; i++)
                {
                    builder.Append(bytes[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                }

                return builder.ToString();
            }
        }

        private static IEnumerable<KeyValuePair<string, string>> ConnectionStringPairs(string text)
        {
            if (text.IndexOf('=') < 0)
            {
                yield break;
            }

            foreach (var part in text.Split(Separator(text)))
            {
                var equals = part.IndexOf('=');
                if (equals <= 0)
                {
                    continue;
                }

                yield return new KeyValuePair<string, string>(part.Substring(0, equals).Trim(), Unquote(part.Substring(equals + 1).Trim()));
            }
        }

        private static bool IsFormatItem(string value) =>
            value.Length >= 3 && value[0] == '{' && value[value.Length - 1] == '}';

        private static bool IsRepeatedCharacter(string value)
        {
            foreach (var c in value)
            {
                if (c != value[0])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
