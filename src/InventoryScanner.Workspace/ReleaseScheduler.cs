using Microsoft.CodeAnalysis;

namespace InventoryScanner.Workspace;

/// <summary>
/// Orders projects dependencies-first and keeps the solution snapshot that workers take compilations from. A project
/// is removed from the snapshot once it and every project to be analysed that depends on it are done, so its
/// compilation (and the snapshots that held it) can be collected: memory follows the work in flight, not the solution.
/// </summary>
internal sealed class ReleaseScheduler
{
    private readonly Lock _gate = new();
    private readonly HashSet<ProjectId> _toAnalyze;
    private readonly HashSet<ProjectId> _done = [];
    private readonly Dictionary<ProjectId, List<ProjectId>> _dependents = [];
    private readonly Dictionary<ProjectId, List<ProjectId>> _dependencies = [];
    private Solution? _current;

    /// <param name="solution">The loaded projects; null when none was loaded (then every project is analysed from its sources).</param>
    public ReleaseScheduler(Solution? solution, IEnumerable<ProjectId> toAnalyze)
    {
        _current = solution;
        _toAnalyze = [.. toAnalyze];
        if (solution is null)
        {
            return;
        }

        var graph = solution.GetProjectDependencyGraph();
        foreach (var project in solution.ProjectIds)
        {
            var dependencies = graph.GetProjectsThatThisProjectTransitivelyDependsOn(project).ToList();
            _dependencies[project] = dependencies;
            foreach (var dependency in dependencies)
            {
                if (!_dependents.TryGetValue(dependency, out var list))
                {
                    _dependents[dependency] = list = [];
                }

                list.Add(project);
            }
        }
    }

    /// <summary>
    /// Projects in dependency order (dependencies first); then the projects that did not load, largest first. Those are
    /// analysed from their sources alone, each on its own: started largest first, the longest does not begin last and
    /// keep one worker busy while the others wait (all of a --no-build-eval scan).
    /// </summary>
    public IEnumerable<ProjectFile> Order(IEnumerable<ProjectFile> files, IReadOnlyDictionary<string, ProjectId> ids)
    {
        var order = (_current?.GetProjectDependencyGraph().GetTopologicallySortedProjects() ?? [])
            .Select((id, index) => (id, index))
            .ToDictionary(pair => pair.id, pair => pair.index);
        var unloaded = files.Where(file => !ids.ContainsKey(file.Path)).ToDictionary(file => file.Path, SourceFallback.SourceSize, StringComparer.Ordinal);
        return files
            .OrderBy(file => ids.TryGetValue(file.Path, out var id) && order.TryGetValue(id, out var index) ? index : int.MaxValue)
            .ThenByDescending(file => unloaded.GetValueOrDefault(file.Path))
            .ToList();
    }

    public Solution Snapshot()
    {
        lock (_gate)
        {
            return _current ?? throw new InvalidOperationException("no project was loaded: there is no solution to take a compilation from");
        }
    }

    public void Done(ProjectId project)
    {
        lock (_gate)
        {
            _done.Add(project);
            foreach (var candidate in _dependencies[project].Append(project))
            {
                if (_current is not null && _current.ContainsProject(candidate) && IsReleasable(candidate))
                {
                    _current = _current.RemoveProject(candidate);
                }
            }
        }
    }

    /// <summary>Nothing still to be analysed needs this project: not itself, and none of its dependents.</summary>
    private bool IsReleasable(ProjectId project) =>
        (!_toAnalyze.Contains(project) || _done.Contains(project))
        && (!_dependents.TryGetValue(project, out var dependents) || dependents.All(d => !_toAnalyze.Contains(d) || _done.Contains(d)));
}
