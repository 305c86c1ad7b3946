using System.Globalization;
using System.Text;

/// <summary>
/// A large solution written on the spot, so scale can be measured without network: <c>layers</c> × <c>perLayer</c>
/// class libraries (no packages, so they restore anywhere), each referencing two projects of the layer below, of
/// <c>files</c> files of ordinary code (about 250 lines each: classes that call into the referenced projects). One file
/// in ten holds integration points of the shapes the scanner inventories: an HTTP call to a neighbouring service by its
/// name, a RabbitMQ publish or consume (the client's types are declared in a stub project, as in a repository that
/// vendors them), a SQL connection, a configuration read, a credential written in the code. <see cref="Expected"/>
/// says how many of each were written. Scale 1 is 5 layers of 40 projects of 17 files: 200 projects, about a million
/// lines; scale k multiplies the projects per layer.
/// </summary>
internal static class SyntheticSolution
{
    public const int Layers = 5;
    public const int PerLayerAtScaleOne = 40;
    public const int FilesPerProject = 17;

    /// <summary>What the generator wrote: projects, lines, and integration points by kind.</summary>
    public sealed record Expected(int Projects, long Lines, int HttpCalls, int Publishes, int Consumes, int Databases, int Secrets);

    public static (string Solution, Expected Expected) Generate(string directory, int scale)
    {
        Directory.CreateDirectory(directory);
        var perLayer = PerLayerAtScaleOne * scale;
        var projects = new List<(string Name, string Path)>();
        long lines = 0;
        int http = 0, publishes = 0, consumes = 0, databases = 0, secrets = 0;

        var stubs = Project(directory, "Contoso.Stubs", [], out var stubsPath);
        File.WriteAllText(Path.Combine(stubs, "Stubs.cs"), StubSource);
        projects.Add(("Contoso.Stubs", stubsPath));

        for (var layer = 0; layer < Layers; layer++)
        {
            for (var index = 0; index < perLayer; index++)
            {
                var name = ProjectName(layer, index);
                var references = layer == 0
                    ? new[] { "Contoso.Stubs" }
                    : new[] { "Contoso.Stubs", ProjectName(layer - 1, index), ProjectName(layer - 1, (index + 1) % perLayer) };
                var folder = Project(directory, name, references, out var path);
                projects.Add((name, path));
                for (var file = 0; file < FilesPerProject; file++)
                {
                    var text = new StringBuilder();
                    var integration = file % 10 == 3;
                    Source(text, layer, index, file, perLayer, integration);
                    if (integration)
                    {
                        http++;
                        databases++;
                        secrets++;
                        if (index % 2 == 0)
                        {
                            publishes++;
                        }
                        else
                        {
                            consumes++;
                        }
                    }

                    var content = text.ToString();
                    lines += content.Count(c => c == '\n');
                    File.WriteAllText(Path.Combine(folder, $"Module{file:000}.cs"), content);
                }
            }
        }

        var solution = Path.Combine(directory, "Synthetic.sln");
        File.WriteAllText(solution, SolutionText(directory, projects));
        return (solution, new Expected(projects.Count, lines, http, publishes, consumes, databases, secrets));
    }

    private static string ProjectName(int layer, int index) => string.Create(CultureInfo.InvariantCulture, $"Contoso.L{layer}.Service{index:000}");

