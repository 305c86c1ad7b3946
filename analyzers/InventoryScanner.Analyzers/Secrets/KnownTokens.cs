using System;
using System.Text;
using System.Text.RegularExpressions;

namespace InventoryScanner.Analyzers.Secrets
{
    /// <summary>A credential recognised by its format, wherever it is written.</summary>
    internal readonly struct KnownToken
    {
        public KnownToken(string kind, string value, string confidence)
        {
            Kind = kind;
            Value = value;
            Confidence = confidence;
        }

        /// <summary><c>aws-access-key</c>, <c>github-token</c>, <c>jwt</c>, <c>private-key</c>, ...</summary>
        public string Kind { get; }

        /// <summary>The token itself, for the salted hash only; never written anywhere.</summary>
        public string Value { get; }

        public string Confidence { get; }
    }

    /// <summary>
    /// Credentials whose format names them: cloud and SaaS keys with fixed prefixes, JWTs and PEM private keys. A cheap
    /// prefix check comes first; the pattern (with a timeout) only runs on text that has one. GitHub tokens carry a
    /// CRC32 checksum: a valid one raises the confidence, an invalid one lowers it without dropping the finding.
    /// </summary>
    internal static class KnownTokens
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);

        private static readonly (string Prefix, string Kind, Regex Pattern)[] Formats =
        {
            ("AKIA", "aws-access-key", Pattern(@"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")),
            ("ASIA", "aws-access-key", Pattern(@"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")),
            ("github_pat_", "github-token", Pattern(@"\bgithub_pat_[0-9A-Za-z_]{82}\b")),
            ("gh", "github-token", Pattern(@"\bgh[pousr]_[0-9A-Za-z]{36}\b")),
            ("xox", "slack-token", Pattern(@"\bxox[abpors]-[0-9A-Za-z-]{10,}")),
            ("_live_", "stripe-key", Pattern(@"\b(?:sk|rk)_live_[0-9A-Za-z]{24,}\b")),
            ("AIza", "google-api-key", Pattern(@"\bAIza[0-9A-Za-z_-]{35}")),
            ("SG.", "sendgrid-key", Pattern(@"\bSG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43}\b")),
            ("eyJ", "jwt", Pattern(@"\beyJ[0-9A-Za-z_-]{8,}\.eyJ[0-9A-Za-z_-]{8,}\.[0-9A-Za-z_-]{16,}")),
            // The whole block, so that two keys never share a value hash.
            ("PRIVATE KEY-----", "private-key", Pattern(@"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----(?:[A-Za-z0-9+/=\s\\:,-]*?-----END [A-Z ]*PRIVATE KEY-----)?")),

            // Azure AD (Entra ID) client secrets since 2021: three characters, a digit, "Q~", then 31 to 34 more.
            ("Q~", "azure-ad-client-secret", Pattern(@"(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])")),

            // An Azure Storage shared access signature: a service version, then a signature.
            ("sig=", "azure-sas", Pattern(@"\bsv=\d{4}-\d{2}-\d{2}&[^\s""'<>]*?\bsig=[A-Za-z0-9%+/=]{30,}")),

            // An Azure Storage account key: 64 random bytes in base64, 88 characters ending in "==".
            ("==", "azure-storage-key", Pattern(@"(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])")),

            // Twilio API keys: "SK" and 32 hexadecimal characters.
            ("SK", "twilio-api-key", Pattern(@"\bSK[0-9a-fA-F]{32}\b")),
        };

        /// <summary>The words a file must contain to hold one of these formats (for the hosts' pre-filter).</summary>
        /// <remarks>
        /// Azure Storage account keys end in "==", which every C# file has: code files are not bound for them alone (a key in
        /// code sits in a connection string or a credential-named variable, which the other words find); configuration
        /// files are always read.
        /// </remarks>
        public static readonly string[] Prefixes = { "AKIA", "ASIA", "github_pat_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "xox", "_live_", "AIza", "SG.", "eyJ", "PRIVATE KEY-----", "Q~", "sig=" };

        public static KnownToken? Find(string text)
        {
            if (text.Length < 16)
            {
                return null;
            }

            foreach (var (prefix, kind, pattern) in Formats)
            {
                if (text.IndexOf(prefix, StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                Match match;
                try
                {
                    match = pattern.Match(text);
                }
                catch (RegexMatchTimeoutException)
                {
                    continue;
                }

                if (!match.Success)
                {
                    continue;
                }

                var confidence = kind == "github-token" && match.Value.Length == 40
                    ? (HasValidGitHubChecksum(match.Value) ? Confidence.High : Confidence.Medium)
                    : kind == "twilio-api-key" ? Confidence.Medium : Confidence.High;
                return new KnownToken(kind, match.Value, confidence);
            }

            return null;
        }

        /// <summary>
        /// GitHub's token format: a prefix, 30 random characters, then the CRC32 of those characters in base62, six
        /// characters long, zero-padded on the left.
        /// </summary>
        internal static bool HasValidGitHubChecksum(string token)
        {
            var random = token.Substring(4, 30);
            var expected = Base62(Crc32(Encoding.ASCII.GetBytes(random))).PadLeft(6, '0');
            return string.Equals(token.Substring(34, 6), expected, StringComparison.Ordinal);
        }

        internal static string Base62(uint value)
        {
            const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
            if (value == 0)
            {
                return "0";
            }

            var builder = new StringBuilder();
            while (value > 0)
            {
                builder.Insert(0, Alphabet[(int)(value % 62)]);
                value /= 62;
            }

            return builder.ToString();
        }

        internal static uint Crc32(byte[] bytes)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in bytes)
            {
                crc ^= b;
                for (var bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
                }
            }

            return ~crc;
        }

        private static Regex Pattern(string pattern) => new Regex(pattern, RegexOptions.CultureInvariant, Timeout);
    }
}
