using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace InventoryScanner.Analyzers
{
    /// <summary>
    /// Finds what was assigned to a property of an object held by a local, parameter, field or property
    /// (<c>client.BaseAddress = …</c>, or <c>new HttpClient { BaseAddress = … }</c> stored in it), within a scope of the
    /// current file. Syntax narrows the search to assignments of that property name; binding confirms each one.
    /// </summary>
    internal static class MemberAssignments
    {
        public static IOperation? FindAssignedValue(ISymbol holder, string propertyName, SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var node in scope.DescendantNodes())
            {
                if (node is not AssignmentExpressionSyntax assignment || !NamesProperty(assignment.Left, propertyName))
                {
                    continue;
                }

                if (model.GetValueOperation(assignment, cancellationToken) is not ISimpleAssignmentOperation operation
                    || operation.Target is not IPropertyReferenceOperation target
                    || target.Property.Name != propertyName)
                {
                    continue;
                }

                if (target.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
                {
                    if (IsStoredIn(CreationOf(operation), holder))
                    {
                        return operation.Value;
                    }
                }
                else if (SymbolEqualityComparer.Default.Equals(ReferencedSymbol(target.Instance), holder))
                {
                    return operation.Value;
                }
            }

            return null;
        }

        /// <summary>The symbol a reference operation names: a local, parameter, field or property.</summary>
        public static ISymbol? ReferencedSymbol(IOperation? operation) => CallSite.Unwrap(operation) switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field.OriginalDefinition,
            IPropertyReferenceOperation property => property.Property.OriginalDefinition,
            _ => null,
        };

        /// <summary>
        /// The expression a local, field or property is declared with: <c>= value</c>, or a property's <c>=&gt; value</c>.
        /// Null when it has none or more than one declaration.
        /// </summary>
        public static ExpressionSyntax? DeclaredInitializer(ISymbol symbol, CancellationToken cancellationToken)
        {
            if (symbol.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            return symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
            {
                VariableDeclaratorSyntax variable => variable.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                _ => null,
            };
        }

        /// <summary>
        /// The one value a field or property without an initializer is given in its type's constructors
        /// (<c>_exchange = exchange;</c>, <c>this.Queue = queue;</c>); null when it is assigned anywhere else too, or more
        /// than once.
        /// </summary>
        public static ExpressionSyntax? ConstructorAssignment(ISymbol member, CancellationToken cancellationToken) =>
            OnlyAssignment(member, constructorsOnly: true, cancellationToken);

        /// <summary>
        /// The one value a field or property is ever given in its type, in a constructor or (when
        /// <paramref name="constructorsOnly"/> is false) any other method: a hosted service makes its queue client when it
        /// starts (<c>_queue = new QueueClient(cs, "mail")</c> in <c>ExecuteAsync</c>). Null when assigned more than once.
        /// </summary>
        private static ExpressionSyntax? OnlyAssignment(ISymbol member, bool constructorsOnly, CancellationToken cancellationToken)
        {
            ExpressionSyntax? found = null;
            foreach (var reference in member.ContainingType.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax type)
                {
                    continue;
                }

                foreach (var assignment in type.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                {
                    if (!NamesMember(assignment.Left, member.Name))
                    {
                        continue;
                    }

                    var inConstructor = assignment.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault() is ConstructorDeclarationSyntax { Modifiers: var modifiers }
                        && !modifiers.Any(SyntaxKind.StaticKeyword);
                    if ((constructorsOnly && !inConstructor) || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || found is not null)
                    {
                        return null;
                    }

                    found = assignment.Right;
                }
            }

            return found;
        }

        private static bool NamesMember(ExpressionSyntax left, string name) => left switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var member } => member.Identifier.ValueText == name,
            _ => false,
        };

        /// <summary>The bound initial value of a local, field or property declared in the model's file.</summary>
        public static IOperation? InitializerOf(ISymbol holder, SemanticModel model, CancellationToken cancellationToken)
        {
            var value = DeclaredInitializer(holder, cancellationToken);
            return value is null || value.SyntaxTree != model.SyntaxTree ? null : model.GetValueOperation(value, cancellationToken);
        }

        /// <summary>
        /// What a value was made from: the value itself, or, when it reads a local, field or property, that symbol's
        /// initializer (declared in the same file). <c>client.Send()</c> on <c>var client = new XClient(…)</c> gives the creation.
        /// </summary>
        public static IOperation? ValueOrInitializer(IOperation? value, CancellationToken cancellationToken)
        {
            value = CallSite.Unwrap(value);
            if (ReferencedSymbol(value) is { } holder && value?.SemanticModel is { } model)
            {
                return CallSite.Unwrap(InitializerOf(holder, model, cancellationToken));
            }

            return value;
        }

        /// <summary>
        /// What a value was made from, as <see cref="ValueOrInitializer"/>, and for a field or property with no initializer
        /// the one value its constructor gives it (<c>_sender = client.CreateSender(topic)</c>), or else the one value any
        /// method of its type gives it, bound in the same file.
        /// </summary>
        public static IOperation? ValueOrConstruction(IOperation? value, CancellationToken cancellationToken)
        {
            if (ReferencedSymbol(value) is (IFieldSymbol { IsStatic: false } or IPropertySymbol { IsStatic: false }) and var holder && value?.SemanticModel is { } model
                && InitializerOf(holder, model, cancellationToken) is null)
            {
                var assigned = ConstructorAssignment(holder, cancellationToken) ?? OnlyAssignment(holder, constructorsOnly: false, cancellationToken);
                return assigned is null || assigned.SyntaxTree != model.SyntaxTree ? null : CallSite.Unwrap(model.GetValueOperation(assigned, cancellationToken));
            }

            return ValueOrInitializer(value, cancellationToken);
        }

        private static bool NamesProperty(ExpressionSyntax left, string propertyName) => left switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText == propertyName,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText == propertyName,
            _ => false,
        };

        private static IObjectCreationOperation? CreationOf(IOperation assignment)
        {
            var current = assignment.Parent;
            while (current is not null && current is not IObjectCreationOperation)
            {
                current = current.Parent;
            }

            return current as IObjectCreationOperation;
        }

        private static bool IsStoredIn(IOperation? creation, ISymbol holder)
        {
            var current = creation?.Parent;
            while (current is IConversionOperation)
            {
                current = current.Parent;
            }

            var stored = current switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                IFieldInitializerOperation field when field.InitializedFields.Length == 1 => field.InitializedFields[0],
                IPropertyInitializerOperation property when property.InitializedProperties.Length == 1 => property.InitializedProperties[0],
                ISimpleAssignmentOperation assignment => ReferencedSymbol(assignment.Target),
                _ => null,
            };
            return stored is not null && SymbolEqualityComparer.Default.Equals(stored.OriginalDefinition, holder.OriginalDefinition);
        }
    }
}
