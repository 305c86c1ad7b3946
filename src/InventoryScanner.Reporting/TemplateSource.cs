using System.Reflection;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace InventoryScanner.Reporting;

/// <summary>
/// Where templates come from: the ones embedded in this assembly (copied from the repository's templates/ folder),
/// or a folder given with --templates, which may override any of them (a missing file falls back to the embedded one).
/// Includes name partials: <c>{{ include 'summary' }}</c> reads <c>partials/_summary.scriban</c>.
/// </summary>
public sealed class TemplateSource : ITemplateLoader
{
    private const string ResourcePrefix = "templates/";
    private static readonly Assembly Assembly = typeof(TemplateSource).Assembly;
    private static readonly Dictionary<string, string> Resources = Assembly.GetManifestResourceNames()
        .Where(name => name.Replace('\\', '/').StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .ToDictionary(name => name.Replace('\\', '/')[ResourcePrefix.Length..], name => name, StringComparer.Ordinal);

    private readonly string? _directory;

    private TemplateSource(string? directory)
    {
        _directory = directory;
    }

    public static TemplateSource Embedded { get; } = new(null);

    public static TemplateSource FromDirectory(string directory) =>
        Directory.Exists(directory) ? new TemplateSource(Path.GetFullPath(directory)) : throw new DirectoryNotFoundException($"template folder '{directory}' does not exist");

    public IEnumerable<string> Names => Resources.Keys.Order(StringComparer.Ordinal);

    public string Read(string name)
    {
        if (_directory is not null)
        {
            var file = Path.Combine(_directory, name);
            if (File.Exists(file))
            {
                return File.ReadAllText(file);
            }
        }

        if (!Resources.TryGetValue(name, out var resource))
        {
            throw new FileNotFoundException($"template '{name}' not found");
        }

        using var stream = Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => $"partials/_{templateName}.scriban";

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => Read(templatePath);

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new(Read(templatePath));
}
