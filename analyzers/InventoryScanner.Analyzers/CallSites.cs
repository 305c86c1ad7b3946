using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers
{
    /// <summary>
    /// A call the analyzers may recognise: either a bound <see cref="IInvocationOperation"/> or an invalid operation
    /// over an invocation whose receiver type did not resolve (the package is missing). The second kind is matched by
    /// name only and carries lower confidence.
    /// </summary>
    internal readonly struct CallSite
    {
        private readonly IInvocationOperation? _invocation;
        private readonly InvocationExpressionSyntax? _syntax;
        private readonly SemanticModel? _model;

        private CallSite(IOperation operation, IInvocationOperation? invocation, IMethodSymbol? method, InvocationExpressionSyntax? syntax, string methodName, IOperation? receiver, ITypeSymbol? receiverType)
        {
            Operation = operation;
            _invocation = invocation;
            Method = method;
            _syntax = syntax;
            _model = operation.SemanticModel;
            MethodName = methodName;
            Receiver = receiver;
            ReceiverType = receiverType;
        }

        public IOperation Operation { get; }

        /// <summary>The bound method, or the single overload candidate when binding failed; null when matched by name.</summary>
        public IMethodSymbol? Method { get; }

        public string MethodName { get; }

        /// <summary>The object the method is called on (the first argument for an extension method).</summary>
        public IOperation? Receiver { get; }

        public ITypeSymbol? ReceiverType { get; }

        public bool IsBound => _invocation is not null;

        public static CallSite FromInvocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var receiver = method.IsExtensionMethod && invocation.Instance is null && invocation.Arguments.Length > 0
                ? invocation.Arguments[0].Value
                : invocation.Instance;
            receiver = Unwrap(receiver);
            return new CallSite(invocation, invocation, method, invocation.Syntax as InvocationExpressionSyntax, method.Name, receiver, receiver?.Type);
        }

        /// <summary>
        /// Reads an invalid operation as a call <c>receiver.Name(args)</c>, when its syntax is one.
        /// The method is the single candidate symbol when overload resolution failed on a resolved type.
        /// </summary>
        public static bool TryFromInvalid(IInvalidOperation invalid, CancellationToken cancellationToken, out CallSite callSite) =>
            TryFromInvalid(invalid, named: null, cancellationToken, out callSite);

        /// <summary>
        /// The same, for a call whose method name <paramref name="named"/> accepts: the name is read from the syntax, so a
        /// call no analyzer looks for costs no semantic query (in a build, every call that does not bind comes here).
        /// </summary>
        public static bool TryFromInvalid(IInvalidOperation invalid, Func<string, bool>? named, CancellationToken cancellationToken, out CallSite callSite)
        {
            callSite = default;
            if (invalid.Syntax is not InvocationExpressionSyntax syntax || invalid.SemanticModel is null)
            {
                return false;
            }

            ExpressionSyntax? receiverSyntax;
            string name;
            switch (syntax.Expression)
            {
                case MemberAccessExpressionSyntax memberAccess:
                    receiverSyntax = memberAccess.Expression;
                    name = memberAccess.Name.Identifier.ValueText;
                    break;
                case MemberBindingExpressionSyntax binding when syntax.Parent?.Parent is ConditionalAccessExpressionSyntax conditional:
                    receiverSyntax = conditional.Expression;
                    name = binding.Name.Identifier.ValueText;
                    break;
                default:
                    return false;
            }

            if (named is not null && !named(name))
            {
                return false;
            }

            var model = invalid.SemanticModel;
            var symbolInfo = model.GetSymbolInfo(syntax, cancellationToken);
            IMethodSymbol? candidate = null;
            if (symbolInfo.CandidateSymbols.Length == 1)
            {
                candidate = symbolInfo.CandidateSymbols[0] as IMethodSymbol;
            }
            else if (!symbolInfo.CandidateSymbols.IsEmpty)
            {
                candidate = CommonCandidate(symbolInfo.CandidateSymbols);
            }

            var receiver = model.GetValueOperation(receiverSyntax, cancellationToken);
            var receiverType = model.GetTypeInfo(receiverSyntax, cancellationToken).Type;
            if (receiverType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable
                && nullable.TypeArguments[0] is IErrorTypeSymbol unknown)
            {
                // QueueClient? of a package that did not resolve: the compiler cannot tell a class from a struct and makes
                // it Nullable<QueueClient>; the type the code names is the argument.
                receiverType = unknown;
            }

            callSite = new CallSite(invalid, null, candidate, syntax, name, Unwrap(receiver), receiverType);
            return true;
        }

        /// <summary>The argument passed for a parameter, by name, or by position when the call did not bind.</summary>
        public IOperation? GetArgument(string parameterName, int position, CancellationToken cancellationToken)
        {
            if (_invocation is not null)
            {
                foreach (var argument in _invocation.Arguments)
                {
                    if (argument.Parameter?.Name == parameterName && argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        return argument.Value;
                    }
                }

                return null;
            }

            if (_syntax is null || _model is null)
            {
                return null;
            }

            var arguments = _syntax.ArgumentList.Arguments;
            if (Method is not null)
            {
                var parameters = Method.Parameters;
                position = -1;
                for (var i = 0; i < parameters.Length; i++)
                {
                    if (parameters[i].Name == parameterName)
                    {
                        // A reduced extension method (called as x.M()) lists its parameters without `this`, like the syntax does.
                        position = i;
                        break;
                    }
                }
            }

            for (var i = 0; i < arguments.Count; i++)
            {
                if (arguments[i].NameColon is { } nameColon)
                {
                    if (nameColon.Name.Identifier.ValueText == parameterName)
                    {
                        return _model.GetValueOperation(arguments[i].Expression, cancellationToken);
                    }
                }
                else if (i == position)
                {
                    return _model.GetValueOperation(arguments[i].Expression, cancellationToken);
                }
            }

            return null;
        }

        public static IOperation? Unwrap(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        private static IMethodSymbol? CommonCandidate(ImmutableArray<ISymbol> candidates)
        {
            // Several overloads of the same method on the same type: any of them names the API well enough.
            var first = candidates[0] as IMethodSymbol;
            foreach (var candidate in candidates)
            {
                if (candidate is not IMethodSymbol method || first is null
                    || method.Name != first.Name
                    || !SymbolEqualityComparer.Default.Equals(method.ContainingType, first.ContainingType))
                {
                    return null;
                }
            }

            return first;
        }
    }
}
