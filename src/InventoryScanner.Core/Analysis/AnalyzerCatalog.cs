using System.Buffers;
using System.Collections.Immutable;
using System.Reflection;
using InventoryScanner.Analyzers;
using InventoryScanner.Analyzers.Http;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace InventoryScanner.Core.Analysis;

/// <summary>
/// The analyzers of the InventoryScanner.Analyzers assembly (the one detection engine) and the pre-filter their
/// <see cref="TriggerWordsAttribute"/>s define: a file that contains none of the words is never bound.
/// </summary>
public sealed class AnalyzerCatalog
{
    private static readonly string[] GeneratedFileSuffixes = [".designer.cs", ".generated.cs", ".g.cs", ".g.i.cs"];

    private readonly SearchValues<string>? _triggers;
    private readonly string[] _words = [];
    private readonly SearchValues<string>? _generatedTriggers;
    private readonly string[] _generatedWords = [];
    private readonly IgnoredOccurrence[] _ignored = [];
    private readonly List<Entry> _entries = [];

    /// <summary>An analyzer with the words that make a file worth its time.</summary>
    private sealed record Entry(DiagnosticAnalyzer Analyzer, string[] Words, string[] GeneratedWords, string? OptionKey);

    private AnalyzerCatalog(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        Analyzers = analyzers;
        var words = new List<string>();
        var generatedWords = new List<string>();
        var ignored = new List<IgnoredOccurrence>();
        var everyAnalyzerHasTriggers = true;
        foreach (var analyzer in analyzers)
        {
            var attribute = analyzer.GetType().GetCustomAttribute<TriggerWordsAttribute>();
            if (attribute is null)
            {
                everyAnalyzerHasTriggers = false;
                continue;
            }

            words.AddRange(attribute.Words);
            generatedWords.AddRange(attribute.GeneratedCodeWords);
            _entries.Add(new Entry(analyzer, attribute.Words, attribute.GeneratedCodeWords, attribute.OptionKey));
            foreach (var longer in attribute.IgnoredWords)
            {
                foreach (var word in attribute.Words)
                {
                    for (var offset = longer.IndexOf(word, StringComparison.OrdinalIgnoreCase); offset >= 0; offset = longer.IndexOf(word, offset + 1, StringComparison.OrdinalIgnoreCase))
                    {
                        ignored.Add(new IgnoredOccurrence(word, longer, offset));
                    }
                }
            }
        }

        // An analyzer that does not say what it looks for must see every file.
        if (everyAnalyzerHasTriggers)
        {
            _words = words.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            _triggers = SearchValues.Create(_words, StringComparison.OrdinalIgnoreCase);
            _ignored = [.. ignored];
            _generatedWords = generatedWords.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            _generatedTriggers = _generatedWords.Length == 0 ? null : SearchValues.Create(_generatedWords, StringComparison.OrdinalIgnoreCase);
        }
    }

    public static AnalyzerCatalog Default { get; } = new(LoadAnalyzers(typeof(RuleIdentifiers).Assembly));

    public static AnalyzerCatalog Create(ImmutableArray<DiagnosticAnalyzer> analyzers) => new(analyzers);

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    /// <summary>
    /// The words of one compilation beside the analyzers' own: names of the client types it declares or references from
    /// other projects (Refit interfaces, gRPC clients), whose calls name no library. Asked once per compilation.
    /// </summary>
    public static CompilationWords WordsOf(Compilation compilation, CancellationToken cancellationToken)
    {
        var names = ClientTypes.NamesToBind(compilation, cancellationToken).ToArray();
        return new CompilationWords(names, names.Length == 0 ? null : SearchValues.Create(names, StringComparison.Ordinal));
    }

    /// <summary>True when the file may hold something an analyzer reports, so it must be bound and analysed.</summary>
    public bool MayReport(SyntaxTree tree, AnalyzerOptions options, CancellationToken cancellationToken) =>
        MayReport(tree, options, CompilationWords.None, cancellationToken);

    /// <summary>
    /// The analyzers a file is worth running: those whose words it holds (their generated-code words in generated code,
    /// the words an option adds for the credentials rule). Empty when none: the file need not be bound. A file that names
    /// one of the compilation's own client types gets them all, as does every file when an analyzer says no words.
    /// </summary>
    public ImmutableArray<DiagnosticAnalyzer> AnalyzersFor(SyntaxTree tree, AnalyzerOptions options, CompilationWords compilationWords, CancellationToken cancellationToken)
    {
        if (_triggers is null)
        {
            return Analyzers;
        }

        var text = tree.GetText(cancellationToken);
        var root = tree.GetRoot(cancellationToken);
        var generated = IsGenerated(tree, options, cancellationToken);
        if (generated && _generatedTriggers is null)
        {
            // Only analyzers of generated code can report here, and only on what they look for in it.
            return [];
        }

        if (!generated && compilationWords.Values is not null && Contains(text, root, compilationWords.Values, compilationWords.Words, []))
        {
            return Analyzers;
        }

        var found = generated ? Found(text, root, _generatedTriggers!, _generatedWords, []) : Found(text, root, _triggers, _words, _ignored);
        var subset = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var entry in _entries)
        {
            var words = generated ? entry.GeneratedWords : entry.Words;
            if (words.Any(found.Contains) || (!generated && entry.OptionKey is not null && HasConfiguredWords(tree, options, entry.OptionKey, text, root)))
            {
                subset.Add(entry.Analyzer);
            }
        }

