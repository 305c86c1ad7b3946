using InventoryScanner.Core.Model;
using Scriban;
using Scriban.Runtime;

namespace InventoryScanner.Reporting;

/// <summary>
/// Renders a Scriban template over the <see cref="ReportModel"/>. Scriban does not escape on its own: the HTML
/// templates pipe every scanned value through <c>html.escape</c>, the Markdown ones through <c>md_escape</c>.
/// </summary>
public sealed class TemplateReportWriter(string fileName, string templateName, TemplateSource templates) : IReportWriter
{
    public string FileName { get; } = fileName;

    public string Render(Inventory inventory)
    {
        var template = Template.Parse(templates.Read(templateName), templateName);
        if (template.HasErrors)
        {
            throw new ReportTemplateException($"template {templateName} has errors: {string.Join("; ", template.Messages.Select(m => m.ToString()))}");
        }

        var globals = new ScriptObject();
        globals.Import(ReportModel.Create(inventory));
        globals.Import("md_escape", new Func<object?, string>(MarkdownEscape));
        globals.Import("html_path", new Func<object?, string>(HtmlPath));
        globals.Import("graph_anchor", new Func<object?, string>(value => GraphLayout.Anchor(value?.ToString() ?? string.Empty)));

        var context = new TemplateContext
        {
            TemplateLoader = templates,
            LoopLimit = int.MaxValue,
            RecursiveLimit = 64,
            StrictVariables = true,
            LimitToString = 0,
        };
        context.PushGlobal(globals);
        try
        {
            var text = template.Render(context);
            return FileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? ContentSecurityPolicy.AllowInlineScripts(text) : text;
        }
        catch (Scriban.Syntax.ScriptRuntimeException exception)
        {
            throw new ReportTemplateException($"template {templateName} failed: {exception.Message}");
        }
    }

    /// <summary>
    /// A path or URL for an HTML cell: escaped, with a line-break opportunity after each <c>/</c> (and each <c>?</c> and
    /// <c>&amp;</c> of a query), so a long path wraps between its folders, never inside a name.
    /// </summary>
    public static string HtmlPath(object? value)
    {
        var escaped = System.Net.WebUtility.HtmlEncode(value?.ToString() ?? string.Empty);
        return escaped.Replace("/", "/<wbr>", StringComparison.Ordinal).Replace("?", "?<wbr>", StringComparison.Ordinal).Replace("&amp;", "&amp;<wbr>", StringComparison.Ordinal);
    }

    /// <summary>Makes scanned text inert in a Markdown table cell: no markup, no HTML, no line breaks.</summary>
    public static string MarkdownEscape(object? value)
    {
        var text = value?.ToString() ?? string.Empty;
        var builder = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r':
                    break;
                case '\n':
                    builder.Append(' ');
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '#':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}

public sealed class ReportTemplateException(string message) : Exception(message);
