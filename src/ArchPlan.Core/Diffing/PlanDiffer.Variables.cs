using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Infrastructure;
using ArchPlan.Model;

namespace ArchPlan.Diffing;

/// <summary>Environment variables: planned ones set nowhere or only on some compute, and set ones the plan lacks.</summary>
public static partial class PlanDiffer
{
    // Variables CDK sets on functions by itself.
    private static readonly HashSet<string> CdkVariables = new(StringComparer.Ordinal) { "AWS_NODEJS_CONNECTION_REUSE_ENABLED" };

    private const string SecretArnSuffix = "_SECRET_ARN";

    // Variables the runtime gives every function and task (from its role and region): a plan may document them, but
    // nobody sets them, so they are never missing.
    private static readonly HashSet<string> RuntimeVariables = new(StringComparer.Ordinal)
    {
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_LOG_GROUP_NAME",
        "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_LAMBDA_RUNTIME_API", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "ECS_CONTAINER_METADATA_URI",
        "ECS_CONTAINER_METADATA_URI_V4", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "_HANDLER", "_X_AMZN_TRACE_ID", "TZ",
    };

    private static void DiffVariables(DiffContext context, Dictionary<PlannedResource, List<InfraResource>> resourceMatches)
    {
        var plan = context.Plan;
        var compute = context.Infra.Compute.Where(c => !c.IsHelper).ToList();
        var scopes = context.Scopes(resourceMatches);

        // Per-environment tables list a variable once per environment: compare each name once, at its first row.
        var planned = plan.Variables
            .GroupBy(v => v.Name, StringComparer.Ordinal)
            .Select(g => (First: g.First(), All: g.ToList()))
            .ToList();
        var plannedNames = context.PlannedVariableNames;

        // The compute resources (by position) that set each name, so a planned variable looks only at those: asking
        // every compute resource about every variable made diff grow with their product.
        var settingName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < compute.Count; i++)
        {
            foreach (var v in compute[i].Environment.Concat(compute[i].Secrets))
            {
                var list = settingName.ListFor(v.Name);
                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }
        }

        foreach (var (variable, rows) in planned)
        {
            // A family named by its prefix (APP_*) is never one variable to look for.
            if (variable.Name.Contains('*', StringComparison.Ordinal))
            {
                continue;
            }
            var names = NamesOf(rows);
            var fromSecret = rows.Any(r => IsFromSecret(r));
            var hits = new List<(ComputeResource Compute, InfraVariable Variable)>();
            var setting = new SortedSet<int>();
            foreach (var name in names)
            {
                setting.UnionWith(settingName.GetValueOrDefault(name) ?? []);
                setting.UnionWith(settingName.GetValueOrDefault(name + SecretArnSuffix) ?? []);
            }
            foreach (var i in setting)
            {
                var hit = Lookup(compute[i], names);
                if (hit is not null)
                {
                    hits.Add((compute[i], hit));
                }
            }
            // Lookup depends only on a compute resource's content, so a set by reference tells hits apart exactly.
            var withHit = hits.Select(h => h.Compute).ToHashSet(ReferenceEqualityComparer.Instance);

            if (hits.Count == 0 && RuntimeVariables.Contains(variable.Name))
            {
                continue;
            }
            // The app leaves it unset on purpose (a generated app marks an optional variable the deployment gave no
            // value): declared, so no drift.
            if (hits.Count == 0 && compute.Exists(c => c.UnsetOnPurpose.Any(names.Contains)))
            {
                continue;
            }
            // Missing from this environment's stacks but set in another's: it is set on only some compute.
            if (hits.Count == 0 && !ReferenceEquals(context.Group.Infra, context.AllInfra) && SetElsewhere(context, names) is { Count: > 0 } elsewhere)
            {
                var here = variable.Scope.Count == 0 ? compute : compute.Where(c => scopes.InScope(c, variable.Scope)).ToList();
                if (here.Count > 0)
                {
                    context.Add(FindingKind.VariableOnSomeCompute, DiagnosticCatalog.DiffVariableOnSomeCompute, variable.Name,
                        variable.Location, here[0].Location, null, [variable.Name, List(elsewhere), List(here.Select(c => $"{c.Stack}/{c.DisplayName}"))]);
                }
                continue;
            }
            if (hits.Count == 0)
            {
                context.Add(FindingKind.VariableNotSet, DiagnosticCatalog.DiffVariableNotSet, variable.Name,
                    variable.Location, null, null, [variable.Name]);
                continue;
            }

            foreach (var (c, hit) in hits)
            {
                // A container can carry the name twice (a secret and a plain variable): the literal one is the leak.
                var literal = c.Environment.FirstOrDefault(e => names.Contains(e.Name) && e.Value.Kind == InfraValueKind.Literal);
                if (fromSecret && literal is not null)
                {
                    var secret = rows.Select(r => SecretOf(r)).FirstOrDefault(s => s is not null) ?? "?";
                    context.Add(FindingKind.SecretSetAsLiteral, DiagnosticCatalog.DiffSecretSetAsLiteral, variable.Name,
                        variable.ValueLocation.File is null ? variable.Location : variable.ValueLocation, literal.Location, null,
                        [literal.Name, secret, c.DisplayName], key: $"{variable.Name}|{c.DisplayName}");
                }
                if (rows.Any(r => r.Required == Requirement.Required) && hit.Value.Kind == InfraValueKind.Literal && string.IsNullOrWhiteSpace(hit.Value.Text))
                {
                    context.Add(FindingKind.RequiredVariableEmpty, DiagnosticCatalog.DiffRequiredVariableEmpty, variable.Name,
                        variable.Location, hit.Location, null, [variable.Name, c.DisplayName], key: $"{variable.Name}|{c.DisplayName}");
                }
            }

            // Without a scope, a variable is expected everywhere only when its table says where each one goes (a Used by
            // column, "all" in it): a plain list of a service's variables says nothing about which compute reads which.
            if (variable.Scope.Count == 0 && !ScopeIsStated(plan, variable))
            {
                continue;
            }
            var expected = variable.Scope.Count == 0
                ? compute
                : compute.Where(c => scopes.InScope(c, variable.Scope)).ToList();
            var missing = expected.Where(c => !withHit.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                context.Add(FindingKind.VariableOnSomeCompute, DiagnosticCatalog.DiffVariableOnSomeCompute, variable.Name,
                    variable.Location, missing[0].Location, null,
                    [variable.Name, List(hits.Select(h => h.Compute.DisplayName)), List(missing.Select(m => m.DisplayName))]);
            }
        }