        return subset.ToImmutable();
    }

    private static bool HasConfiguredWords(SyntaxTree tree, AnalyzerOptions options, string key, SourceText text, SyntaxNode root)
    {
        if (!options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(key, out var configured))
        {
            return false;
        }

        var extra = configured.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return extra.Length > 0 && Contains(text, root, SearchValues.Create(extra, StringComparison.OrdinalIgnoreCase), extra, []);
    }

    /// <summary>Every trigger word the text holds (outside its ignored words), in one pass.</summary>
    private static HashSet<string> Found(SourceText text, SyntaxNode root, SearchValues<string> triggers, string[] words, IgnoredOccurrence[] ignored)
    {
        var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Scan(text, root, triggers, words, ignored, word => found.Add(word) && found.Count == words.Length);
        return found;
    }

    private static bool Contains(SourceText text, SyntaxNode root, SearchValues<string> triggers, string[] words, IgnoredOccurrence[] ignored) =>
        Scan(text, root, triggers, words, ignored, _ => true);

    /// <summary>
    /// Calls <paramref name="onWord"/> for each occurrence of a trigger word (outside its ignored longer words) until it
    /// returns true; returns whether it did. The text is read in overlapping chunks, so a word split across two chunks is
    /// still seen, without copying the whole file.
    /// </summary>
    private static bool Scan(SourceText text, SyntaxNode root, SearchValues<string> triggers, string[] words, IgnoredOccurrence[] ignored, Func<string, bool> onWord)
    {
        const int ChunkSize = 64 * 1024;
        const int Overlap = 64;
        var buffer = ArrayPool<char>.Shared.Rent(ChunkSize + Overlap);
        try
        {
            for (var start = 0; start < text.Length; start += ChunkSize)
            {
                var count = Math.Min(ChunkSize + Overlap, text.Length - start);
                text.CopyTo(start, buffer, 0, count);
                var chunk = buffer.AsSpan(0, count);
                for (var position = 0; position < chunk.Length;)
                {
                    var next = chunk[position..].IndexOfAny(triggers);
                    if (next < 0)
                    {
                        break;
                    }

                    position += next;
                    if (CommentEnd(root, start + position) is { } end)
                    {
                        // No analyzer reads a comment or code the compiler skips: a word there binds nothing.
                        position = end - start;
                        continue;
                    }

                    foreach (var word in words)
                    {
                        if (chunk[position..].StartsWith(word, StringComparison.OrdinalIgnoreCase) && !IsIgnoredWord(chunk, position, word, ignored) && onWord(word))
                        {
                            return true;
                        }
                    }

                    position++;
                }
            }

            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Where the comment (documentation included) or the text an <c>#if</c> leaves out that holds
    /// <paramref name="position"/> ends; null when the position is in code.
    /// </summary>
    private static int? CommentEnd(SyntaxNode root, int position)
    {
        var trivia = root.FindTrivia(position);
        return trivia.Kind() is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia or SyntaxKind.SingleLineDocumentationCommentTrivia
            or SyntaxKind.MultiLineDocumentationCommentTrivia or SyntaxKind.DisabledTextTrivia && trivia.FullSpan.Contains(position)
            ? trivia.FullSpan.End
            : null;
    }

    /// <summary>True when this occurrence of <paramref name="word"/> lies inside one of its ignored longer words.</summary>
    private static bool IsIgnoredWord(ReadOnlySpan<char> text, int index, string word, IgnoredOccurrence[] ignored)
    {
        foreach (var occurrence in ignored)
        {
            var start = index - occurrence.Offset;
            if (string.Equals(occurrence.Word, word, StringComparison.OrdinalIgnoreCase) && start >= 0 && start + occurrence.Longer.Length <= text.Length
                && text.Slice(start, occurrence.Longer.Length).Equals(occurrence.Longer, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc cref="MayReport(SyntaxTree, AnalyzerOptions, CancellationToken)"/>
    public bool MayReport(SyntaxTree tree, AnalyzerOptions options, CompilationWords compilationWords, CancellationToken cancellationToken) =>
        !AnalyzersFor(tree, options, compilationWords, cancellationToken).IsEmpty;

    /// <summary>
    /// Generated code as Roslyn recognises it: <c>generated_code = true</c> in .editorconfig, a generated file name, or an
    /// <c>&lt;auto-generated&gt;</c> comment before the first token.
    /// </summary>
    public static bool IsGenerated(SyntaxTree tree, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue("generated_code", out var configured))
        {
            return string.Equals(configured.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        }

        var fileName = Path.GetFileName(tree.FilePath);
        if (fileName.StartsWith("TemporaryGeneratedFile_", StringComparison.OrdinalIgnoreCase)
            || GeneratedFileSuffixes.Any(suffix => fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        foreach (var trivia in tree.GetRoot(cancellationToken).GetLeadingTrivia())
        {
            var comment = trivia.ToString();
            if (comment.Contains("<auto-generated", StringComparison.OrdinalIgnoreCase) || comment.Contains("<autogenerated", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A trigger word at <see cref="Offset"/> inside a longer word that never leads to a report.</summary>
    private sealed record IgnoredOccurrence(string Word, string Longer, int Offset);

    private static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers(Assembly assembly) =>
        assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>()?.Languages.Contains(LanguageNames.CSharp) == true)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();
}

/// <summary>Trigger words that belong to one compilation (see <see cref="AnalyzerCatalog.WordsOf"/>).</summary>
public sealed record CompilationWords(string[] Words, SearchValues<string>? Values)
{
    public static CompilationWords None { get; } = new([], null);
}
