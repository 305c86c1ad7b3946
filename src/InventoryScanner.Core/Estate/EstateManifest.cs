using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace InventoryScanner.Core.Estate;

/// <summary>
/// The repositories of an estate, as a team lists them for the fan-out (<c>estate.yaml</c>):
/// <code>
/// repositories:
///   - name: orders                                   # the estate's name for it (letters, digits, - _ .)
///     url: https://github.com/contoso/orders.git     # what to clone
///     ref: main                                      # optional: a branch, tag or commit
///     path: src/Orders.sln                           # optional: what to scan in it (default: the whole checkout)
/// </code>
/// Read with YamlDotNet; every problem (a missing url, a name twice) is said with the entry it is in.
/// </summary>
public sealed partial class EstateManifest
{
    private EstateManifest(IReadOnlyList<ManifestRepository> repositories) => Repositories = repositories;

    public IReadOnlyList<ManifestRepository> Repositories { get; }

    public static EstateManifest Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EstateException($"{path} cannot be read: {exception.Message}");
        }

        return Parse(text, path);
    }

    public static EstateManifest Parse(string text, string path = "estate.yaml")
    {
        ManifestFile? file;
        try
        {
            file = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<ManifestFile>(text);
        }
        catch (YamlException exception)
        {
            throw new EstateException($"{path} is not a valid manifest (line {exception.Start.Line}: {exception.Message}); expected 'repositories:' with a name and url each");
        }

        var entries = file?.Repositories ?? [];
        if (entries.Count == 0)
        {
            throw new EstateException($"{path} lists no repositories; expected 'repositories:' with a name and url each");
        }

        var repositories = new List<ManifestRepository>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var where = $"{path}: repositories[{i}]";
            if (string.IsNullOrWhiteSpace(entry.Url))
            {
                throw new EstateException($"{where} has no url");
            }

            var name = string.IsNullOrWhiteSpace(entry.Name) ? NameOf(entry.Url) : entry.Name.Trim();
            if (!ValidName().IsMatch(name))
            {
                throw new EstateException($"{where}: '{name}' is not a repository name (letters, digits, '-', '_' and '.')");
            }

            if (repositories.Any(r => r.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new EstateException($"{where}: the name '{name}' is listed twice");
            }

            repositories.Add(new ManifestRepository(name, entry.Url.Trim(), string.IsNullOrWhiteSpace(entry.Ref) ? null : entry.Ref.Trim(), string.IsNullOrWhiteSpace(entry.Path) ? "." : entry.Path.Trim()));
        }

        return new EstateManifest(repositories);
    }

    /// <summary>
    /// A GitHub Actions matrix, <c>{"include": [...]}</c>: each entry's name, url, ref, path, and <c>repository</c>
    /// (<c>owner/name</c>, what <c>actions/checkout</c> takes) when the url is GitHub's.
    /// </summary>
    public string Matrix()
    {
        var include = new JsonArray();
        foreach (var repository in Repositories)
        {
            include.Add(new JsonObject
            {
                ["name"] = repository.Name,
                ["url"] = repository.Url,
                ["ref"] = repository.Ref ?? string.Empty,
                ["path"] = repository.Path,
                ["repository"] = repository.GitHubRepository ?? string.Empty,
            });
        }

        return new JsonObject { ["include"] = include }.ToJsonString();
    }

    /// <summary>One entry as shell variables (<c>REPOSITORY_NAME='orders'</c>…), for a pod of an indexed Job to <c>eval</c>.</summary>
    public string Shell(int index)
    {
        if (index < 0 || index >= Repositories.Count)
        {
            throw new EstateException($"index {index} is outside the manifest's {Repositories.Count} repositories (0 to {Repositories.Count - 1})");
        }

        var repository = Repositories[index];
        return string.Join('\n', new[]
        {
            ("REPOSITORY_NAME", repository.Name),
            ("REPOSITORY_URL", repository.Url),
            ("REPOSITORY_REF", repository.Ref ?? string.Empty),
            ("REPOSITORY_PATH", repository.Path),
        }.Select(p => p.Item1 + "=" + Quote(p.Item2))) + "\n";
    }

    /// <summary>A POSIX shell single-quoted word: what it says, never run.</summary>
    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>A repository's name from its url: <c>https://github.com/contoso/orders.git</c> → orders.</summary>
    private static string NameOf(string url)
    {
        var last = url.TrimEnd('/').Split('/', ':').Last();
        return last.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? last[..^4] : last;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex ValidName();

    private sealed class ManifestFile
    {
        public List<ManifestEntry>? Repositories { get; set; }
    }

    private sealed class ManifestEntry
    {
        public string? Name { get; set; }

        public string? Url { get; set; }

        public string? Ref { get; set; }

        public string? Path { get; set; }
    }
}

/// <summary>One repository of an estate manifest.</summary>
public sealed record ManifestRepository(string Name, string Url, string? Ref, string Path)
{
    /// <summary><c>owner/name</c> for a GitHub url (https or ssh); null for another host.</summary>
    public string? GitHubRepository
    {
        get
        {
            var match = Regex.Match(Url, @"^(?:https://github\.com/|git@github\.com:)(?<repo>[^/]+/[^/]+?)(?:\.git)?/?$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return match.Success ? match.Groups["repo"].Value : null;
        }
    }
}