        // Variables the infrastructure sets that the plan does not name, once per name.
        var unplanned = new Dictionary<string, List<(ComputeResource Compute, InfraVariable Variable)>>(StringComparer.Ordinal);
        foreach (var c in compute)
        {
            foreach (var v in c.Environment.Concat(c.Secrets))
            {
                if (IsPlanned(v.Name, plannedNames) || CdkVariables.Contains(v.Name) || context.IsSecretReference(v) || context.InPlannedFamily(v.Name)
                    || context.IsMentionedVariable(v.Name))
                {
                    continue;
                }
                var list = unplanned.ListFor(v.Name);
                list.Add((c, v));
            }
        }
        // A variable the document names only in prose is not compared with each compute, but one an environment's
        // stacks lack while another's set it on the same construct is still missing there.
        if (!ReferenceEquals(context.Group.Infra, context.AllInfra))
        {
            foreach (var (name, location) in context.MentionedVariables)
            {
                if (IsPlanned(name, plannedNames) || settingName.ContainsKey(name))
                {
                    continue;
                }
                var names = new HashSet<string>(StringComparer.Ordinal) { name };
                var setters = context.AllInfra.Compute.Where(c => !c.IsHelper && Lookup(c, names) is not null).Select(c => c.LogicalId).ToHashSet(StringComparer.Ordinal);
                var here = compute.Where(c => setters.Contains(c.LogicalId)).ToList();
                if (here.Count > 0 && SetElsewhere(context, names) is { Count: > 0 } elsewhere)
                {
                    context.Add(FindingKind.VariableOnSomeCompute, DiagnosticCatalog.DiffVariableOnSomeCompute, name,
                        location, here[0].Location, null, [name, List(elsewhere), List(here.Select(c => $"{c.Stack}/{c.DisplayName}"))]);
                }
            }
        }

