using System;
using System.Collections.Generic;
using System.Linq;

namespace InventoryScanner.Analyzers.Configuration
{
    /// <summary>
    /// The objects of Kubernetes manifests that say which service runs which image: <c>kind: Service</c> with its
    /// <c>spec.selector</c>, and workloads (<c>Deployment</c>, <c>StatefulSet</c>, <c>DaemonSet</c>, <c>ReplicaSet</c>,
    /// <c>ReplicationController</c>, <c>Job</c>, <c>CronJob</c>, <c>Pod</c>) with their pod labels and container images.
    /// A file holds any number of documents (<c>---</c>). Helm templates (<c>{{ … }}</c>) name nothing until rendered: their
    /// templated names, selectors and images are left out.
    /// </summary>
    internal static class KubernetesManifests
    {
        private static readonly string[] Workloads = { "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob", "Pod" };

        public static List<KubernetesObject> Read(string text)
        {
            var objects = new List<KubernetesObject>();
            var lines = text.Split('\n');
            var offset = 0;
            var documentStart = 0;
            for (var i = 0; i <= lines.Length; i++)
            {
                var atEnd = i == lines.Length;
                if (atEnd || lines[i].StartsWith("---", StringComparison.Ordinal))
                {
                    if (Object(text.Substring(documentStart, Math.Min(offset, text.Length) - documentStart), documentStart) is { } found)
                    {
                        objects.Add(found);
                    }

                    if (!atEnd)
                    {
                        documentStart = offset + lines[i].Length + 1;
                    }
                }

                if (!atEnd)
                {
                    offset += lines[i].Length + 1;
                }
            }

            return objects;
        }

        private static KubernetesObject? Object(string document, int documentOffset)
        {
            if (document.IndexOf("kind:", StringComparison.Ordinal) < 0)
            {
                return null;
            }

            var values = DeploymentFileReader.ReadYaml(document, out var positions);
            if (!values.TryGetValue("kind", out var kind) || !values.TryGetValue("metadata:name", out var name) || IsTemplated(name))
            {
                return null;
            }

            var @namespace = values.TryGetValue("metadata:namespace", out var ns) && !IsTemplated(ns) ? ns : null;
            var position = positions.TryGetValue("metadata:name", out var at) ? documentOffset + at : documentOffset;
            if (kind == "Service")
            {
                var selector = Map(values, "spec:selector:");
                return new KubernetesObject(kind, name, @namespace, position, selector, new List<string>());
            }

            if (Array.IndexOf(Workloads, kind) < 0)
            {
                return null;
            }

            // The pod template: spec.template (CronJob: spec.jobTemplate.spec.template); a Pod is its own.
            var template = kind == "Pod" ? string.Empty : kind == "CronJob" ? "spec:jobTemplate:spec:template:" : "spec:template:";
            var labels = Map(values, template + "metadata:labels:");
            var containers = template + "spec:containers:";
            var images = values
                .Where(e => e.Key.StartsWith(containers, StringComparison.OrdinalIgnoreCase) && e.Key.EndsWith(":image", StringComparison.OrdinalIgnoreCase)
                    && e.Key.Substring(containers.Length).IndexOf(':') == e.Key.Length - containers.Length - ":image".Length)
                .Select(e => e.Value)
                .Where(image => image.Length > 0 && !IsTemplated(image))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(image => image, StringComparer.Ordinal)
                .ToList();
            return new KubernetesObject(kind, name, @namespace, position, labels, images);
        }

        /// <summary>The entries under a key, written as a block or as a flow map (<c>labels: { app: shop, tier: web }</c>).</summary>
        private static Dictionary<string, string> Map(Dictionary<string, string> values, string prefix)
        {
            var map = values
                .Where(e => e.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && e.Key.Length > prefix.Length && e.Key.IndexOf(':', prefix.Length) < 0 && !IsTemplated(e.Value))
                .ToDictionary(e => e.Key.Substring(prefix.Length), e => e.Value, StringComparer.Ordinal);
            if (values.TryGetValue(prefix.TrimEnd(':'), out var flow) && flow.StartsWith("{", StringComparison.Ordinal) && flow.EndsWith("}", StringComparison.Ordinal))
            {
                foreach (var pair in flow.Substring(1, flow.Length - 2).Split(','))
                {
                    var colon = pair.IndexOf(':');
                    if (colon > 0)
                    {
                        map[Unquote(pair.Substring(0, colon))] = Unquote(pair.Substring(colon + 1));
                    }
                }
            }

            return map;
        }

        private static string Unquote(string text) => text.Trim().Trim('"', '\'');

        private static bool IsTemplated(string value) => value.IndexOf("{{", StringComparison.Ordinal) >= 0;
    }

    /// <summary>A Service (its selector) or a workload (its pod labels and container images), where its name is written.</summary>
    internal sealed class KubernetesObject
    {
        public KubernetesObject(string kind, string name, string? @namespace, int position, Dictionary<string, string> labels, List<string> images)
        {
            Kind = kind;
            Name = name;
            Namespace = @namespace;
            Position = position;
            Labels = labels;
            Images = images;
        }

        public string Kind { get; }

        public string Name { get; }

        /// <summary>Null when the manifest leaves it to <c>kubectl -n</c>.</summary>
        public string? Namespace { get; }

        /// <summary>The offset of <c>metadata.name</c>'s value in the file.</summary>
        public int Position { get; }

        /// <summary>A Service's selector; a workload's pod template labels.</summary>
        public Dictionary<string, string> Labels { get; }

        public List<string> Images { get; }

        /// <summary>Whether this Service selects the pods of <paramref name="workload"/>: every selector label is on them, in one namespace.</summary>
        public bool Selects(KubernetesObject workload) =>
            Kind == "Service" && workload.Kind != "Service" && Labels.Count > 0
            && (Namespace is null || workload.Namespace is null || Namespace == workload.Namespace)
            && Labels.All(label => workload.Labels.TryGetValue(label.Key, out var value) && value == label.Value);
    }
}
