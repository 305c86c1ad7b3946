using System.Text.RegularExpressions;
using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Analysis;

/// <summary>
/// Makes the calls of the application's own broker and request wrappers integration points. A publish, consume or
/// request inside a method names
/// the members it is reached through (<c>implements</c>: <c>AzureServiceBusService.PublishEventAsync;IEventIntegrationPublisher.PublishEventAsync</c>)
/// and, when its channel is not known there, the method's parameters; a call of a member named like a wrapper names the
/// member it calls and what its arguments resolve to (INV2015), in any project. Then:
/// <list type="bullet">
/// <item>a call of a member a publish implements is a publish site, one per broker channel behind it (an interface with a
/// Service Bus and a RabbitMQ implementation, chosen by configuration, publishes to both);</item>
/// <item>a call of a member whose consume reads its channel from a parameter (<c>CreateProcessor(topicName, …)</c>) is a
/// consumer of the channel the call names; a consumer whose channel is fixed inside stays the wrapper's own;</item>
/// <item>a call of a request wrapper whose request goes to an address its parameter names (<c>GetAsync&lt;T&gt;(string uri)</c>
/// around <c>httpClient.GetAsync(uri)</c>) is an outbound call to the address the call passes (INV1012);</item>
/// <item>a channel or address built from a parameter (<c>{topicName}</c>, or the parameter itself) takes the caller's argument.</item>
/// </list>
/// Each has <c>via</c> naming the implementation. A call nothing implements is no integration and is dropped, and so is
/// one at a place another rule already reports (a bus's own <c>PublishAsync</c>). Nothing is detected here.
/// </summary>
public static partial class WrapperCallJoin
{
    public static void Apply(List<Finding> findings)
    {
        var calls = findings.Where(f => f.Kind == FindingKinds.WrapperCall).ToList();
        if (calls.Count == 0)
        {
            return;
        }

        findings.RemoveAll(f => f.Kind == FindingKinds.WrapperCall);
        var byMember = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        foreach (var inside in findings.Where(f => f.Kind is FindingKinds.QueuePublish or FindingKinds.QueueConsume or FindingKinds.HttpClient && Detail(f, FindingProperties.Implements) is not null))
        {
            foreach (var member in Detail(inside, FindingProperties.Implements)!.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!byMember.TryGetValue(member, out var list))
                {
                    byMember[member] = list = [];
                }

                list.Add(inside);
            }
        }

        // What the container hands out for each wrapper service: IEventIntegrationPublisher → { AzureServiceBusService, RabbitMqService }.
        var registered = findings
            .Where(f => f.Kind == FindingKinds.HostedServiceWiring && Detail(f, FindingProperties.Service) is not null && Detail(f, FindingProperties.Registers) is not null)
            .GroupBy(f => Detail(f, FindingProperties.Service)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => TypeNames.SimpleName(Detail(f, FindingProperties.Registers)!)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var reported = findings.Where(f => f.Kind is FindingKinds.QueuePublish or FindingKinds.QueueConsume || IntegrationKinds.Calls.Contains(f.Kind)).Select(f => (f.Path, f.Line)).ToHashSet();
        foreach (var call in calls)
        {
            var member = Detail(call, FindingProperties.Calls);
            if (member is null || !byMember.TryGetValue(member, out var implementations) || reported.Contains((call.Path, call.Line)))
            {
                continue;
            }

            var arguments = Arguments(call);
            var service = member[..member.LastIndexOf('.')];
            var only = registered.GetValueOrDefault(service);
            var sites = new Dictionary<(string Kind, string Library, string Target), Finding>();
            foreach (var inside in implementations.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line))
            {
                // A request is joined only through a request wrapper's call (an address parameter, INV1012): a typed client's
                // GetOrderAsync(id) is the client's own integration, not one per caller; and a broker wrapper's calls join brokers.
                if ((inside.Kind == FindingKinds.HttpClient) != (call.RuleId == RuleIdentifiers.RequestWrapperCall))
                {
                    continue;
                }

                // Registered in the scan: only the implementations the container hands out for the service are reached.
                if (only is not null && !only.Contains(Detail(inside, FindingProperties.Implements)!.Split(';')[0].Split('.')[0]))
                {
                    continue;
                }

                var (target, fromCaller) = TargetAtCall(inside, arguments);
                if (inside.Kind != FindingKinds.QueuePublish && !fromCaller)
                {
                    continue;
                }

                sites.TryAdd((inside.Kind, inside.Library, target), Site(call, member, inside, target));
            }

            findings.AddRange(sites.OrderBy(s => s.Key.Kind, StringComparer.Ordinal).ThenBy(s => s.Key.Library, StringComparer.Ordinal).ThenBy(s => s.Key.Target, StringComparer.Ordinal).Select(s => s.Value));
        }

