using System.Xml.Linq;

namespace InventoryScanner.Workspace;

/// <summary>A package source of the scanned repository's NuGet configuration: its key and URL or folder.</summary>
public sealed record PackageSource(string Key, string Value)
{
    public bool IsHttp => Value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || Value.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Extra restore arguments that leave out unreachable sources (null: restore nothing), and why.</summary>
public sealed record SourceChoice(IReadOnlyList<string>? Arguments, IReadOnlyList<string> Messages)
{
    public static readonly SourceChoice All = new([], []);
}

/// <summary>
/// The package sources a restore of the scan root would use, and which of them answer. A repository handed to an
/// auditor often names its company's private feed: off that network, NuGet waits on it for minutes (about 100 s per
/// request, retried) before it gives up. Each HTTP source is asked for its service index once, all at once, for a few
/// seconds; restore is then given only the sources that answered (<c>--source</c>), and the others are named.
/// </summary>
public static class PackageSources
{
    private static readonly string[] ConfigNames = ["nuget.config", "NuGet.config", "NuGet.Config"];

    /// <summary>The sources in effect for <paramref name="directory"/>: its NuGet.config files, nearest last-applied, and the user's.</summary>
    public static IReadOnlyList<PackageSource> For(string directory)
    {
        var files = new List<string>();
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            // On a case-insensitive file system the three names are one file.
            files.AddRange(ConfigNames.Select(name => Path.Combine(current.FullName, name)).Where(File.Exists).Distinct(StringComparer.OrdinalIgnoreCase).Take(1));
        }

        var user = UserConfig();
        if (user is not null && !files.Contains(user, StringComparer.Ordinal))
        {
            files.Add(user);
        }

        // Farthest first, so that a nearer file's <clear/> and keys win.
        var sources = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        var disabled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Enumerable.Reverse(files))
        {
            XElement? root;
            try
            {
                root = XDocument.Load(file).Root;
            }
            catch (Exception exception) when (exception is System.Xml.XmlException or IOException or UnauthorizedAccessException)
            {
                continue; // NuGet says what is wrong with such a file during restore
            }

            foreach (var element in root?.Element("packageSources")?.Elements() ?? [])
            {
                if (element.Name.LocalName == "clear")
                {
                    sources.Clear();
                    order.Clear();
                }
                else if (element.Name.LocalName == "add" && element.Attribute("key")?.Value is { } key && element.Attribute("value")?.Value is { } value)
                {
                    if (!sources.ContainsKey(key))
                    {
                        order.Add(key);
                    }

                    sources[key] = Path.IsPathRooted(value) || value.Contains("://", StringComparison.Ordinal) ? value : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, value));
                }
            }

            foreach (var element in root?.Element("disabledPackageSources")?.Elements("add") ?? [])
            {
                if (element.Attribute("key")?.Value is { } key && string.Equals(element.Attribute("value")?.Value, "true", StringComparison.OrdinalIgnoreCase))
                {
                    disabled.Add(key);
                }
            }
        }

        return order.Where(key => !disabled.Contains(key)).Select(key => new PackageSource(key, sources[key])).ToList();
    }

    /// <summary>The sources that did not answer within <paramref name="timeout"/>, each with what went wrong.</summary>
    public static async Task<IReadOnlyList<(PackageSource Source, string Reason)>> UnreachableAsync(IReadOnlyList<PackageSource> sources, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var probes = sources.Select(async source =>
        {
            if (!source.IsHttp)
            {
                return Directory.Exists(source.Value) || File.Exists(source.Value) ? null : ((PackageSource, string)?)(source, "the folder does not exist");
            }

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                // Any answer, even 401 from a feed that wants credentials, shows the feed is there.
                using var response = await client.GetAsync(source.Value, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
                return null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (source, $"no answer within {timeout.TotalSeconds:0} s");
            }
            catch (HttpRequestException exception)
            {
                return (source, exception.Message);
            }
        });
        var results = await Task.WhenAll(probes).ConfigureAwait(false);
        return results.OfType<(PackageSource, string)>().ToList();
    }

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// What restore (and the download of old-format projects' references) is given: <c>--source</c> arguments that
    /// leave out the sources that do not answer (none when every source answers), and a message for each one left out;
    /// null arguments when no source answers, and nothing is restored.
    /// </summary>
    public static async Task<SourceChoice> ChooseAsync(string root, CancellationToken cancellationToken)
    {
        var sources = For(root);
        var unreachable = await UnreachableAsync(sources, ProbeTimeout, cancellationToken).ConfigureAwait(false);
        if (unreachable.Count == 0)
        {
            return SourceChoice.All;
        }

        var messages = unreachable
            .Select(u => $"package source '{u.Source.Key}' ({u.Source.Value}) cannot be reached ({u.Reason}): restore used the other sources, and a package only it has is named on each project that needs it")
            .ToList();
        var answering = sources.Except(unreachable.Select(u => u.Source)).ToList();
        if (answering.Count == 0)
        {
            messages.Add("no package source can be reached: packages were not restored, and projects are analysed with what the NuGet cache already holds");
            return new SourceChoice(null, messages);
        }

        return new SourceChoice([.. answering.SelectMany(source => new[] { "--source", source.Value })], messages);
    }

    private static string? UserConfig()
    {
        var appData = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData);
        var candidates = OperatingSystem.IsWindows()
            ? [Path.Combine(appData, "NuGet", "NuGet.Config")]
            : new[] { Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "NuGet", "NuGet.Config") };
        return candidates.FirstOrDefault(File.Exists);
    }
}
