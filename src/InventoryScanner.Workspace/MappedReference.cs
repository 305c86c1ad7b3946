using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace InventoryScanner.Workspace;

/// <summary>
/// A metadata reference whose file is mapped into memory, not read whole. <see cref="MetadataReference.CreateFromFile"/>
/// copies the entire image (IL and resources too) into the process so that the file is not kept open; the scanner
/// only reads declarations, so most of those bytes are never looked at.
/// </summary>
internal static class MappedReference
{
    public static MetadataReference Create(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        try
        {
            // The metadata owns the stream from here: it stays open while the reference lives (the scan's lifetime).
            return AssemblyMetadata.CreateFromStream(stream, PEStreamOptions.Default).GetReference(filePath: path);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }
}
