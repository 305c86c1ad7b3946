using System.Text;
using System.Text.RegularExpressions;

namespace InventoryScanner.Core.Owners;

/// <summary>
/// A repository's <c>CODEOWNERS</c>, in GitHub's and GitLab's syntax, and who owns a path by it.
/// <list type="bullet">
/// <item>Where: the first of <c>.github/CODEOWNERS</c>, <c>CODEOWNERS</c>, <c>docs/CODEOWNERS</c> (GitHub's order), then
/// GitLab's <c>.gitlab/CODEOWNERS</c>.</item>
/// <item>Lines: <c>pattern owner…</c>; <c>#</c> starts a comment (<c>\#</c> is a literal <c>#</c>); a pattern with no
/// owners un-owns what it matches. <b>The last matching line wins.</b></item>
/// <item>Patterns as gitignore: a leading <c>/</c> (or any <c>/</c> but a trailing one) anchors at the repository root,
/// otherwise the pattern matches at any depth; a trailing <c>/</c>, or a match on a directory, covers everything under
/// it; <c>*</c> is any run of characters in one segment, <c>**</c> any number of segments, <c>?</c> one character.</item>
/// <item>GitLab sections: <c>[Section]</c>, <c>^[Optional]</c>, <c>[Section][2]</c>, optionally with default owners
/// (<c>[Section] @team</c>) that lines without owners take. The last match wins within each section, and a path's owners
/// are those of every section that matches it.</item>
/// </list>
/// </summary>
public sealed class CodeOwners
{
    public static readonly IReadOnlyList<string> Locations = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"];

    private static readonly Regex SectionHeader = new(@"^\^?\[(?<name>[^\]]+)\](\[\d+\])?(?<owners>(\s+\S+)*)\s*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private readonly List<Rule> _rules;

    private CodeOwners(string file, List<Rule> rules)
    {
        File = file;
        _rules = rules;
    }

    /// <summary>The file the rules come from, relative to the repository root.</summary>
    public string File { get; }

    /// <summary>The repository's CODEOWNERS, or null when it has none (or it cannot be read; <paramref name="messages"/> says so).</summary>
    public static CodeOwners? Find(string repositoryRoot, ICollection<string>? messages = null)
    {
        foreach (var location in Locations)
        {
            var path = Path.Combine(repositoryRoot, location);
            if (!System.IO.File.Exists(path))
            {
                continue;
            }

            try
            {
                return Parse(System.IO.File.ReadAllText(path), location);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                messages?.Add($"{location} could not be read ({exception.Message}); no owners are given");
                return null;
            }
        }

        return null;
    }

    public static CodeOwners Parse(string text, string file = "CODEOWNERS")
    {
        var rules = new List<Rule>();
        var section = string.Empty;
        IReadOnlyList<string> sectionOwners = [];
        foreach (var raw in text.Split('\n'))
        {
            var line = StripComment(raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] is '[' or '^' && SectionHeader.Match(line) is { Success: true } header)
            {
                section = header.Groups["name"].Value.Trim().ToLowerInvariant();
                sectionOwners = header.Groups["owners"].Value.Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries);
                continue;
            }

            var parts = Split(line);
            if (parts.Count == 0 || Pattern(parts[0]) is not { } pattern)
            {
                continue;
            }

            var owners = parts.Count > 1 ? parts.Skip(1).ToList() : section.Length > 0 ? [.. sectionOwners] : new List<string>();
            rules.Add(new Rule(section, pattern, owners));
        }

        return new CodeOwners(file, rules);
    }

    /// <summary>The owners of a file (a path relative to the repository root, <c>/</c>-separated), in file order; empty when none.</summary>
    public IReadOnlyList<string> OwnersOf(string path)
    {
        path = path.Replace('\\', '/').TrimStart('/');
        var owners = new List<string>();
        foreach (var section in _rules.GroupBy(r => r.Section, StringComparer.Ordinal))
        {
            var last = section.LastOrDefault(r => r.Pattern.IsMatch(path));
            if (last is not null)
            {
                owners.AddRange(last.Owners.Where(o => !owners.Contains(o, StringComparer.OrdinalIgnoreCase)));
            }
        }

        return owners;
    }

    /// <summary>A line without its comment: from an unescaped <c>#</c> on; <c>\#</c> stays a <c>#</c>.</summary>
    private static string StripComment(string line)
    {
        var text = new StringBuilder();
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] == '#')
            {
                text.Append('#');
                i++;
            }
            else if (line[i] == '#')
            {
                break;
            }
            else
            {
                text.Append(line[i]);
            }
        }

        return text.ToString();
    }

    /// <summary>A line's pattern and owners; <c>\ </c> is a space inside the pattern.</summary>
    private static List<string> Split(string line)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] == ' ')
            {
                current.Append(' ');
                i++;
            }
            else if (char.IsWhiteSpace(line[i]))
            {
                if (current.Length > 0)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(line[i]);
            }
        }

        if (current.Length > 0)
        {
            parts.Add(current.ToString());
        }

        return parts;
    }

    /// <summary>The gitignore-style pattern as a regular expression over a file's path; null for one GitHub does not support (<c>!</c>).</summary>
    private static Regex? Pattern(string pattern)
    {
        if (pattern.StartsWith('!'))
        {
            return null;
        }

        var directory = pattern.EndsWith('/');
        var body = pattern.Trim('/');
        var anchored = pattern.StartsWith('/') || body.Contains('/', StringComparison.Ordinal);
        if (body.Length == 0)
        {
            // "/" alone: the whole repository.
            return new Regex("^", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        var regex = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '*' && i + 1 < body.Length && body[i + 1] == '*')
            {
                // "**/" any number of leading segments, "/**" everything below, "**" alone anything.
                var slash = i + 2 < body.Length && body[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        // A directory pattern covers everything under it, and so does a name that matches a directory; "docs/*" is the
        // files directly in docs only (GitHub: "but not further nested files").
        var directChildren = body.EndsWith("/*", StringComparison.Ordinal) || body == "*";
        regex.Append(directory ? "/" : directChildren && body != "*" ? "$" : "(?:/|$)");
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private sealed record Rule(string Section, Regex Pattern, IReadOnlyList<string> Owners);
}