        var section = context.Section(plan.Sections.EnvironmentVariables ?? plan.Sections.Configuration);
        foreach (var (name, list) in unplanned)
        {
            context.Add(FindingKind.VariableNotPlanned, DiagnosticCatalog.DiffVariableNotPlanned, name,
                section, list[0].Variable.Location, null, [name, List(list.Select(l => l.Compute.DisplayName))]);
        }
    }

    /// <summary>
    /// True when the row's table has a column saying which compute each variable is for, or the row comes from no
    /// table (a code block of defaults every function shares, a list): the reader scopes those it can tell apart.
    /// </summary>
    private static bool ScopeIsStated(Plan plan, EnvVariable row) =>
        row.TableIndex < 0 || row.TableIndex >= plan.Tables.Count
        || plan.Tables[row.TableIndex].Columns.Any(c => c.Role == ColumnRole.Scope);

    /// <summary>The compute outside the stacks compared that sets one of <paramref name="names"/>, as <c>stack/compute</c>.</summary>
    private static List<string> SetElsewhere(DiffContext context, HashSet<string> names)
    {
        var here = context.Group.Infra.Compute.ToHashSet(ReferenceEqualityComparer.Instance);
        return [.. context.AllInfra.Compute
            .Where(c => !c.IsHelper && !here.Contains(c) && Lookup(c, names) is not null)
            .Select(c => $"{c.Stack}/{c.DisplayName}")];
    }

    /// <summary>The names a variable goes by: its own and the aliases its rows give.</summary>
    private static HashSet<string> NamesOf(IEnumerable<EnvVariable> rows)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            names.Add(row.Name);
            names.UnionWith(row.Aliases);
        }
        return names;
    }

    private static bool IsFromSecret(EnvVariable variable) =>
        variable.Value.Kind == ValueKind.FromSecret || variable.PerEnvironment.Any(e => e.Value.Kind == ValueKind.FromSecret);

    private static string? SecretOf(EnvVariable variable) =>
        new[] { variable.Value }.Concat(variable.PerEnvironment.Select(e => e.Value))
            .Where(v => v.Kind == ValueKind.FromSecret)
            .Select(v => v.Secret is null ? null : v.SecretField is null ? v.Secret : $"{v.Secret}:{v.SecretField}")
            .FirstOrDefault(s => s is not null);

    /// <summary>
    /// Where a compute resource gets a planned variable: the variable itself (or an alias), a container secret of that
    /// name, or (the generator's form for Lambda) <c>NAME_SECRET_ARN</c> holding the secret's ARN.
    /// </summary>
    private static InfraVariable? Lookup(ComputeResource compute, HashSet<string> names) =>
        compute.Secrets.FirstOrDefault(s => names.Contains(s.Name))
        ?? compute.Environment.FirstOrDefault(e => names.Contains(e.Name))
        ?? compute.Environment.FirstOrDefault(e => e.Name.EndsWith(SecretArnSuffix, StringComparison.Ordinal) && names.Contains(e.Name[..^SecretArnSuffix.Length]));

    private static bool IsPlanned(string name, HashSet<string> plannedNames) =>
        plannedNames.Contains(name)
        || (name.EndsWith(SecretArnSuffix, StringComparison.Ordinal) && plannedNames.Contains(name[..^SecretArnSuffix.Length]));

    /// <summary>
    /// Which compute each scope word (a plan resource, a component, a handler file) names: through the plan resource
    /// it matched, or by the compute's own names. Built once per comparison and word, so asking about every compute
    /// for every scoped variable stays linear (it asked every plan resource each time).
    /// </summary>
    private sealed class ScopeIndex(Plan plan, List<ComputeResource> compute, Dictionary<PlannedResource, List<InfraResource>> resourceMatches)
    {
        private readonly Dictionary<string, HashSet<ComputeResource>> _byWord = new(StringComparer.Ordinal);
        private Dictionary<string, List<PlannedResource>>? _plannedByName;
        private List<HashSet<string>>? _computeNames;

        /// <summary>True when a word of <paramref name="scope"/> names <paramref name="target"/>.</summary>
        public bool InScope(ComputeResource target, EquatableArray<string> scope) => scope.Any(word => Named(word).Contains(target));

        /// <summary>True when some word of <paramref name="scope"/> names some compute of this comparison.</summary>
        public bool NamesAny(EquatableArray<string> scope) => scope.Any(word => Named(word).Count > 0);

        private HashSet<ComputeResource> Named(string word)
        {
            if (_byWord.TryGetValue(word, out var named))
            {
                return named;
            }
            named = new HashSet<ComputeResource>(ReferenceEqualityComparer.Instance);
            _computeNames ??= [.. compute.Select(c =>
            {
                var names = NameMatcher.InfraNames(c.LogicalId, c.CdkPath, null, c.Kind, plan.Product);
                if (c.ContainerName is not null)
                {
                    names.UnionWith(NameMatcher.PlanNames(c.ContainerName, c.Kind, plan.Product));
                }
                return names;
            })];
            _plannedByName ??= resourceMatches.Keys.GroupBy(p => NameMatcher.Normalize(p.Name), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

            // A handler file such as "snapshot.py" names its component by the file's stem.
            var stem = Path.GetFileNameWithoutExtension(word);
            var byKind = new Dictionary<ResourceKind, HashSet<string>>();
            for (var i = 0; i < compute.Count; i++)
            {
                if (!byKind.TryGetValue(compute[i].Kind, out var forms))
                {
                    forms = NameMatcher.PlanNames(word, compute[i].Kind, plan.Product);
                    forms.UnionWith(NameMatcher.PlanNames(stem, compute[i].Kind, plan.Product));
                    byKind[compute[i].Kind] = forms;
                }
                if (_computeNames[i].Overlaps(forms))
                {
                    named.Add(compute[i]);
                }
            }
            var matchedIds = new HashSet<(string, string?)>();
            foreach (var key in new[] { NameMatcher.Normalize(word), NameMatcher.Normalize(stem) }.Distinct(StringComparer.Ordinal))
            {
                foreach (var planned in _plannedByName.GetValueOrDefault(key) ?? [])
                {
                    matchedIds.UnionWith(resourceMatches[planned].Select(r => (r.LogicalId, r.Stack)));
                }
            }
            if (matchedIds.Count > 0)
            {
                named.UnionWith(compute.Where(c => matchedIds.Contains((c.LogicalId, c.Stack))));
            }
            _byWord[word] = named;
            return named;
        }
    }
}
