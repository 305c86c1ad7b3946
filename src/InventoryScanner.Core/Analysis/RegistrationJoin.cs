using InventoryScanner.Analyzers;
using InventoryScanner.Core.Model;

namespace InventoryScanner.Core.Analysis;

/// <summary>
/// Joins HTTP calls to the HttpClient registrations of other projects. An analyzer sees one compilation: a call through a
/// typed or named client whose <c>AddHttpClient</c> lives in another project (the host's Program.cs) carries only its
/// client key. Here, with every project's findings, the call takes the registration's BaseAddress and resilience.
/// Nothing is detected here: both sides are analyzer findings.
/// </summary>
public static class RegistrationJoin
{
    public static void Apply(IReadOnlyList<Finding> findings)
    {
        var registrations = findings
            .Where(f => f.Kind == FindingKinds.HttpClientRegistration && f.Details?.GetValueOrDefault(FindingProperties.Client) is not null)
            .GroupBy(f => f.Details![FindingProperties.Client], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).ToList(), StringComparer.Ordinal);

        foreach (var call in findings.Where(f => f.Kind is FindingKinds.HttpClient or FindingKinds.GrpcClient))
        {
            var details = call.Details;
            if (details is null || details.ContainsKey(FindingProperties.Registration)
                || details.GetValueOrDefault(FindingProperties.Client) is not { } client
                || !registrations.TryGetValue(client, out var candidates))
            {
                continue;
            }

            var registration = candidates[0];
            var joined = new SortedDictionary<string, string>(details.ToDictionary(), StringComparer.Ordinal)
            {
                [FindingProperties.Registration] = $"{registration.Component}: {registration.Path}:{registration.Line}" + (candidates.Count > 1 ? $" (and {candidates.Count - 1} more)" : string.Empty),
                [FindingProperties.Resilience] = registration.Details?.GetValueOrDefault(FindingProperties.Resilience) ?? "none",
            };

            var baseAddress = registration.Target;
            if (!UriText.IsAbsolute(call.Target) && call.Target != TargetSources.Unresolved && baseAddress != TargetSources.Unresolved)
            {
                var target = UriText.Combine(baseAddress, call.Target);
                call.Message = call.Message.Replace(call.Target, target, StringComparison.Ordinal);
                call.Target = target;
                joined[FindingProperties.TargetSource] = TargetSources.BaseAddress;
                if (registration.Details?.GetValueOrDefault(FindingProperties.ConfigKey) is { } configKey)
                {
                    joined[FindingProperties.ConfigKey] = configKey;
                    joined[FindingProperties.ConfigValues] = registration.Details.GetValueOrDefault(FindingProperties.ConfigValues) ?? string.Empty;
                }
            }

            call.Details = joined;
        }
    }
}
