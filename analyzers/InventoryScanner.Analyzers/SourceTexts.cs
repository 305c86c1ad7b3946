using System;
using System.Buffers;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace InventoryScanner.Analyzers
{
    /// <summary>
    /// Plain-text searches of a file, for a rule that looks at the syntax only where a word occurs: read in pieces (a
    /// pooled buffer), so the text is never copied whole, and a word across two pieces is still seen.
    /// </summary>
    internal static class SourceTexts
    {
        private const int Piece = 16 * 1024;

        /// <summary>Where each of <paramref name="words"/> occurs (inside longer words, comments and strings too), in order.</summary>
        public static List<int> Positions(SourceText text, string[] words)
        {
            var positions = new List<int>();
            Search(text, words, position =>
            {
                positions.Add(position);
                return false;
            });
            positions.Sort();
            return positions;
        }

        public static bool Contains(SourceText text, string word) => Search(text, new[] { word }, _ => true);

        /// <summary>Calls <paramref name="found"/> for each occurrence until it returns true; returns whether it did.</summary>
        private static bool Search(SourceText text, string[] words, Func<int, bool> found)
        {
            var longest = 0;
            foreach (var word in words)
            {
                longest = Math.Max(longest, word.Length);
            }

            // Each piece reads past its end by the longest word but one, and keeps only what starts inside it.
            var buffer = ArrayPool<char>.Shared.Rent(Piece + longest);
            try
            {
                for (var start = 0; start < text.Length; start += Piece)
                {
                    var count = Math.Min(Piece + longest - 1, text.Length - start);
                    text.CopyTo(start, buffer, 0, count);
                    var piece = new ReadOnlySpan<char>(buffer, 0, count);
                    foreach (var word in words)
                    {
                        for (var from = 0; from < count;)
                        {
                            var index = piece.Slice(from).IndexOf(word.AsSpan(), StringComparison.Ordinal);
                            if (index < 0 || from + index >= Piece)
                            {
                                break;
                            }

                            if (found(start + from + index))
                            {
                                return true;
                            }

                            from += index + 1;
                        }
                    }
                }

                return false;
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }
    }
}
