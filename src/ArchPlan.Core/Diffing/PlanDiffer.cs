using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Infrastructure;
using ArchPlan.Model;

namespace ArchPlan.Diffing;

/// <summary>Options of a diff.</summary>
public sealed record DiffOptions
{
    /// <summary>The environment the infrastructure is for (dev, staging, prod, ...), when its stack names do not say.</summary>
    public string? Environment { get; init; }
}

/// <summary>Compares a plan with the infrastructure read from a template, cloud assembly or CDK source.</summary>
public static partial class PlanDiffer
{
    /// <summary>Compares <paramref name="plan"/> with <paramref name="infra"/>; the findings come security first.</summary>
    public static DiffReport Diff(Plan plan, InfraModel infra, ImmutableArray<Diagnostic> diagnostics = default, DiffOptions? options = null)
    {
        var groups = StackGroups.Of(plan, infra, options?.Environment);
        var notes = new DiagnosticBag();
        var collected = new List<(DiffFinding Finding, string Key, int Group)>();
        var notCompared = new SortedDictionary<int, EnvVariable>();
        var resourcesNotCompared = false;
        for (var g = 0; g < groups.Count; g++)
        {
            var context = new DiffContext(plan, groups[g], infra);
            var resourceMatches = MatchResources(context);
            DiffVariables(context, resourceMatches);
            DiffValues(context, resourceMatches, notCompared);
            DiffSecrets(context);
            collected.AddRange(context.Findings.Select(f => (f.Finding, f.Key, g)));
            resourcesNotCompared |= context.ResourcesNotCompared;
        }
        if (groups.Count > 1)
        {
            var context = new DiffContext(plan, new StackGroup(null, infra, new Dictionary<string, string>(), new StackComparison(null, EquatableArray<string>.Empty)), infra);
            DiffSecretsOfEnvironmentsWithoutStacks(context, groups);
            collected.AddRange(context.Findings.Select(f => (f.Finding, f.Key, -1)));
        }
        if (notCompared.Count > 0)
        {
            var first = notCompared.Values.First();
            notes.Add(DiagnosticCatalog.DiffValuesNotCompared, first.Location, List(notCompared.Values.Select(v => v.Name)),
                "the infrastructure does not say which environment it is for");
        }
        if (resourcesNotCompared)
        {
            notes.Add(DiagnosticCatalog.DiffResourcesNotCompared, plan.Sections.AwsResources ?? plan.Sections.Infrastructure ?? SourceLocation.OfFile(plan.FilePath));
        }

        var findings = Merge(collected, groups);
        var ordered = findings
            .Select((f, i) => (f, i))
            .OrderBy(x => x.f.Section)
            .ThenBy(x => x.f.Kind)
            .ThenBy(x => x.f.PlanLocation.Line)
            .ThenBy(x => x.f.Group, StringComparer.Ordinal)
            .ThenBy(x => x.f.Subject, StringComparer.Ordinal)
            .ThenBy(x => x.i)
            .Select(x => x.f);
        var all = (diagnostics.IsDefault ? [] : diagnostics).AddRange(notes.ToImmutableSorted());
        return new DiffReport(plan.FilePath, infra.Path, ordered.ToEquatableArray(), all)
        {
            SourceKind = infra.SourceKind,
            ReadPath = infra.ReadPath,
            SourceFiles = infra.SourceFiles,
            SourceEnvironment = infra.SelectedEnvironment,
            Stacks = infra.StackDetails.Count > 0 ? infra.StackDetails.Select(s => s.Label ?? s.Id).ToEquatableArray() : infra.Stacks,
            Comparisons = groups.Select(g => g.Comparison).ToEquatableArray(),
        };
    }

