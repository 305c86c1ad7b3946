using InventoryScanner.Core.Graph;
using InventoryScanner.Core.Model;
using YamlDotNet.Serialization;

namespace InventoryScanner.Reporting.Exports;

/// <summary>
/// <c>catalog-info.yaml</c> for Backstage's software catalog: a <c>Component</c> (type service) per analysed component
/// with <c>dependsOn</c> the components, stores and channels it reaches; a <c>Resource</c> per data store, channel and
/// external system; an <c>API</c> per component others call (its definition: the paths or gRPC methods they call), with
/// <c>providesApis</c> and <c>consumesApis</c>; a <c>System</c> per repository of an estate. Owners come from CODEOWNERS
/// (<c>@org/team</c> → <c>group:team</c>, <c>@user</c> → <c>user:user</c>), else <c>unknown</c>. Written with YamlDotNet,
/// one document per entity.
/// </summary>
public sealed class BackstageWriter : IReportWriter
{
    public const string ApiVersion = "backstage.io/v1alpha1";

    public string FileName => "catalog-info.yaml";

    public string Render(Inventory inventory)
    {
        var model = ExportModel.Of(inventory);
        var entities = new List<Dictionary<string, object>>();
        var services = model.Services.ToDictionary(c => ExportModel.ComponentId(c.Name), StringComparer.Ordinal);
        var called = model.Calls.GroupBy(e => e.To, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var componentNames = ExportModel.UniqueSlugs(model.Services.Select(c => c.Name));
        var resourceNames = ExportModel.UniqueSlugs(model.Nodes.Values.Where(n => n.Type != InventoryGraph.ComponentNode).Select(n => NodeName(model, n.Id)));
        string ComponentName(string name) => componentNames[name];
        string ApiName(string component) => componentNames[component] + "-api";

        foreach (var repository in inventory.Components.Select(c => c.Repository).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            entities.Add(Entity("System", ExportModel.Slug(repository), repository, new Dictionary<string, object> { ["owner"] = "unknown" }));
        }

        foreach (var component in model.Services)
        {
            var edges = model.Of(component).ToList();
            var dependsOn = edges
                .Select(e => e.From == ExportModel.ComponentId(component.Name) ? e.To : e.From)
                .Distinct(StringComparer.Ordinal)
                .Select(id => services.TryGetValue(id, out var other) ? "component:" + ComponentName(other.Name) : "resource:" + resourceNames.GetValueOrDefault(NodeName(model, id), ExportModel.Slug(NodeName(model, id))))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            var spec = new Dictionary<string, object>
            {
                ["type"] = "service",
                ["lifecycle"] = "unknown",
                ["owner"] = Owner(component.Owners),
            };
            if (component.Repository is not null)
            {
                spec["system"] = ExportModel.Slug(component.Repository);
            }

            if (dependsOn.Count > 0)
            {
                spec["dependsOn"] = dependsOn;
            }

            if (called.ContainsKey(ExportModel.ComponentId(component.Name)))
            {
                spec["providesApis"] = new List<string> { ApiName(component.Name) };
            }

            var consumes = model.Calls.Where(e => e.From == ExportModel.ComponentId(component.Name) && services.ContainsKey(e.To)).Select(e => ApiName(services[e.To].Name)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (consumes.Count > 0)
            {
                spec["consumesApis"] = consumes;
            }

            entities.Add(Entity("Component", ComponentName(component.Name), component.Name, spec, component.Repository));
        }

        foreach (var (id, calls) in called.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!services.TryGetValue(id, out var provider))
            {
                continue;
            }

            var grpc = calls.Any(c => c.Kind == "grpc");
            entities.Add(Entity("API", ApiName(provider.Name), provider.Name + " API", new Dictionary<string, object>
            {
                ["type"] = grpc ? "grpc" : "openapi",
                ["lifecycle"] = "unknown",
                ["owner"] = Owner(provider.Owners),
                ["definition"] = grpc ? GrpcDefinition(provider.Name, calls) : OpenApiDefinition(provider.Name, calls),
            }));
        }

        foreach (var node in model.Nodes.Values.Where(n => n.Type != InventoryGraph.ComponentNode).OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            entities.Add(Entity("Resource", resourceNames[NodeName(model, node.Id)], node.Label, new Dictionary<string, object>
            {
                ["type"] = node.Type switch
                {
                    InventoryGraph.DataStoreNode => StoreType(node.Label),
                    InventoryGraph.ChannelNode => "message-channel",
                    _ => "external-system",
                },
                ["owner"] = "unknown",
            }));
        }

        var serializer = new SerializerBuilder().DisableAliases().Build();
        return string.Join("---\n", entities.Select(serializer.Serialize));
    }

    private static Dictionary<string, object> Entity(string kind, string name, string title, Dictionary<string, object> spec, string? repository = null)
    {
        var metadata = new Dictionary<string, object> { ["name"] = name, ["title"] = title };
        metadata["annotations"] = new Dictionary<string, object> { ["inventory-scanner/source"] = repository is null ? "inventory" : "inventory:" + repository };
        return new Dictionary<string, object>
        {
            ["apiVersion"] = ApiVersion,
            ["kind"] = kind,
            ["metadata"] = metadata,
            ["spec"] = spec,
        };
    }

    /// <summary>A node's name in the catalog: stores and channels by their label, externals by their origin, unique by type.</summary>
    private static string NodeName(ExportModel model, string id) =>
        model.Nodes.TryGetValue(id, out var node) ? node.Type + "-" + node.Label : id;

    private static string StoreType(string label) => label.Split(':')[0] switch
    {
        "redis" or "memcached" => "cache",
        "azure-blob" or "s3" or "gcs" or "file-share" => "storage",
        "smtp" or "sendgrid" or "mailgun" or "postmark" or "ses" or "acs-email" => "email",
        _ => "database",
    };

    /// <summary>The first CODEOWNERS owner as a Backstage entity reference.</summary>
    public static string Owner(IReadOnlyList<string>? owners)
    {
        var owner = owners?.FirstOrDefault();
        return owner switch
        {
            null => "unknown",
            _ when owner.StartsWith('@') && owner.Contains('/', StringComparison.Ordinal) => "group:" + ExportModel.Slug(owner[(owner.IndexOf('/') + 1)..]),
            _ when owner.StartsWith('@') => "user:" + ExportModel.Slug(owner[1..]),
            _ => "user:" + ExportModel.Slug(owner.Split('@')[0]),
        };
    }

    /// <summary>An OpenAPI 3.0 document of the paths the callers call (as the inventory saw them), as YAML text.</summary>
    private static string OpenApiDefinition(string provider, IReadOnlyList<ExportEdge> calls)
    {
        var paths = calls.SelectMany(c => c.Findings)
            .Select(f => (Path: PathOf(f.Target), Method: (f.Details?.GetValueOrDefault(Analyzers.FindingProperties.HttpMethod) ?? "get").ToLowerInvariant()))
            .Where(p => p.Path is not null)
            .GroupBy(p => p.Path!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (object)g.Select(p => p.Method).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                    .ToDictionary(m => m, m => (object)new Dictionary<string, object> { ["responses"] = new Dictionary<string, object> { ["default"] = new Dictionary<string, object> { ["description"] = "as called by the estate" } } }),
                StringComparer.Ordinal);
        var document = new Dictionary<string, object>
        {
            ["openapi"] = "3.0.3",
            ["info"] = new Dictionary<string, object> { ["title"] = provider + " (as called by the estate)", ["version"] = "inventory" },
            ["paths"] = paths,
        };
        return new SerializerBuilder().DisableAliases().Build().Serialize(document);
    }

    private static string GrpcDefinition(string provider, IReadOnlyList<ExportEdge> calls)
    {
        var methods = calls.SelectMany(c => c.Findings).Select(f => PathOf(f.Target)?.Trim('/')).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return "// " + provider + ": the gRPC methods the estate calls\n" + string.Join("\n", methods.Select(m => "// rpc " + m)) + "\n";
    }

    /// <summary>The path of a call's target (<c>/api/orders/{id}</c>), without its query; null when it has none.</summary>
    private static string? PathOf(string target)
    {
        var scheme = target.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return null;
        }

        var slash = target.IndexOf('/', scheme + 3);
        if (slash < 0)
        {
            return "/";
        }

        var path = target[slash..];
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return query >= 0 ? path[..query] : path;
    }
}
