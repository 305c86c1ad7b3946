using System.Linq;
using InventoryScanner.Analyzers.DataStores;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers.Rules
{
    /// <summary>
    /// The stores <see cref="DataStoreAnalyzer"/> reaches other than by a connection made in view: files moved by the
    /// framework's own APIs (FTP, UNC shares) and stores used through a client made elsewhere (injected).
    /// </summary>
    public sealed partial class DataStoreAnalyzer
    {
        /// <summary>
        /// Files moved by the framework's own APIs (<see cref="FileTransfers"/>): FTP through <c>WebRequest.Create</c> or a
        /// <c>WebClient</c> transfer to an <c>ftp://</c> address, a share by the UNC path a <c>File</c> or <c>Directory</c>
        /// method is given. True when the call is one of those APIs, whether or not it moved files elsewhere.
        /// </summary>
        private static bool AnalyzeFileTransfer(OperationAnalysisContext context, IInvocationOperation call, ValueResolver resolver, ContextTypes contexts)
        {
            var method = call.TargetMethod;
            var webRequest = FileTransfers.IsWebRequestCreate(method);
            if (webRequest || FileTransfers.IsWebClientTransfer(method))
            {
                var address = FileTransfers.Address(call);
                var value = address is null ? ResolvedValue.None : resolver.Resolve(CallSite.Unwrap(address), context.CancellationToken);
                if (FileTransfers.IsFtp(value.Text) || (webRequest && FileTransfers.IsCastToFtp(call)))
                {
                    Report(context, contexts, webRequest ? FileTransfers.FtpRequest : FileTransfers.FtpWebClient, value, Confidence.High, null);
                }

                return true;
            }

            if (!FileTransfers.IsPathMethod(method))
            {
                return false;
            }

            ReportShare(context, contexts, FileTransfers.PathArguments(call.Arguments), resolver);
            return true;
        }

        /// <summary>The receiver of a static call names WebRequest or a type derived from it (<c>FtpWebRequest.Create(…)</c>).</summary>
        private static bool IsWebRequestType(ExpressionSyntax receiver, OperationAnalysisContext context) =>
            context.Operation.SemanticModel?.GetSymbolInfo(receiver, context.CancellationToken).Symbol is INamedTypeSymbol type && type.IsOrInheritsName(KnownTypeNames.System_Net_WebRequest);

        /// <summary>The first UNC path among a System.IO call's or creation's path arguments, as <c>smb:server/share</c>.</summary>
        private static void ReportShare(OperationAnalysisContext context, ContextTypes contexts, IOperation[] paths, ValueResolver resolver)
        {
            foreach (var path in paths)
            {
                var value = resolver.Resolve(path, context.CancellationToken);
                if (FileTransfers.UncShare(value.Text) is { } share)
                {
                    // A share's name is no secret, and its value per configuration file is a path: kept as it is.
                    Report(context, contexts, FileTransfers.FileShare, value, Confidence.High, null, storeName: share);
                    return;
                }
            }
        }

        /// <summary>
        /// A store reached through a client made elsewhere: <c>redis.GetDatabase()</c> on an injected multiplexer,
        /// <c>blobs.GetBlobContainerClient("thumbnails")</c> on an injected service client. Where the client is made in view
        /// (<c>ConnectionMultiplexer.Connect(cs).GetDatabase()</c>, a field set to <c>new BlobServiceClient(cs)</c>), its
        /// creation names the store and, with no part to add, is the finding itself. Otherwise the store is unresolved here
        /// and the finding names the client's type, for the scanner to give it the store of that client's connection.
        /// </summary>
        private static void ReportClientUse(OperationAnalysisContext context, ContextTypes contexts, DataStoreApi api, InvocationExpressionSyntax invocation, ValueResolver resolver, string confidence, string? reason)
        {
            var cancellationToken = context.CancellationToken;
            var part = api.NameArgument is { } ordinal ? ArgumentText(context.Operation, invocation, ordinal, resolver, cancellationToken) : null;
            if (invocation.Expression is not MemberAccessExpressionSyntax access || context.Operation.SemanticModel is not { } model)
            {
                return;
            }

            var receiver = model.GetOperation(access.Expression, cancellationToken);
            var origin = CallSite.Unwrap(MemberAssignments.ValueOrConstruction(receiver, cancellationToken)) ?? CallSite.Unwrap(receiver);
            if (MadeInView(origin, api.Store, out var connection))
            {
                if (part is not null)
                {
                    Report(context, contexts, api, connection is null ? ResolvedValue.None : resolver.Resolve(CallSite.Unwrap(Settings(connection, cancellationToken)), cancellationToken), confidence, reason, part);
                }

                return;
            }

            var client = receiver?.Type is { TypeKind: not TypeKind.Error } type ? type.Name : receiver?.Type?.Name;
            Report(context, contexts, api, ResolvedValue.None, confidence, reason, part, client: string.IsNullOrEmpty(client) ? api.SimpleName : client);
        }

        /// <summary>
        /// Where a client of the store was made in view: <c>new BlobServiceClient(cs)</c>, <c>ConnectionMultiplexer.Connect(cs)</c>
        /// (bound or by the type's name), with the connection it was given; null when it came from elsewhere (a parameter, DI).
        /// </summary>
        private static bool MadeInView(IOperation? origin, string store, out IOperation? connection)
        {
            connection = null;
            switch (origin)
            {
                case IAwaitOperation awaited:
                    return MadeInView(CallSite.Unwrap(awaited.Operation), store, out connection);
                case IObjectCreationOperation { Type: INamedTypeSymbol type } creation when DataStoreApi.Constructors.Any(a => a.Store == store && a.TypeName == type.ToDisplayString()):
                    connection = creation.Arguments.FirstOrDefault()?.Value;
                    return true;
                case IInvocationOperation call when DataStoreApi.Calls.Any(a => a.Store == store && !a.ClientUse && a.Member == call.TargetMethod.Name && a.TypeName == call.TargetMethod.ContainingType.ToDisplayString()):
                    connection = call.Arguments.FirstOrDefault()?.Value;
                    return true;
                case IInvalidOperation { Syntax: ObjectCreationExpressionSyntax syntax } invalid when DataStoreApi.Constructors.Any(a => a.Store == store && a.SimpleName == syntax.Type.ToString().Split('.').Last()):
                    connection = FirstArgument(invalid, syntax.ArgumentList);
                    return true;
                case IInvalidOperation { Syntax: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var member, Expression: var type } } syntax } invalid
                    when DataStoreApi.Calls.Any(a => a.Store == store && !a.ClientUse && a.Member == member && a.SimpleName == type.ToString().Split('.').Last()):
                    connection = FirstArgument(invalid, syntax.ArgumentList);
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The fully resolved text of a call's argument at a position (bound: the parameter's; unbound: as written).</summary>
        private static string? ArgumentText(IOperation operation, InvocationExpressionSyntax invocation, int ordinal, ValueResolver resolver, System.Threading.CancellationToken cancellationToken)
        {
            var argument = operation is IInvocationOperation bound
                ? bound.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal)?.Value
                : invocation.ArgumentList.Arguments.Count > ordinal ? operation.SemanticModel?.GetOperation(invocation.ArgumentList.Arguments[ordinal].Expression, cancellationToken) : null;
            return argument is not null && resolver.Resolve(CallSite.Unwrap(argument), cancellationToken) is { IsFullyResolved: true, Text: { Length: > 0 } text } ? text : null;
        }
    }
}
