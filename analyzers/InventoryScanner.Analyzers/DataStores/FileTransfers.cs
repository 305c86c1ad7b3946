using System;
using System.Linq;
using InventoryScanner.Analyzers.Http;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.DataStores
{
    /// <summary>
    /// Files moved to another machine by the framework's own APIs: FTP through <c>WebRequest.Create("ftp://…")</c> (an
    /// <c>FtpWebRequest</c>) or a <c>WebClient</c> transfer to an <c>ftp://</c> address, and a Windows file share written
    /// or read by its UNC path (<c>File.WriteAllText(@"\\fileserver\exports\orders.csv", …)</c>). They are object and
    /// file storage (INV4003), not HTTP: the HTTP rule leaves an <c>ftp://</c> address to this one.
    /// </summary>
    internal static class FileTransfers
    {
        public static readonly DataStoreApi FtpRequest = new DataStoreApi("System.Net.FtpWebRequest", "System.Net.FtpWebRequest", null, "ftp", FindingKinds.BlobStorage);

        public static readonly DataStoreApi FtpWebClient = new DataStoreApi("System.Net.WebClient", "System.Net.WebClient", null, "ftp", FindingKinds.BlobStorage);

        public static readonly DataStoreApi FileShare = new DataStoreApi("System.IO", "System.IO.File", null, "smb", FindingKinds.BlobStorage, use: "unc-path");

        /// <summary>The static classes of System.IO whose methods take paths.</summary>
        private static readonly string[] PathClasses = { "System.IO.File", "System.IO.Directory" };

        /// <summary>The types of System.IO created with a path.</summary>
        private static readonly string[] PathTypes = { "System.IO.FileStream", "System.IO.StreamWriter", "System.IO.StreamReader", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileSystemWatcher" };

        /// <summary>An <c>ftp://</c> or <c>ftps://</c> address, whole or a template's start (<c>$"ftp://{host}/in"</c>).</summary>
        public static bool IsFtp(string? address) =>
            address is not null && (address.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase) || address.StartsWith("ftps://", StringComparison.OrdinalIgnoreCase));

        /// <summary><c>WebRequest.Create(…)</c>, <c>WebRequest.CreateDefault(…)</c> (on WebRequest or a subclass).</summary>
        public static bool IsWebRequestCreate(IMethodSymbol method) =>
            method.IsStatic && HttpLibrary.WebRequest.RequestPrefixes.Contains(method.Name)
            && method.ContainingType.IsOrInheritsName(KnownTypeNames.System_Net_WebRequest);

        /// <summary>A <c>WebClient</c> upload, download or stream (<c>UploadFile</c>, <c>DownloadString</c>, <c>OpenRead</c>…).</summary>
        public static bool IsWebClientTransfer(IMethodSymbol method) =>
            HttpLibrary.WebClient.SendsRequest(method.Name) && method.ContainingType.IsOrInheritsName(KnownTypeNames.System_Net_WebClient);

        /// <summary>A request created to be an FTP one: <c>(FtpWebRequest)WebRequest.Create(url)</c>, <c>WebRequest.Create(url) as FtpWebRequest</c>.</summary>
        public static bool IsCastToFtp(IOperation create)
        {
            var parent = create.Parent;
            while (parent is IConversionOperation conversion)
            {
                if (conversion.Type.IsOrInheritsName(FtpRequest.TypeName))
                {
                    return true;
                }

                parent = conversion.Parent;
            }

            return false;
        }

        /// <summary>The address a WebRequest or WebClient call is given: its <c>address</c> or <c>requestUri</c> argument, else the first.</summary>
        public static IOperation? Address(IInvocationOperation call) =>
            (call.Arguments.FirstOrDefault(a => a.Parameter?.Name is "address" or "requestUri" or "requestUriString")
                ?? call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0))?.Value;

        public static bool IsPathMethod(IMethodSymbol method) =>
            method.IsStatic && method.ContainingType.IsOneOf(PathClasses);

        public static bool IsPathType(ITypeSymbol? type) =>
            type is not null && type.IsOneOf(PathTypes);

        /// <summary>The path arguments of a System.IO call (<c>path</c>, <c>sourceFileName</c>, <c>destFileName</c>…): strings named like a path.</summary>
        public static IOperation[] PathArguments(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments) =>
            arguments
                .Where(a => a.Parameter is { Type.SpecialType: SpecialType.System_String } parameter
                    && (parameter.Name.IndexOf("path", StringComparison.OrdinalIgnoreCase) >= 0 || parameter.Name.IndexOf("FileName", StringComparison.OrdinalIgnoreCase) >= 0
                        || parameter.Name.IndexOf("Dir", StringComparison.OrdinalIgnoreCase) >= 0))
                .Select(a => Combined(CallSite.Unwrap(a.Value)))
                .OfType<IOperation>()
                .ToArray();

        /// <summary><c>Path.Combine(@"\\fileserver\exports", name)</c>: its first part holds the share.</summary>
        private static IOperation? Combined(IOperation? path) =>
            path is IInvocationOperation { TargetMethod: { Name: "Combine", ContainingType: var type } } combine && type.ToDisplayString() == "System.IO.Path" && combine.Arguments.Length > 0
                ? Combined(CallSite.Unwrap(combine.Arguments[0].Value is IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } parts } ? parts[0] : combine.Arguments[0].Value))
                : path;

        /// <summary>
        /// The share a UNC path names: <c>\\fileserver\exports\orders.csv</c> → <c>fileserver/exports</c>; null for a local
        /// path, a device path (<c>\\?\C:\…</c>, <c>\\.\pipe\…</c>) or a server or share the text leaves open (<c>\\{host}\…</c>).
        /// </summary>
        public static string? UncShare(string? path)
        {
            if (path is null || path.Length < 5 || !(path.StartsWith(@"\\", StringComparison.Ordinal) || path.StartsWith("//", StringComparison.Ordinal)))
            {
                return null;
            }

            var parts = path.Substring(2).Split(new[] { '\\', '/' }, StringSplitOptions.None);
            if (parts.Length < 2 || parts[0].Length == 0 || parts[1].Length == 0 || parts[0] is "?" or "." || parts[0].IndexOfAny(new[] { '{', ' ', ':' }) >= 0 || parts[1].IndexOf('{') >= 0)
            {
                return null;
            }

            return parts[0].ToLowerInvariant() + "/" + parts[1];
        }
    }
}
