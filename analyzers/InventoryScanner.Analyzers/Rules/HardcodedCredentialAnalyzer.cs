using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using InventoryScanner.Analyzers.Configuration;
using InventoryScanner.Analyzers.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace InventoryScanner.Analyzers.Rules
{
    /// <summary>
    /// A string literal that reaches a credential-named local, field, property, parameter or named argument, or a
    /// connection string literal with a password. The message and properties name the word, never the value.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerWords("password", "passwd", "pwd", "pass", "passphrase", "secret", "apikey", "api_key", "token", "accesskey", "privatekey", "signingkey", "encryptionkey", "credential", "accountkey", "AKIA", "ASIA", "github_pat_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "xox", "_live_", "AIza", "SG.", "eyJ", "PRIVATE KEY-----", "Q~", "sig=", "SymmetricSecurityKey", "X509Certificate2", "Authorization", "Bearer", "Basic ", "amqp://", "amqps://", "mongodb://", "mongodb+srv://", "redis://", "rediss://", "postgres://", "postgresql://", "mysql://", "ftp://", "sftp://", "smtp://", "-P ", "--password", "key = \"", "key=\"", "key = @\"", "key => \"", OptionKey = CredentialNames.OptionKey, IgnoredWords = new[] { "CancellationToken", "CancellationTokenSource" }, GeneratedCodeWords = new[] { "password=", "pwd=", "accountkey=", "sharedaccesskey=", "PRIVATE KEY-----" })]
    public sealed class HardcodedCredentialAnalyzer : DiagnosticAnalyzer
    {
        private const string CodeLibrary = "code";

        private static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIdentifiers.HardcodedCredential,
            title: "Hard-coded credential",
            messageFormat: "\"{0}\" detected here, make sure this is not a hard-coded credential",
            category: RuleCategories.Security,
            defaultSeverity: DiagnosticSeverity.Warning,
            description: "Credentials written into source code are shared with everyone who can read the repository and cannot be rotated without a release. Read them from configuration or a secret store.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Security analyzer - analyze and report diagnostics on generated code.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var analyzer = new AnalyzerContext(SecretValues.SaltOf(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions));
                start.RegisterOperationAction(analyzer.AnalyzeDeclarator, OperationKind.VariableDeclarator);
                start.RegisterOperationAction(analyzer.AnalyzeFieldInitializer, OperationKind.FieldInitializer);
                start.RegisterOperationAction(analyzer.AnalyzePropertyInitializer, OperationKind.PropertyInitializer);
                start.RegisterOperationAction(analyzer.AnalyzeAssignment, OperationKind.SimpleAssignment);
                start.RegisterOperationAction(analyzer.AnalyzeArgument, OperationKind.Argument);
                start.RegisterOperationAction(analyzer.AnalyzeLiteral, OperationKind.Literal);
                start.RegisterOperationAction(analyzer.AnalyzeConcatenation, OperationKind.Binary);
                start.RegisterAdditionalFileAction(analyzer.AnalyzeConfigurationFile);
            });
        }

        private sealed class AnalyzerContext
        {
            private readonly string _salt;

            public AnalyzerContext(string salt)
            {
                _salt = salt;
            }

            private readonly ConcurrentDictionary<SyntaxTree, CredentialNames> _namesPerTree = new ConcurrentDictionary<SyntaxTree, CredentialNames>();

            public void AnalyzeDeclarator(OperationAnalysisContext context)
            {
                var declarator = (IVariableDeclaratorOperation)context.Operation;
                AnalyzeNamedSink(context, declarator.Symbol, declarator.GetVariableInitializer()?.Value);
            }

            public void AnalyzeFieldInitializer(OperationAnalysisContext context)
            {
                var initializer = (IFieldInitializerOperation)context.Operation;
                if (initializer.InitializedFields.Length == 1)
                {
                    AnalyzeNamedSink(context, initializer.InitializedFields[0], initializer.Value);
                }
            }

            public void AnalyzePropertyInitializer(OperationAnalysisContext context)
            {
                var initializer = (IPropertyInitializerOperation)context.Operation;
                if (initializer.InitializedProperties.Length == 1)
                {
                    AnalyzeNamedSink(context, initializer.InitializedProperties[0], initializer.Value);
                }
            }

            public void AnalyzeAssignment(OperationAnalysisContext context)
            {
                var assignment = (ISimpleAssignmentOperation)context.Operation;
                var target = MemberAssignments.ReferencedSymbol(assignment.Target);
                if (target is not null)
                {
                    AnalyzeNamedSink(context, target, assignment.Value);
                }
                else if (assignment.Target is IInvalidOperation { Syntax: var syntax } && UnresolvedMember(syntax, assignment.SemanticModel, context.CancellationToken) is { } member)
                {
                    // builder.Password = "…" or new XBuilder { Password = "…" } on a type that did not resolve: the name still says it.
                    AnalyzeNamedSink(context, member.Name, sink: null, member.Owner, assignment.Value, Confidence.Low);
                }
            }

            public void AnalyzeArgument(OperationAnalysisContext context)
            {
                var argument = (IArgumentOperation)context.Operation;
                if (argument.Parameter is not null && argument.ArgumentKind == ArgumentKind.Explicit)
                {
                    AnalyzeNamedSink(context, argument.Parameter, argument.Value);
                }

                // A signing key or header credential kept in a constant or a readonly field: reported where it is used.
                if (argument.Value is not ILiteralOperation && CredentialSink(argument.Value) is { } sink
                    && (MemberAssignments.ReferencedSymbol(argument.Value) is not { } held || NamesFor(context).Match(held.Name) is null))
                {
                    // (A credential-named constant is reported where it is declared.)
                    var text = argument.Value.ConstantValue.Value as string
                        ?? (MemberAssignments.ValueOrInitializer(argument.Value, context.CancellationToken) is ILiteralOperation { ConstantValue.Value: string initial } ? initial : null);
                    if (text is not null && SecretValues.LooksLikeSecret(text))
                    {
                        Report(context, argument.Value, keyword: sink.Keyword, secretKind: sink.Kind, target: sink.Target, library: LibraryOf(argument.Parameter), evidence: sink.Target + "(" + argument.Value.Syntax + " = \"" + SecretValues.Redact(text) + "\")", value: text, confidence: Confidence.High);
                    }
                }
            }

            public void AnalyzeLiteral(OperationAnalysisContext context)
            {
                var literal = (ILiteralOperation)context.Operation;
                if (literal.ConstantValue.Value is not string text)
                {
                    return;
                }

                if (KnownTokens.Find(text) is { } token)
                {
                    Report(
                        context,
                        literal,
                        keyword: token.Kind,
                        secretKind: token.Kind,
                        target: token.Kind,
                        library: LibraryOf(ArgumentParameter(literal)),
                        evidence: SecretValues.Redact(token.Value),
                        value: token.Value,
                        confidence: token.Confidence);
                    return;
                }

                if (SecretValues.UrlCredentials(text) is { } url)
                {
                    Report(context, literal, keyword: "password", secretKind: "url-credentials", target: "URL user info", library: LibraryOf(ArgumentParameter(literal)), evidence: url.Evidence, value: url.Password, confidence: Confidence.High);
                    return;
                }

                if (SecretValues.CommandLinePassword(text) is { } argument)
                {
                    Report(context, literal, keyword: "password", secretKind: "command-line-password", target: "command line", library: LibraryOf(ArgumentParameter(literal)), evidence: text.Replace(argument, SecretValues.Redact(argument)), value: argument, confidence: Confidence.High);
                    return;
                }

                if (SecretValues.AuthorizationHeader(text) is { } header)
                {
                    Report(context, literal, keyword: "authorization", secretKind: "authorization-header", target: "Authorization: " + header.Scheme, library: LibraryOf(ArgumentParameter(literal)), evidence: header.Scheme + " " + SecretValues.Redact(header.Credential), value: header.Credential, confidence: Confidence.High);
                    return;
                }

                if (CredentialSink(literal) is { } sink && SecretValues.LooksLikeSecret(text))
                {
                    Report(context, literal, keyword: sink.Keyword, secretKind: sink.Kind, target: sink.Target, library: LibraryOf(ArgumentParameter(literal)), evidence: sink.Target + "(\"" + SecretValues.Redact(text) + "\")", value: text, confidence: Confidence.High);
                    return;
                }

                if (ConcatenatedCredentialKey(literal) is { } concatenated && SecretValues.LooksLikeSecret(text))
                {
                    // "Server=" + server + ";User Id=sa;Password=" + "S3cr3t!": the literal after the key is the password.
                    Report(context, literal, keyword: concatenated, secretKind: "connection-string", target: "connection string (concatenated)", library: LibraryOf(ArgumentParameter(literal)), evidence: concatenated + "=" + SecretValues.Redact(text), value: text, confidence: Confidence.High);
                    return;
                }

                if (text.IndexOf('=') < 0)
                {
                    return;
                }

                var credentials = SecretValues.ConnectionStringCredentials(text);
                if (credentials.Count == 0)
                {
                    return;
                }

                var first = credentials[0];
                var server = SecretValues.ConnectionStringServer(text);
                var evidence = SecretValues.RedactConnectionString(text);
                Report(
                    context,
                    literal,
                    keyword: first.Key,
                    secretKind: "connection-string",
                    target: server is null ? "connection string" : "connection string to " + server,
                    library: LibraryOf(ArgumentParameter(literal)),
                    evidence: evidence.Length > 200 ? evidence.Substring(0, 200) + "…" : evidence,
                    value: first.Value,
                    confidence: Confidence.High);
            }

            /// <summary>
            /// <c>";Password=" + SaPassword</c> where the constant's name says nothing: the constant is the password, reported
            /// where the connection string is built (a credential-named constant is reported where it is declared).
            /// </summary>
            public void AnalyzeConcatenation(OperationAnalysisContext context)
            {
                var concatenation = (IBinaryOperation)context.Operation;
                var right = CallSite.Unwrap(concatenation.RightOperand);
                if (concatenation.OperatorKind != BinaryOperatorKind.Add || right is null or ILiteralOperation
                    || right.ConstantValue.Value is not string text || MemberAssignments.ReferencedSymbol(right) is not { } constant
                    || NamesFor(context).Match(constant.Name) is not null
                    || ConcatenatedCredentialKey(right) is not { } key || !SecretValues.LooksLikeSecret(text))
                {
                    return;
                }

                Report(context, right, keyword: key, secretKind: "connection-string", target: "connection string (concatenated)", library: LibraryOf(ArgumentParameter(concatenation)), evidence: key + "=" + constant.Name + " = \"" + SecretValues.Redact(text) + "\"", value: text, confidence: Confidence.High);
            }

            /// <summary>
            /// The credential key a literal follows in a concatenation (<c>";Password=" + "S3cr3t!"</c>,
            /// <c>$"Server={host};Pwd=" + "…"</c>): the text just before it ends with <c>Password=</c> or another credential key.
            /// </summary>
            private static string? ConcatenatedCredentialKey(IOperation value)
            {
                var operand = value;
                while (operand.Parent is IConversionOperation or IParenthesizedOperation)
                {
                    operand = operand.Parent;
                }

                if (operand.Parent is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation || concatenation.RightOperand != operand)
                {
                    return null;
                }

                var before = CallSite.Unwrap(concatenation.LeftOperand);
                while (before is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } inner)
                {
                    before = CallSite.Unwrap(inner.RightOperand);
                }

                var text = before switch
                {
                    { ConstantValue: { HasValue: true, Value: string constant } } => constant,
                    IInterpolatedStringOperation { Parts: { Length: > 0 } parts } when parts[parts.Length - 1] is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string tail } => tail,
                    _ => null,
                };
                return text is null ? null : SecretValues.EndsWithCredentialKey(text);
            }

            /// <summary>
            /// appsettings*.json, web.config and app.config (passed as AdditionalFiles): a connection string with a
            /// credential, or a credential-named key (<c>Partner:ApiKey</c>, <c>appSettings</c> key <c>SmtpPassword</c>)
            /// with a value that looks like one. The finding records the file's environment.
            /// </summary>
            public void AnalyzeConfigurationFile(AdditionalFileAnalysisContext context)
            {
                var file = ConfigurationFiles.ReadOwnFile(context);
                var text = file is null ? null : context.AdditionalFile.GetText(context.CancellationToken);
                if (file is null || text is null)
                {
                    return;
                }

                var names = CredentialNames.For(context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.AdditionalFile));
                foreach (var entry in file.Values)
                {
                    var credentials = SecretValues.ConnectionStringCredentials(entry.Value);
                    string? keyword;
                    string secretKind;
                    string evidence;
                    string secret;
                    if (KnownTokens.Find(entry.Value) is { } token)
                    {
                        keyword = token.Kind;
                        secretKind = token.Kind;
                        evidence = SecretValues.Redact(token.Value);
                        secret = token.Value;
                    }
                    else if (credentials.Count > 0)
                    {
                        keyword = credentials[0].Key;
                        secretKind = "connection-string";
                        evidence = SecretValues.RedactConnectionString(entry.Value);
                        secret = credentials[0].Value;
                    }
                    else if (SecretValues.UrlCredentials(entry.Value) is { } url)
                    {
                        keyword = "password";
                        secretKind = "url-credentials";
                        evidence = url.Evidence;
                        secret = url.Password;
                    }
                    else if (SecretValues.CommandLinePassword(entry.Value) is { } argument)
                    {
                        keyword = "password";
                        secretKind = "command-line-password";
                        evidence = entry.Value.Replace(argument, SecretValues.Redact(argument));
                        secret = argument;
                    }
                    else if (WcfEndpointKeys.IsEndpointKey(entry.Key))
                    {
                        // A WCF endpoint's address is kept under its endpoint or contract name, which names no credential.
                        continue;
                    }
                    else
                    {
                        var lastSegment = entry.Key.Substring(entry.Key.LastIndexOf(':') + 1);
                        keyword = names.Match(lastSegment);
                        if (keyword is null
                            || !SecretValues.LooksLikeSecret(entry.Value)
                            || SecretValues.IsTooShortFor(keyword, entry.Value)
                            || (names.Mentions(entry.Value) && !SecretValues.IsKnownDefault(entry.Value))
                            || !CredentialNames.ValueFits(keyword, entry.Value)
                            || (entry.Value.IndexOf('=') >= 0 && entry.Value.IndexOf(';') >= 0))
                        {
                            continue;
                        }

                        secretKind = SecretKindOf(keyword);
                        evidence = SecretValues.Redact(entry.Value);
                        secret = entry.Value;
                    }

                    var start = file.Positions.TryGetValue(entry.Key, out var offset) ? Math.Min(offset, text.Length) : 0;
                    if (AllowMarker.Allows(text, start))
                    {
                        continue;
                    }

                    var span = new TextSpan(start, 0);
                    var location = Location.Create(context.AdditionalFile.Path, span, text.Lines.GetLinePositionSpan(span));
                    var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                    properties.Add(FindingProperties.Kind, FindingKinds.Secret);
                    properties.Add(FindingProperties.Library, "configuration");
                    properties.Add(FindingProperties.Target, entry.Key);
                    properties.Add(FindingProperties.SecretKind, secretKind);
                    properties.Add(FindingProperties.KnownDefault, SecretValues.IsKnownDefault(secret) ? "true" : null);
                    properties.Add(FindingProperties.Evidence, "\"" + entry.Key + "\": \"" + (evidence.Length > 200 ? evidence.Substring(0, 200) + "…" : evidence) + "\"");
                    properties.Add(FindingProperties.ValueHash, SecretValues.Hash(secret, _salt));
                    properties.Add(FindingProperties.Confidence, Confidence.High);
                    properties.Add(FindingProperties.Environment, file.Environment);
                    properties.Add(FindingProperties.ContainingSymbol, "config:" + file.Name + ":" + entry.Key);
                    context.ReportDiagnostic(Diagnostic.Create(Rule, location, properties.ToImmutable(), keyword));
                }
            }

            private void AnalyzeNamedSink(OperationAnalysisContext context, ISymbol sink, IOperation? value)
            {
                // Every argument, assignment and declarator comes here: the library is named only for a reported literal.
                AnalyzeNamedSink(context, sink.Name, sink, library: null, value, confidenceCap: null);
            }

            /// <summary>The member an assignment to an unresolved type names (<c>Password</c>), with its owner's type name.</summary>
            private static (string Name, string Owner)? UnresolvedMember(SyntaxNode syntax, SemanticModel? model, System.Threading.CancellationToken cancellationToken)
            {
                switch (syntax)
                {
                    case MemberAccessExpressionSyntax access:
                        var receiver = model?.GetTypeInfo(access.Expression, cancellationToken).Type;
                        return (access.Name.Identifier.ValueText, receiver is IErrorTypeSymbol { Name.Length: > 0 } error ? error.Name : CodeLibrary);
                    case IdentifierNameSyntax identifier when identifier.Parent?.Parent is InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax creation }:
                        var created = model?.GetTypeInfo(creation, cancellationToken).Type;
                        return (identifier.Identifier.ValueText, created is IErrorTypeSymbol { Name.Length: > 0 } type ? type.Name : CodeLibrary);
                    default:
                        return null;
                }
            }

            /// <summary>A literal stored under a credential name; <paramref name="library"/>, when not given, is the one that declares <paramref name="sink"/>.</summary>
            private void AnalyzeNamedSink(OperationAnalysisContext context, string sinkName, ISymbol? sink, string? library, IOperation? value, string? confidenceCap)
            {
                var literal = LiteralOf(value);
                if (literal is null || literal.ConstantValue.Value is not string text)
                {
                    return;
                }

                var names = NamesFor(context);
                var keyword = names.Match(sinkName);
                if (keyword is null
                    || !SecretValues.LooksLikeSecret(text)
                    || SecretValues.IsTooShortFor(keyword, text)
                    || !CredentialNames.ValueFits(keyword, text)
                    || (names.Mentions(text) && !SecretValues.IsKnownDefault(text))

                    // A connection string is judged by its own keys (AnalyzeLiteral), not by the name it is stored in.
                    || (text.IndexOf('=') >= 0 && text.IndexOf(';') >= 0))
                {
                    return;
                }

                // A value of a known format is reported by AnalyzeLiteral, under its own kind.
                if (KnownTokens.Find(text) is not null)
                {
                    return;
                }

                var trimmed = text.Trim();
                Report(
                    context,
                    literal,
                    keyword: keyword,
                    secretKind: SecretKindOf(keyword),
                    target: sinkName,
                    library: library ?? LibraryOf(sink),
                    evidence: sinkName + " = \"" + SecretValues.Redact(text) + "\"",
                    value: text,
                    confidence: confidenceCap ?? (trimmed.Length >= 8 && trimmed.IndexOf(' ') < 0 ? Confidence.High : Confidence.Medium));
            }

            /// <summary>
            /// Literals that are credentials by where they go, whatever they are called: a JWT signing key
            /// (<c>new SymmetricSecurityKey(Encoding.UTF8.GetBytes("…"))</c>, also through <c>Convert.FromBase64String</c>) and
            /// the credential of <c>new AuthenticationHeaderValue("Basic", "…")</c>. Read from the syntax: it holds when
            /// the types did not resolve.
            /// </summary>
            private static (string Keyword, string Kind, string Target)? CredentialSink(IOperation literal)
            {
                // IdentityServer's client secrets: new Secret("…".Sha256()) hashes a credential written in the code.
                if (literal.Syntax.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Sha256" or "Sha512" } hashed
                    && hashed.Parent is InvocationExpressionSyntax { Parent: ArgumentSyntax { Parent.Parent: ObjectCreationExpressionSyntax secretCreation } }
                    && secretCreation.Type.ToString().EndsWith("Secret", StringComparison.Ordinal))
                {
                    return ("secret", "client-secret", "Secret");
                }

                if (literal.Syntax.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax arguments } argument)
                {
                    return null;
                }

                if (arguments.Parent is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetBytes" or "FromBase64String" } }
                    && arguments.Parent.Parent is ArgumentSyntax { Parent.Parent: ObjectCreationExpressionSyntax keyCreation }
                    && keyCreation.Type.ToString().EndsWith("SymmetricSecurityKey", StringComparison.Ordinal))
                {
                    return ("signing key", "signing-key", "SymmetricSecurityKey");
                }

                // A certificate with its private key (PKCS#12) embedded as base64: new X509Certificate2(Convert.FromBase64String("MII…")).
                if (arguments.Parent is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FromBase64String" } }
                    && arguments.Parent.Parent is ArgumentSyntax { Parent.Parent: ObjectCreationExpressionSyntax certificateCreation }
                    && certificateCreation.Type.ToString().EndsWith("X509Certificate2", StringComparison.Ordinal)
                    && literal.ConstantValue.Value is string { Length: >= 100 } blob && blob.StartsWith("MII", StringComparison.Ordinal))
                {
                    return ("certificate", "certificate-private-key", "X509Certificate2");
                }

                if (arguments.Parent is ObjectCreationExpressionSyntax headerCreation && headerCreation.Type.ToString().EndsWith("AuthenticationHeaderValue", StringComparison.Ordinal)
                    && arguments.Arguments.Count == 2 && arguments.Arguments[1] == argument)
                {
                    return ("authorization", "authorization-header", "AuthenticationHeaderValue");
                }

                return null;
            }

            private CredentialNames NamesFor(OperationAnalysisContext context)
            {
                var tree = context.Operation.Syntax.SyntaxTree;
                return _namesPerTree.GetOrAdd(tree, t => CredentialNames.For(context.Options.AnalyzerConfigOptionsProvider.GetOptions(t)));
            }

            private void Report(OperationAnalysisContext context, IOperation literal, string keyword, string secretKind, string target, string library, string evidence, string value, string confidence)
            {
                if (AllowMarker.Allows(literal.Syntax.SyntaxTree.GetText(context.CancellationToken), literal.Syntax.SpanStart))
                {
                    return;
                }

                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(FindingProperties.Kind, FindingKinds.Secret);
                properties.Add(FindingProperties.Library, library);
                properties.Add(FindingProperties.Target, target);
                properties.Add(FindingProperties.SecretKind, secretKind);
                properties.Add(FindingProperties.KnownDefault, SecretValues.IsKnownDefault(value) ? "true" : null);
                properties.Add(FindingProperties.Evidence, evidence);
                properties.Add(FindingProperties.ValueHash, SecretValues.Hash(value, _salt));
                properties.Add(FindingProperties.Confidence, confidence);
                properties.Add(FindingProperties.ContainingSymbol, context.ContainingSymbol.GetDocumentationCommentId());
                context.ReportDiagnostic(Diagnostic.Create(Rule, literal.Syntax.GetLocation(), properties.ToImmutable(), keyword));
            }

            /// <summary>The literal a value is written as: a string literal or a concatenation of literals only.</summary>
            private static IOperation? LiteralOf(IOperation? value)
            {
                value = CallSite.Unwrap(value);
                if (value is ILiteralOperation)
                {
                    return value;
                }

                if ((value is IBinaryOperation || value is IInterpolatedStringOperation) && value.ConstantValue.HasValue)
                {
                    foreach (var descendant in value.Descendants())
                    {
                        if (descendant is IFieldReferenceOperation || descendant is ILocalReferenceOperation)
                        {
                            return null;
                        }
                    }

                    return value;
                }

                return null;
            }

            private static IParameterSymbol? ArgumentParameter(IOperation literal)
            {
                var parent = literal.Parent;
                while (parent is IConversionOperation)
                {
                    parent = parent.Parent;
                }

                return (parent as IArgumentOperation)?.Parameter;
            }

            /// <summary>The namespace of a library member that receives the secret; "code" for the project's own symbols.</summary>
            private static string LibraryOf(ISymbol? sink)
            {
                var owner = sink is IParameterSymbol parameter ? parameter.ContainingSymbol : sink;
                var type = owner as INamedTypeSymbol ?? owner?.ContainingType;
                if (type is null || type.Locations.Length == 0 || type.Locations[0].IsInSource)
                {
                    return CodeLibrary;
                }

                return type.ContainingNamespace?.ToDisplayString() ?? CodeLibrary;
            }

            private static string SecretKindOf(string keyword) => keyword switch
            {
                "password" or "passwd" or "pwd" or "pass" or "passphrase" => "password",
                "apikey" => "api-key",
                "token" => "token",
                "accesskey" => "access-key",
                "privatekey" => "private-key",
                "signingkey" => "signing-key",
                "encryptionkey" => "encryption-key",
                "credential" => "credential",
                "key" => "key",
                _ => "secret",
            };
        }
    }
}
