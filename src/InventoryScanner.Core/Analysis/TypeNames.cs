namespace InventoryScanner.Core.Analysis;

/// <summary>Type names as the joins compare them: qualified from a finding's documentation ID, simple from a qualified one.</summary>
public static class TypeNames
{
    /// <summary><c>RabbitMqEventListenerService</c> of <c>Ns.RabbitMqEventListenerService</c>.</summary>
    public static string SimpleName(string qualified) => qualified[(qualified.LastIndexOf('.') + 1)..];

    /// <summary>The class a finding's member belongs to, by its documentation ID: <c>Ns.RabbitMqEventListenerService</c> of <c>M:Ns.RabbitMqEventListenerService`1.ExecuteAsync(…)</c>.</summary>
    public static string? TypeOf(string? symbol)
    {
        if (symbol is null || symbol.Length < 3 || symbol[1] != ':')
        {
            return null;
        }

        var name = symbol[2..];
        var parenthesis = name.IndexOf('(', StringComparison.Ordinal);
        name = parenthesis < 0 ? name : name[..parenthesis];
        if (symbol[0] != 'T')
        {
            var member = name.LastIndexOf('.');
            if (member < 0)
            {
                return null;
            }

            name = name[..member];
        }

        // Ns.Outer`1.Inner`2: the type arguments' counts go, the namespace and containing types stay.
        return string.Join('.', name.Split('.').Select(part => part.IndexOf('`', StringComparison.Ordinal) is var arity and >= 0 ? part[..arity] : part));
    }
}
