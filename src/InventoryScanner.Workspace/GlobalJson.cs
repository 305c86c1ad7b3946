using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Build.Locator;

namespace InventoryScanner.Workspace;

/// <summary>
/// A <c>global.json</c> that the scan cannot honour as it stands: it pins an SDK no installed SDK satisfies (its
/// version with its <c>rollForward</c> policy), or it is not valid JSON (the dotnet CLI then fails before it starts).
/// <see cref="Replacement"/> is what the scan puts in its place: the file without its <c>sdk</c> pin (its
/// <c>msbuild-sdks</c> kept), pinning <see cref="Used"/> instead; null when nothing of it can be kept.
/// </summary>
public sealed record GlobalJsonProblem(string Path, string Reason, string? Requested, string Used, string Replacement);

/// <summary>
/// Which global.json files apply to a scan (the nearest one above each project, as the .NET host looks them up) and
/// which of them the installed SDKs cannot satisfy. Repositories handed to an auditor often pin an SDK that is not
/// installed (issue 14): the scan goes on with the best installed SDK instead of stopping.
/// </summary>
public static class GlobalJson
{
    public const string FileName = "global.json";

    /// <summary>The problems of every global.json that applies to <paramref name="root"/> or to one of the projects.</summary>
    public static IReadOnlyList<GlobalJsonProblem> Check(string root, IEnumerable<string> projectPaths)
    {
        var files = projectPaths
            .Select(p => System.IO.Path.GetDirectoryName(p)!)
            .Prepend(root)
            .Select(Nearest)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var installed = new Lazy<IReadOnlyList<Version>>(() => Installed);
        return files.Select(file => Problem(file, installed)).OfType<GlobalJsonProblem>().ToList();
    }

    /// <summary>The global.json the .NET host would read for a command run in <paramref name="directory"/>.</summary>
    public static string? Nearest(string directory) => FileLookup.NearestAbove(directory, FileName);

    private static GlobalJsonProblem? Problem(string path, Lazy<IReadOnlyList<Version>> installed)
    {
        JsonObject? document;
        try
        {
            document = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject;
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            var used = Best(null, installed.Value);
            return new GlobalJsonProblem(path, $"is not valid JSON ({FirstLine(exception.Message)})", null, used, Pin(new JsonObject(), used));
        }

        if (document is null)
        {
            var used = Best(null, installed.Value);
            return new GlobalJsonProblem(path, "is not a JSON object", null, used, Pin(new JsonObject(), used));
        }

        if (document["sdk"] is not JsonObject sdk)
        {
            return null;
        }

        var requested = sdk["version"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        var policy = sdk["rollForward"] is JsonValue roll && roll.TryGetValue<string>(out var rollText) ? rollText : null;
        if (Satisfied(requested, policy, installed.Value))
        {
            return null;
        }

        var best = Best(requested, installed.Value);
        var pinned = requested is null ? "an SDK" : $"SDK {requested}" + (policy is null ? string.Empty : $" (rollForward: {policy})");
        var reason = $"pins {pinned}, which no installed SDK satisfies (installed: {(installed.Value.Count == 0 ? "none" : string.Join(", ", installed.Value))})";
        document.Remove("sdk");
        return new GlobalJsonProblem(path, reason, requested, best, Pin(document, best));
    }

    /// <summary>
    /// Whether an installed SDK satisfies a global.json's <c>version</c> under its <c>rollForward</c> policy, by the .NET
    /// host's rules: an SDK version is major.minor.feature-band-and-patch (8.0.419: band 4, patch 19); <c>patch</c>
    /// (the default with a version) allows a later patch of the same band, <c>feature</c> a later band of the same
    /// minor, <c>minor</c> a later minor of the same major, <c>major</c> anything later, <c>disable</c> only the version
    /// itself; the <c>latest…</c> policies allow the same sets. A version the host cannot read is ignored by it, as here.
    /// </summary>
    public static bool Satisfied(string? requested, string? policy, IReadOnlyList<Version> installed)
    {
        if (requested is null || !Version.TryParse(requested.Split('-')[0], out var wanted) || wanted.Build < 0)
        {
            return installed.Count > 0;
        }

        var rule = (policy ?? "patch").ToLowerInvariant();
        return installed.Any(candidate => rule switch
        {
            "disable" => candidate == wanted,
            "patch" or "latestpatch" => SameBand(candidate, wanted) && candidate >= wanted,
            "feature" or "latestfeature" => candidate.Major == wanted.Major && candidate.Minor == wanted.Minor && candidate >= wanted,
            "minor" or "latestminor" => candidate.Major == wanted.Major && candidate >= wanted,
            "major" or "latestmajor" => candidate >= wanted,
            _ => SameBand(candidate, wanted) && candidate >= wanted,
        });

        static bool SameBand(Version a, Version b) => a.Major == b.Major && a.Minor == b.Minor && a.Build / 100 == b.Build / 100;
    }

    /// <summary>The SDKs installed beside the dotnet this process uses, newest first (none when the host cannot list them).</summary>
    public static IReadOnlyList<Version> Installed => InstalledSdks.Value;

    private static readonly Lazy<IReadOnlyList<Version>> InstalledSdks = new(() =>
    {
        try
        {
            var options = new VisualStudioInstanceQueryOptions { DiscoveryTypes = DiscoveryType.DotNetSdk, WorkingDirectory = NeutralDirectory, AllowAllRuntimeVersions = true };
            return MSBuildLocator.QueryVisualStudioInstances(options).Select(i => i.Version).Distinct().OrderDescending().ToList();
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException)
        {
            return [];
        }
    });

    /// <summary>Whether the global.json the .NET host reads in <paramref name="directory"/> is one the scan must step around.</summary>
    public static bool BlocksHost(string directory) => Nearest(directory) is { } nearest && Problem(nearest, new Lazy<IReadOnlyList<Version>>(() => Installed)) is not null;

    /// <summary>
    /// The installed SDK that comes closest to the one asked for: the newest of the same major version, else the newest.
    /// </summary>
    public static string Best(string? requested, IReadOnlyList<Version> installed)
    {
        if (installed.Count == 0)
        {
            return requested ?? "none";
        }

        var major = requested is not null && Version.TryParse(requested.Split('-')[0], out var version) ? version.Major : -1;
        return (installed.FirstOrDefault(v => v.Major == major) ?? installed[0]).ToString();
    }

    /// <summary>A folder no global.json applies to: the .NET host picks the newest SDK there.</summary>
    internal static string NeutralDirectory
    {
        get
        {
            var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "inventory-scanner-sdk-probe");
            Directory.CreateDirectory(directory);
            return directory;
        }
    }

    private static string Pin(JsonObject document, string version)
    {
        document["sdk"] = new JsonObject { ["version"] = version, ["rollForward"] = "latestPatch" };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
