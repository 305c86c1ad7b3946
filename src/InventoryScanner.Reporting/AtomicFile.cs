using System.Text;

namespace InventoryScanner.Reporting;

/// <summary>
/// Writes files whole or not at all: each to a temporary file beside it, and only when every one was written are they
/// renamed over the old ones. A full disk or an unwritable file leaves the previous reports as they were.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string content) => WriteAll([(path, content)]);

    public static void WriteAll(IReadOnlyList<(string Path, string Content)> files)
    {
        var temporaries = new List<(string Temporary, string Path)>();
        try
        {
            foreach (var (path, content) in files)
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
                var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
                temporaries.Add((temporary, path));
                File.WriteAllText(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                if (Directory.Exists(path))
                {
                    throw new IOException($"'{path}' is a folder");
                }
            }

            foreach (var (temporary, path) in temporaries)
            {
                File.Move(temporary, path, overwrite: true);
            }
        }
        finally
        {
            foreach (var (temporary, _) in temporaries)
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }
    }
}