    private static string Project(string root, string name, IEnumerable<string> references, out string path)
    {
        var folder = Path.Combine(root, "src", name);
        Directory.CreateDirectory(folder);
        path = Path.Combine(folder, name + ".csproj");
        var items = string.Join(Environment.NewLine, references.Select(r => $"    <ProjectReference Include=\"../{r}/{r}.csproj\" />"));
        File.WriteAllText(path, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <NoWarn>$(NoWarn);CS1998;CS0168;CS0219</NoWarn>
              </PropertyGroup>
              <ItemGroup>
            {items}
              </ItemGroup>
            </Project>
            """);
        return folder;
    }

    /// <summary>One file: a class of methods that compute, call the layer below, and (one file in ten) integrate.</summary>
    private static void Source(StringBuilder text, int layer, int index, int file, int perLayer, bool integration)
    {
        var ns = string.Create(CultureInfo.InvariantCulture, $"Contoso.L{layer}.Service{index:000}");
        text.Append("namespace ").Append(ns).Append(";\n\n");
        text.Append("public sealed class Module").Append(file.ToString("000", CultureInfo.InvariantCulture)).Append('\n').Append("{\n");
        if (integration)
        {
            var neighbour = (index + 7) % perLayer;
            text.Append("    private readonly System.Net.Http.HttpClient _http = new();\n");
            text.Append("    private readonly RabbitMQ.Client.IModel _channel;\n");
            text.Append("    private readonly Microsoft.Extensions.Configuration.IConfiguration _configuration;\n\n");
            text.Append("    public Module").Append(file.ToString("000", CultureInfo.InvariantCulture)).Append("(RabbitMQ.Client.IModel channel, Microsoft.Extensions.Configuration.IConfiguration configuration)\n    {\n        _channel = channel;\n        _configuration = configuration;\n    }\n\n");
            // The layer above makes every module with new(): integration modules too.
            text.Append("    public Module").Append(file.ToString("000", CultureInfo.InvariantCulture)).Append("()\n        : this(null!, null!)\n    {\n    }\n\n");
            text.Append("    public Task<string> Neighbour(string id) => _http.GetStringAsync(\"http://service-")
                .Append(neighbour.ToString("000", CultureInfo.InvariantCulture)).Append("/api/items/\" + id);\n\n");
            if (index % 2 == 0)
            {
                text.Append("    public void Announce(byte[] body) => _channel.BasicPublish(\"\", \"items-changed-").Append(layer).Append("\", null, body);\n\n");
            }
            else
            {
                text.Append("    public void Listen(RabbitMQ.Client.IBasicConsumer consumer) => _channel.BasicConsume(\"items-changed-").Append(layer > 0 ? layer - 1 : 0).Append("\", false, consumer);\n\n");
            }

            text.Append("    public Microsoft.Data.SqlClient.SqlConnection Store() => new(_configuration[\"ConnectionStrings:Items\"] ?? \"Server=sql-")
                .Append(layer).Append(";Database=Items").Append(index).Append(";Integrated Security=true\");\n\n");
            text.Append("    public System.Net.NetworkCredential Account() => new(\"svc-items\", \"Vq7#kP2m!Lr9").Append(index).Append(file).Append("\");\n\n");
        }

        for (var method = 0; method < 20; method++)
        {
            text.Append("    public int Compute").Append(method).Append("(int seed, IReadOnlyList<int> values)\n    {\n");
            text.Append("        var total = seed;\n");
            text.Append("        foreach (var value in values)\n        {\n");
            text.Append("            total = unchecked((total * 31) + value ^ ").Append(method + file).Append(");\n");
            text.Append("            if (total % 7 == ").Append(method % 7).Append(")\n            {\n                total -= value;\n            }\n        }\n\n");
            if (layer > 0 && method % 5 == 0)
            {
                text.Append("        total += new Contoso.L").Append(layer - 1).Append(".Service").Append(index.ToString("000", CultureInfo.InvariantCulture))
                    .Append(".Module").Append(((file + method) % FilesPerProject).ToString("000", CultureInfo.InvariantCulture)).Append("().Compute").Append(method).Append("(seed, values);\n");
            }

            text.Append("        var text = string.Join(\",\", values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)));\n");
            text.Append("        return total + text.Length;\n    }\n\n");
        }

        text.Append("}\n");
    }

    private const string StubSource = """
        // The client libraries' types, vendored as a repository sometimes does, so the solution restores offline.
        namespace RabbitMQ.Client
        {
            public interface IBasicConsumer { }
            public interface IBasicProperties { }
            public interface IModel
            {
                void BasicPublish(string exchange, string routingKey, IBasicProperties? basicProperties, byte[] body);
                string BasicConsume(string queue, bool autoAck, IBasicConsumer consumer);
            }
        }

        namespace Microsoft.Extensions.Configuration
        {
            public interface IConfiguration
            {
                string? this[string key] { get; set; }
            }
        }

        namespace Microsoft.Data.SqlClient
        {
            public sealed class SqlConnection(string connectionString)
            {
                public string ConnectionString { get; } = connectionString;
            }
        }
        """;

    private static string SolutionText(string root, List<(string Name, string Path)> projects)
    {
        const string CSharp = "FAE04EC0-301F-11D3-BF4B-00C04F79EFBC";
        var text = new StringBuilder();
        text.Append("\r\nMicrosoft Visual Studio Solution File, Format Version 12.00\r\n# Visual Studio Version 17\r\n");
        var ids = projects.Select((p, i) => (p.Name, p.Path, Id: new Guid(i + 1, 0, 0, new byte[8]).ToString("B").ToUpperInvariant())).ToList();
        foreach (var (name, path, id) in ids)
        {
            text.Append("Project(\"{").Append(CSharp).Append("}\") = \"").Append(name).Append("\", \"")
                .Append(Path.GetRelativePath(root, path).Replace('/', '\\')).Append("\", \"").Append(id).Append("\"\r\nEndProject\r\n");
        }

        text.Append("Global\r\n\tGlobalSection(SolutionConfigurationPlatforms) = preSolution\r\n\t\tDebug|Any CPU = Debug|Any CPU\r\n\t\tRelease|Any CPU = Release|Any CPU\r\n\tEndGlobalSection\r\n");
        text.Append("\tGlobalSection(ProjectConfigurationPlatforms) = postSolution\r\n");
        foreach (var (_, _, id) in ids)
        {
            foreach (var configuration in new[] { "Debug", "Release" })
            {
                text.Append("\t\t").Append(id).Append('.').Append(configuration).Append("|Any CPU.ActiveCfg = ").Append(configuration).Append("|Any CPU\r\n");
                text.Append("\t\t").Append(id).Append('.').Append(configuration).Append("|Any CPU.Build.0 = ").Append(configuration).Append("|Any CPU\r\n");
            }
        }

        text.Append("\tEndGlobalSection\r\nEndGlobal\r\n");
        return text.ToString();
    }
}
