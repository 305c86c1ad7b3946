using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace InventoryScanner.Analyzers.Configuration
{
    /// <summary>
    /// What the facts of a deployment's services share (a compose service, INV1016; a Kubernetes Service, INV1017): a
    /// service-resource finding named by the service, and where in its file the service is written.
    /// </summary>
    internal static class DeployedServices
    {
        /// <summary>The properties every deployed service's finding has; each rule adds its own.</summary>
        public static ImmutableDictionary<string, string?>.Builder Properties(string library, string resourceType, string service, string environment, string? uncertainty, string symbol)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(FindingProperties.Kind, FindingKinds.ServiceResource);
            properties.Add(FindingProperties.Library, library);
            properties.Add(FindingProperties.Target, service);
            properties.Add(FindingProperties.Resource, service);
            properties.Add(FindingProperties.ResourceType, resourceType);
            properties.Add(FindingProperties.Environment, environment);
            properties.Add(FindingProperties.Confidence, uncertainty is null ? Confidence.High : Confidence.Medium);
            properties.Add(FindingProperties.ConfidenceReason, uncertainty);
            properties.Add(FindingProperties.ContainingSymbol, symbol);
            return properties;
        }

        /// <summary>The place in a deployment file where the service is written.</summary>
        public static Location At(AdditionalText file, SourceText text, int offset)
        {
            var span = new TextSpan(Math.Min(Math.Max(offset, 0), text.Length), 0);
            return Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
        }
    }
}