    /// <summary>
    /// One finding per difference: what several comparisons found alike (a variable missing in dev and in prod, an
    /// unplanned bucket in every environment's stack) is reported once, naming the environments when not all.
    /// </summary>
    private static List<DiffFinding> Merge(List<(DiffFinding Finding, string Key, int Group)> collected, List<StackGroup> groups)
    {
        if (groups.Count == 1)
        {
            return [.. collected.Select(c => c.Finding)];
        }
        var byKey = new Dictionary<string, (DiffFinding Finding, SortedSet<int> Groups)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (finding, key, group) in collected)
        {
            if (!byKey.TryGetValue(key, out var entry))
            {
                entry = (finding, new SortedSet<int>());
                byKey[key] = entry;
                order.Add(key);
            }
            entry.Groups.Add(group);
        }
        return [.. order.Select(key =>
        {
            var (finding, found) = byKey[key];
            // Group -1 holds what was compared across all of the app (the secrets of environments without a stack).
            return found.Count == groups.Count || found.Contains(-1)
                ? finding
                : finding with { Environment = string.Join(", ", found.Select(g => groups[g].Environment ?? "shared")) };
        })];
    }

    /// <summary>One comparison's state: the plan, the stacks compared, and what was found.</summary>
    private sealed class DiffContext
    {
        private readonly HashSet<string> _secretArnVariables = new(StringComparer.Ordinal);

        public DiffContext(Plan plan, StackGroup group, InfraModel all)
        {
            Plan = plan;
            Group = group;
            AllInfra = all;

            // Names the plan gives variables: rows, their aliases, and build-time settings (never expected on compute,
            // never unplanned when found there).
            foreach (var variable in plan.Variables.Concat(plan.BuildTimeVariables))
            {
                PlannedVariableNames.Add(variable.Name);
                PlannedVariableNames.UnionWith(variable.Aliases);
            }

            // Secrets the plan names: its Secrets table, and the secrets its variable rows name.
            foreach (var secret in plan.Secrets)
            {
                PlannedSecretNames.Add(secret.Name);
            }
            foreach (var value in plan.Variables.SelectMany(v => new[] { v.Value }.Concat(v.PerEnvironment.Select(e => e.Value))))
            {
                if (value.Secret is { } name)
                {
                    PlannedSecretNames.Add(name);
                }
            }

            foreach (var secret in PlannedSecretNames)
            {
                if (NamePattern(secret) is { } pattern)
                {
                    SecretPatterns.Add((secret, pattern));
                }
            }
            foreach (var variable in plan.Variables.Concat(plan.BuildTimeVariables))
            {
                if (variable.Name.Contains('*', StringComparison.Ordinal) && NamePattern(variable.Name) is { } family)
                {
                    VariableFamilies.Add(family);
                }
            }

            // What the document names in code spans outside its tables and lists (a paragraph's `estuary-crawler`, a
            // family `ESTUARY_*`): not planned, but not "not in the plan" either.
            foreach (var mention in plan.Mentions)
            {
                if (mention.Text.Contains('*', StringComparison.Ordinal))
                {
                    if (FamilyPrefix().IsMatch(mention.Text) && NamePattern(mention.Text) is { } family)
                    {
                        MentionedFamilies.Add(family);
                    }
                    continue;
                }
                if (VariableName().IsMatch(mention.Text))
                {
                    MentionedVariables.TryAdd(mention.Text, mention.Location);
                }
                // A resource is named by at least two words (`estuary-crawler`): one word (`search`, `app`) says too little.
                else if (NameMatcher.Words(mention.Text).Count >= 2
                    && !string.Equals(NameMatcher.Normalize(mention.Text), NameMatcher.Normalize(plan.Product ?? ""), StringComparison.Ordinal))
                {
                    _resourceMentions.Add(mention.Text);
                }
            }

            // The generator gives a Lambda function each planned secret no variable names as <SECRET>_SECRET_ARN.
            foreach (var secret in PlannedSecretNames)
            {
                foreach (var identifier in SecretIdentifiers(secret, plan.Product))
                {
                    _secretArnVariables.Add(identifier + SecretArnSuffix);
                }
            }
        }

        public Plan Plan { get; }

        private readonly List<string> _resourceMentions = [];
        private readonly Dictionary<ResourceKind, HashSet<string>> _resourceMentionForms = [];

        /// <summary>Variable names the document writes in code spans outside tables and lists, with the first place.</summary>
        public Dictionary<string, SourceLocation> MentionedVariables { get; } = new(StringComparer.Ordinal);

        /// <summary>Families the document names by prefix in a code span (<c>ESTUARY_*</c>).</summary>
        public List<Regex> MentionedFamilies { get; } = [];

        /// <summary>True when the document names the variable, or its family, somewhere outside its tables and lists.</summary>
        public bool IsMentionedVariable(string name) => MentionedVariables.ContainsKey(name) || MentionedFamilies.Exists(f => f.IsMatch(name));

        /// <summary>True when the document names the resource in a code span (a paragraph's <c>`estuary-crawler`</c>).</summary>
        public bool IsMentionedResource(InfraResource resource)
        {
            if (_resourceMentions.Count == 0)
            {
                return false;
            }
            if (!_resourceMentionForms.TryGetValue(resource.Kind, out var forms))
            {
                forms = new HashSet<string>(StringComparer.Ordinal);
                foreach (var mention in _resourceMentions)
                {
                    forms.UnionWith(NameMatcher.PlanNames(mention, resource.Kind, Plan.Product));
                }
                _resourceMentionForms[resource.Kind] = forms;
            }
            return NameMatcher.InfraNames(resource.LogicalId, resource.CdkPath, resource.PhysicalName, resource.Kind, Plan.Product).Overlaps(forms);
        }

        public StackGroup Group { get; }

        public InfraModel Infra => Group.Infra;

        /// <summary>Everything read, when <see cref="Infra"/> is one environment's part of it.</summary>
        public InfraModel AllInfra { get; }

        public List<(DiffFinding Finding, string Key)> Findings { get; } = [];

        public HashSet<string> PlannedVariableNames { get; } = new(StringComparer.Ordinal);

        private ScopeIndex? _scopes;

        /// <summary>The scope index of this comparison (built on first use, after resources are matched).</summary>
        public ScopeIndex Scopes(Dictionary<PlannedResource, List<InfraResource>> resourceMatches) =>
            _scopes ??= new ScopeIndex(Plan, [.. Infra.Compute.Where(c => !c.IsHelper)], resourceMatches);

        /// <summary>True when the infrastructure has resources but the plan lists none to compare them with.</summary>
        public bool ResourcesNotCompared { get; set; }

        public HashSet<string> PlannedSecretNames { get; } = new(StringComparer.Ordinal);

        /// <summary>Planned names with a placeholder (<c>acme/&lt;stage&gt;/api-key</c>, <c>APP_*</c>) as patterns.</summary>
        public List<(string Name, Regex Pattern)> SecretPatterns { get; } = [];

        public List<Regex> VariableFamilies { get; } = [];

        /// <summary>Secret names match exactly, with the 6-character suffix a complete ARN adds, or a planned name's pattern.</summary>
        public bool IsPlannedSecret(string name) =>
            PlannedSecretNames.Contains(name)
            || (name.Length > 7 && name[^7] == '-' && PlannedSecretNames.Contains(name[..^7]))
            || SecretPatterns.Exists(p => p.Pattern.IsMatch(name));

        /// <summary>True when a variable belongs to a family the plan names by prefix (<c>ESTUARY_*</c>).</summary>
        public bool InPlannedFamily(string name) => VariableFamilies.Exists(f => f.IsMatch(name));

        /// <summary>
        /// True for a variable that only carries a planned secret's ARN to the code (<c>STRIPE_API_KEY_SECRET_ARN</c>):
        /// it is how the compute reaches the secret, not a setting of its own.
        /// </summary>
        public bool IsSecretReference(InfraVariable variable) =>
            variable.Name.EndsWith(SecretArnSuffix, StringComparison.Ordinal)
            && (_secretArnVariables.Contains(variable.Name)
                || (variable.Value.Kind == InfraValueKind.Secret && variable.Value.SecretName is { } secret && IsPlannedSecret(secret)));

        public SourceLocation Section(SourceLocation? section) => section ?? SourceLocation.OfFile(Plan.FilePath);

        /// <summary>Adds a finding; <paramref name="key"/> tells it apart from the other findings (it defaults to kind and subject).</summary>
        public void Add(FindingKind kind, DiagnosticDescriptor descriptor, string subject, SourceLocation plan, InfraLocation? infra, string? group,
            object?[] args, string? key = null, string? environment = null)
        {
            args = DiagnosticDescriptor.SafeArguments(args);
            var finding = new DiffFinding(kind, descriptor, subject,
                string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, args),
                string.Format(CultureInfo.InvariantCulture, descriptor.HelpFormat, args),
                plan, infra, group) { Environment = environment };
            Findings.Add((finding, $"{kind}|{descriptor.Id}|{key ?? subject}"));
        }
    }

    /// <summary>
    /// The identifiers a secret's name becomes in a variable name: <c>payments/stripe/api-key</c> of product
    /// <c>payments</c> → <c>STRIPE_API_KEY</c> (and <c>PAYMENTS_STRIPE_API_KEY</c>).
    /// </summary>
    internal static IEnumerable<string> SecretIdentifiers(string secret, string? product)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal);
        void Add(string name)
        {
            var upper = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_')]);
            forms.Add(upper);
            forms.Add(string.Join('_', upper.Split('_', StringSplitOptions.RemoveEmptyEntries)));
        }
        Add(secret);
        if (product is not null && secret.StartsWith(product + "/", StringComparison.OrdinalIgnoreCase))
        {
            Add(secret[(product.Length + 1)..]);
        }
        return forms;
    }

    /// <summary>
    /// A name with placeholders as a pattern (<c>acme/&lt;stage&gt;/key</c>, <c>acme/{env}/key</c>, <c>acme/${STAGE}/key</c>,
    /// <c>APP_*</c>); null for a plain name.
    /// </summary>
    internal static Regex? NamePattern(string name)
    {
        var parts = Placeholders().Split(name);
        if (parts.Length == 1)
        {
            return null;
        }
        var pattern = "^" + string.Join("[^/]+", parts.Select(Regex.Escape)) + "$";
        return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    [GeneratedRegex(@"<[^<>/]+>|\$\{[^{}/]+\}|\{[^{}/]+\}|\*")]
    private static partial Regex Placeholders();

    /// <summary>An environment variable's shape: upper case, digits and underscores (<c>REEF_CLIENT_ID</c>).</summary>
    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(?:_+[A-Z0-9]+)+_*$|^[A-Z][A-Z0-9]{2,}$")]
    private static partial Regex VariableName();

    /// <summary>A family of variables named by prefix: <c>ESTUARY_*</c>, <c>REEF_DB_*</c>.</summary>
    [GeneratedRegex(@"^[A-Z][A-Z0-9]*_[A-Z0-9_]*\*$")]
    private static partial Regex FamilyPrefix();

    private static string List(IEnumerable<string> names)
    {
        var distinct = names.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count <= 4 ? string.Join(", ", distinct) : $"{string.Join(", ", distinct.Take(3))} and {distinct.Count - 3} more";
    }
}
