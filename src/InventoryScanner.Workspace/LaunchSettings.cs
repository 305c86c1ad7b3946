using System.Text.Json;

namespace InventoryScanner.Workspace;

/// <summary>
/// The URLs a project serves on when run locally, from <c>Properties/launchSettings.json</c> (every profile's
/// <c>applicationUrl</c>, semicolon-separated). Other components' configuration often points at exactly these, which
/// is how a call to <c>https://localhost:7015</c> is known to be a call to this project.
/// </summary>
internal static class LaunchSettings
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static IReadOnlyList<string> ApplicationUrls(string projectPath)
    {
        var path = Path.Combine(Path.GetDirectoryName(projectPath)!, "Properties", "launchSettings.json");
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), Options);
            if (!document.RootElement.TryGetProperty("profiles", out var profiles) || profiles.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            var urls = new List<string>();
            foreach (var profile in profiles.EnumerateObject())
            {
                if (profile.Value.ValueKind == JsonValueKind.Object
                    && profile.Value.TryGetProperty("applicationUrl", out var applicationUrl) && applicationUrl.ValueKind == JsonValueKind.String)
                {
                    urls.AddRange(applicationUrl.GetString()!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                }
            }

            return urls.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            // A launch profile that cannot be read only means fewer calls are matched to this component.
            return [];
        }
    }
}