        FindingOrder.Sort(findings);
    }

    /// <summary>
    /// The channel of a finding inside a wrapper as a call names it: a <c>{parameter}</c> hole takes the call's argument, and
    /// so does an unresolved channel whose expression is a parameter. <c>FromCaller</c> when the channel depends on the call.
    /// </summary>
    private static (string Target, bool FromCaller) TargetAtCall(Finding inside, IReadOnlyDictionary<int, string> arguments)
    {
        var parameters = Parameters(inside);
        if (parameters.Count == 0)
        {
            return (inside.Target, false);
        }

        var fromCaller = false;
        var target = Hole().Replace(inside.Target, match =>
        {
            if (!parameters.TryGetValue(match.Groups["name"].Value, out var ordinal))
            {
                return match.Value;
            }

            fromCaller = true;
            return arguments.TryGetValue(ordinal, out var value) ? value : match.Value;
        });

        if (target.EndsWith(TargetSources.Unresolved, StringComparison.Ordinal) && Detail(inside, FindingProperties.Expression) is { } expression
            && parameters.TryGetValue(expression.Trim(), out var whole))
        {
            fromCaller = true;
            if (arguments.TryGetValue(whole, out var value))
            {
                target = target[..^TargetSources.Unresolved.Length] + value;
            }
        }

        return (target, fromCaller);
    }

    /// <summary>The call, as a publish, consume or request of the channel or address behind it, with the implementation's facts.</summary>
    private static Finding Site(Finding call, string member, Finding inside, string target)
    {
        var implementation = Detail(inside, FindingProperties.Implements)!.Split(';')[0];
        var site = JoinedFinding.At(
            call,
            inside,
            target,
            inside.Kind switch
            {
                FindingKinds.QueuePublish => $"{inside.Library} publish to {target} through {member}",
                FindingKinds.QueueConsume => $"{inside.Library} consumer of {target} through {member}",
                _ => $"{Detail(inside, FindingProperties.HttpMethod) ?? "request"} {target} through {member}",
            },
            $"{member} → {implementation} ({inside.Component}: {inside.Path}:{inside.Line})");
        if (target != inside.Target)
        {
            // The channel or address is the caller's: so is what names it.
            var details = new SortedDictionary<string, string>(site.Details!.ToDictionary(), StringComparer.Ordinal)
            {
                // Composed of the wrapper's template and the caller's argument, or still unknown when the caller's is too.
                [FindingProperties.TargetSource] = target.EndsWith(TargetSources.Unresolved, StringComparison.Ordinal) ? TargetSources.Unresolved : TargetSources.Interpolated,
            };
            if (details.ContainsKey(FindingProperties.Queue))
            {
                var colon = target.IndexOf(':', StringComparison.Ordinal);
                details[FindingProperties.Queue] = colon > 0 ? target[(colon + 1)..] : target;
            }

            site.Details = details;
        }

        return site;
    }

    /// <summary>The method's parameters a finding inside it names, by name: <c>topicName=0,subscriptionName=1</c>.</summary>
    private static Dictionary<string, int> Parameters(Finding inside)
    {
        var parameters = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in (Detail(inside, FindingProperties.Parameters) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.LastIndexOf('=');
            if (equals > 0 && int.TryParse(pair[(equals + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var ordinal))
            {
                parameters[pair[..equals]] = ordinal;
            }
        }

        return parameters;
    }

    /// <summary>What a call's arguments resolved to, by ordinal.</summary>
    private static Dictionary<int, string> Arguments(Finding call)
    {
        var arguments = new Dictionary<int, string>();
        foreach (var line in (Detail(call, FindingProperties.Arguments) ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && int.TryParse(line[..equals], System.Globalization.CultureInfo.InvariantCulture, out var ordinal))
            {
                arguments[ordinal] = line[(equals + 1)..];
            }
        }

        return arguments;
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Hole();

    private static string? Detail(Finding finding, string key) => finding.Details?.GetValueOrDefault(key);
}
