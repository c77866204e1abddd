using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Generation.Naming;
using ArchPlan.Generation.ViewModel;
using ArchPlan.Kinds;
using ArchPlan.Model;
using ArchPlan.Validation;

namespace ArchPlan.Generation.Planning;

// Variables and secrets: where each value comes from and which computes get it.
internal sealed partial class StackPlanner
{
    // ----- secrets -----

    [GeneratedRegex("^[A-Za-z0-9/_+=.@-]+\\z")]
    private static partial Regex SecretNamePattern();

    [GeneratedRegex("-[A-Za-z0-9]{6}\\z")]
    private static partial Regex SecretSuffixPattern();

    private void CheckSecretName(string name, SourceLocation location)
    {
        if (!SecretNamePattern().IsMatch(name))
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationSecretNameInvalid, location, name);
        }
        if (SecretSuffixPattern().IsMatch(name))
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationSecretNameSuffix, location, name);
        }
    }

    private SecretView ImportSecret(string name)
    {
        // A secret the plan names once per environment is one secret of the stack, its name picked per environment.
        var logical = _secretGroups.TryGetValue(name, out var group) ? group : null;
        var key = logical?.Name ?? name;
        if (_secrets.TryGetValue(key, out var existing))
        {
            return existing;
        }
        var member = _members.Claim(CSharpNames.WithSuffix(key, "Secret", "Secret"));
        var view = logical is null
            ? new SecretView(member, Id(member), name, name + ":arn")
            : new SecretView(member, Id(member), logical.Name, logical.Name + ":arn", logical.Name + ":name");
        _secrets[key] = view;
        _secretOrder.Add(view);
        return view;
    }

    /// <summary>A secret the plan gives one name per environment (a per-environment Secrets table): the name without the environment, and each environment's name.</summary>
    private sealed record SecretGroup(string Name, IReadOnlyList<(string Environment, string Name)> ByEnvironment);

    private readonly Dictionary<string, SecretGroup> _secretGroups = new(StringComparer.Ordinal);

    /// <summary>Groups the secrets that stand for one secret in several environments (<c>shop/prod/stripe</c>, <c>shop/dev/stripe</c>).</summary>
    private void GroupSecretsByEnvironment()
    {
        var byLogical = new Dictionary<string, List<(string Environment, string Name)>>(StringComparer.Ordinal);
        foreach (var secret in _plan.Secrets.Where(s => !string.IsNullOrWhiteSpace(s.Environment)))
        {
            var logical = WithoutEnvironment(secret.Name, secret.Environment!);
            var list = byLogical.ListFor(logical);
            if (!list.Any(x => x.Name == secret.Name))
            {
                list.Add((secret.Environment!, secret.Name));
            }
        }
        foreach (var (logical, members) in byLogical)
        {
            var group = new SecretGroup(logical, members);
            foreach (var (_, name) in members)
            {
                _secretGroups[name] = group;
            }
        }
    }

    /// <summary>The secret's name with the environment's segment taken out: <c>shop/prod/stripe</c> → <c>shop/stripe</c>, <c>stripe-prod</c> → <c>stripe</c>.</summary>
    internal static string WithoutEnvironment(string name, string environment)
    {
        var parts = SecretNameParts().Split(name);
        var keep = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            var isSeparator = i % 2 == 1;
            if (!isSeparator && string.Equals(parts[i], environment, StringComparison.OrdinalIgnoreCase))
            {
                // Drop the segment and the separator that joined it.
                if (keep.Length > 0 && i > 0)
                {
                    keep.Length -= parts[i - 1].Length;
                }
                else if (i + 1 < parts.Length)
                {
                    i++;
                }
                continue;
            }
            keep.Append(parts[i]);
        }
        var result = keep.ToString().Trim('/', '-', '_', '.');
        return result.Length == 0 ? name : result;
    }

    [GeneratedRegex("([/_.-])")]
    private static partial Regex SecretNameParts();

    // ----- variables -----

    private sealed record Source(string Kind, string Expression = "", string Phrase = "", Node? Resource = null,
        SecretView? Secret = null, string? Field = null, string Description = "");

    private IReadOnlyList<SettingView> PlanVariables(out string contextJson, out IReadOnlyList<string> environments)
    {
        var settings = new List<SettingView>();
        var settingScope = new NameScope("Load", "Optional", "Required", "EnvironmentName", "ToString", "Equals", "GetHashCode", "GetType");
        var seen = new Dictionary<string, EnvVariable>(StringComparer.Ordinal);
        var computes = _nodes.Where(n => n.IsCompute).ToList();
        var envNames = _plan.Environments.ToList();
        foreach (var variable in _plan.Variables)
        {
            foreach (var value in variable.PerEnvironment)
            {
                if (!envNames.Contains(value.Environment, StringComparer.Ordinal))
                {
                    envNames.Add(value.Environment);
                }
            }
        }
        foreach (var group in _secretGroups.Values.Distinct())
        {
            foreach (var (environment, _) in group.ByEnvironment)
            {
                if (!envNames.Contains(environment, StringComparer.Ordinal))
                {
                    envNames.Add(environment);
                }
            }
        }
        environments = envNames;

        var topLevel = new List<(string Key, string Value)>();
        var perEnvironment = envNames.ToDictionary(e => e, _ => new List<(string Key, string Value)>(), StringComparer.Ordinal);
        if (_plan.Variables.Count > 0 && computes.Count == 0)
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationNoCompute, _plan.Variables[0].Location);
        }

        foreach (var variable in _plan.Variables)
        {
            if (!seen.TryAdd(variable.Name, variable))
            {
                _diagnostics.Add(DiagnosticCatalog.GenerationDuplicateVariable, variable.Location, variable.Name);
                continue;
            }

            var source = ResolveSource(variable);
            var targets = ResolveScope(variable, computes);
            if (source.Kind is "setting" or "external")
            {
                var key = variable.Name;
                if (key is EnvironmentKey or EnvironmentsKey)
                {
                    key = "var:" + key;
                    _diagnostics.Add(DiagnosticCatalog.GenerationReservedContextKey, variable.Location, variable.Name, key);
                }
                var perEnvValues = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var envValue in variable.PerEnvironment)
                {
                    if (envValue.Value.Kind == ValueKind.Literal && envValue.Value.Text is { } text)
                    {
                        perEnvValues.TryAdd(envValue.Environment, text);
                    }
                    else if (envValue.Value.Kind != ValueKind.None)
                    {
                        _diagnostics.Add(DiagnosticCatalog.GenerationEnvironmentValueIgnored, envValue.Location, variable.Name, envValue.Environment);
                    }
                }
                var defaultValue = variable.Value.Kind == ValueKind.Literal ? variable.Value.Text : null;
                var isPerEnvironment = perEnvValues.Count > 0;
                if (isPerEnvironment)
                {
                    foreach (var env in envNames)
                    {
                        var value = perEnvValues.GetValueOrDefault(env) ?? defaultValue;
                        if (value is not null)
                        {
                            perEnvironment[env].Add((key, value));
                        }
                    }
                }
                else if (defaultValue is not null)
                {
                    topLevel.Add((key, defaultValue));
                }
                if (source.Kind == "external" && !isPerEnvironment)
                {
                    topLevel.Add((key, ""));
                }
                var property = settingScope.Claim(CSharpNames.ToIdentifier(variable.Name, "Value"));
                var required = variable.Required == Requirement.Required || source.Kind == "external";
                settings.Add(new SettingView(property, key, variable.Name, required, isPerEnvironment));
                source = source with
                {
                    Kind = "setting",
                    Expression = $"settings.{property}",
                    Description = source.Kind == "external"
                        ? $"CDK context {key} (required: {variable.Value.Resource ?? variable.Value.Text} is not created by this stack; give its value with -c {key}=...)"
                        : isPerEnvironment
                        ? $"CDK context {key} (per environment, in cdk.json {EnvironmentsKey})"
                        : defaultValue is null
                            ? $"CDK context {key}{(required ? " (required: no value in the plan)" : " (optional, unset)")}"
                            : $"CDK context {key} (default in cdk.json)",
                };
            }

            var applied = targets.Where(compute => Apply(variable, source, compute)).Select(t => t.Name).ToList();
            var setOn = applied.Count > 0 ? string.Join(", ", applied) : "(cdk.json only)";
            _readme.Add(new ReadmeVariableView(variable.Name, setOn, source.Description, variable.Description));
        }

        foreach (var group in _secretGroups.Values.Distinct())
        {
            foreach (var (environment, name) in group.ByEnvironment)
            {
                perEnvironment[environment].Add((group.Name + ":name", name));
            }
        }
        contextJson = ContextJson(envNames, topLevel, perEnvironment);
        return settings;
    }

    private static string ContextJson(IReadOnlyList<string> environments, List<(string Key, string Value)> topLevel,
        Dictionary<string, List<(string Key, string Value)>> perEnvironment)
    {
        using var stream = new MemoryStream();
        var writerOptions = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(stream, writerOptions))
        {
            writer.WriteStartObject();
            if (environments.Count > 0)
            {
                writer.WriteString(EnvironmentKey, environments[0]);
                writer.WriteStartObject(EnvironmentsKey);
                foreach (var env in environments)
                {
                    writer.WriteStartObject(env);
                    foreach (var (key, value) in perEnvironment[env])
                    {
                        writer.WriteString(key, SafeText.Redact(value, key));
                    }
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
            }
            foreach (var (key, value) in topLevel)
            {
                writer.WriteString(key, SafeText.Redact(value, key));
            }
            writer.WriteEndObject();
        }
        var json = Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal);
        // Nested one level inside cdk.json.
        return json.Replace("\n", "\n  ", StringComparison.Ordinal);
    }

    private static SourceLocation ValueAt(EnvVariable variable) =>
        variable.ValueLocation.File is null ? variable.Location : variable.ValueLocation;

    /// <summary>
    /// The value that decides where a variable comes from: its own, or, when it has none, the per-environment
    /// values when they all come from a secret or all from a resource (a table with one column per environment).
    /// </summary>
    private static ValueSpec EffectiveValue(EnvVariable variable)
    {
        if (variable.Value.Kind is ValueKind.FromSecret or ValueKind.FromResource || variable.PerEnvironment.Count == 0)
        {
            return variable.Value;
        }
        var kinds = variable.PerEnvironment.Select(v => v.Value.Kind).Where(k => k != ValueKind.None).Distinct().ToList();
        return kinds is [ValueKind.FromSecret or ValueKind.FromResource]
            ? variable.PerEnvironment.First(v => v.Value.Kind == kinds[0]).Value
            : variable.Value;
    }

    private Source ResolveSource(EnvVariable variable)
    {
        var nameStems = ResourceWords.Stems(variable.Name);
        var value = EffectiveValue(variable);
        if (!ReferenceEquals(value, variable.Value))
        {
            variable = variable with { Value = value };
        }
        switch (variable.Value.Kind)
        {
            case ValueKind.FromSecret:
                return ResolveSecret(variable);
            case ValueKind.FromResource:
            {
                var words = variable.Value.Resource ?? variable.Value.Text ?? "";
                var node = ResolveResourceWords(variable, words, nameStems);
                if (node is null)
                {
                    // A resource the plan uses but does not create (an existing database, a shared VPC): its value is
                    // given at synth time, and synth fails naming the key until it is.
                    _diagnostics.Add(DiagnosticCatalog.GenerationExternalResource, ValueAt(variable), variable.Name, words, variable.Name);
                    return new Source("external");
                }
                return FromResource(variable, node, nameStems, byName: false);
            }
            default:
            {
                var node = MatchByName(nameStems);
                return node is null ? new Source("setting") : FromResource(variable, node, nameStems, byName: true);
            }
        }
    }

    private Source FromResource(EnvVariable variable, Node node, IReadOnlyList<string> nameStems, bool byName)
    {
        // A database password or user comes from the database's generated secret, never from a plain attribute.
        if (node.Kind is ResourceKind.RdsInstance or ResourceKind.AuroraCluster
            && nameStems.Any(s => s is "password" or "user" or "username" or "credential" or "secret"))
        {
            var field = nameStems.Contains("password") ? "password" : nameStems.Contains("secret") || nameStems.Contains("credential") ? null : "username";
            var secret = new SecretView($"{node.Member}.Secret!", "", $"generated credentials of {node.Name}", "");
            return new Source("secret", Secret: secret, Field: field, Resource: node,
                Description: $"generated secret of database {node.Name}" + (field is null ? "" : $", field {field}"));
        }
        var module = IStackContext.ModuleOf(node);
        var attribute = module.ValueFor(node, nameStems)!;
        var expression = attribute.Expression.Render(IStackContext.BodyIndent);
        var grantPhrase = node.Kind is ResourceKind.RdsInstance or ResourceKind.AuroraCluster
            ? "network access to the database is allowed from each compute that gets it"
            : module.Grants(Access.ReadWrite).Count > 0
                ? "each compute that gets it is granted the access its relationship to the resource states"
                : "no grant is needed";
        var kindPhrase = module.TitleOf(node.Kind);
        if (byName)
        {
            var ignored = variable.Value.Kind == ValueKind.Literal ? $"the plan's example '{variable.Value.Text}' is not used; " : "";
            _diagnostics.Add(DiagnosticCatalog.GenerationValueFromName, variable.Location, variable.Name, attribute.Phrase, kindPhrase, node.Name, ignored + grantPhrase);
        }
        else
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationValueFromResource, ValueAt(variable), variable.Name, attribute.Phrase, kindPhrase, node.Name,
                expression.Replace("Cdk::Token.AsString(", "", StringComparison.Ordinal).TrimEnd(')'), grantPhrase);
        }
        return new Source("attribute", expression, attribute.Phrase, node, Description: $"{attribute.Phrase} of {kindPhrase} {node.Name}");
    }

    private Node? ResolveResourceWords(EnvVariable variable, string words, IReadOnlyList<string> nameStems)
    {
        var exact = Find(words, n => !n.IsContainer && IStackContext.ModuleOf(n).ValueFor(n, nameStems) is not null);
        if (exact is not null)
        {
            return exact;
        }
        var stems = ResourceWords.Stems(words);
        var kinds = ResourceWords.KindsNamedBy(stems);
        var distinctiveWords = stems.Where(s => !ResourceWords.KindWords.Contains(s)).ToList();
        // Words that name no kind must name the resource itself ("from Glacier vault" matches nothing).
        var candidates = _nodes.Where(n => IStackContext.ModuleOf(n).ValueFor(n, nameStems) is not null && !n.IsContainer
            && (kinds.Count == 0 ? !n.IsLambda && NameMatcher.Overlap(distinctiveWords, n.Stems) > 0 : kinds.Contains(n.Kind))).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        if (candidates.Count == 1)
        {
            return candidates[0];
        }
        var distinctive = stems.Where(s => !ResourceWords.KindWords.Contains(s)).ToList();
        var nameWords = nameStems.Where(s => !ResourceWords.KindWords.Contains(s)).ToList();
        var scored = candidates
            .Select(n => (Node: n, Score: (NameMatcher.Overlap(distinctive, n.Stems) * 10) + NameMatcher.Overlap(nameWords, n.Stems)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Node.Order).ToList();
        if (scored[0].Score == 0 || (scored.Count > 1 && scored[1].Score == scored[0].Score))
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationResourceAmbiguous, ValueAt(variable), variable.Name, words,
                string.Join(", ", scored.Where(x => x.Score == scored[0].Score).Select(x => $"'{x.Node.Name}'")), scored[0].Node.Name);
        }
        return scored[0].Node;
    }

    private Node? MatchByName(IReadOnlyList<string> nameStems)
    {
        foreach (var (suffix, kinds) in ResourceWords.NameSuffixes)
        {
            if (nameStems.Count < suffix.Length || !nameStems.Skip(nameStems.Count - suffix.Length).SequenceEqual(suffix))
            {
                continue;
            }
            var prefix = nameStems.Take(nameStems.Count - suffix.Length).ToList();
            var ofKind = _nodes.Where(n => kinds.Contains(n.Kind)).ToList();
            if (prefix.Count == 0)
            {
                return ofKind.Count == 1 ? ofKind[0] : null;
            }
            var matches = ofKind.Where(n =>
            {
                return prefix.All(n.Stems.Contains);
            }).ToList();
            return matches.Count == 1 ? matches[0] : null;
        }
        return null;
    }

    private Source ResolveSecret(EnvVariable variable)
    {
        var name = variable.Value.Secret;
        PlannedSecret? planned = null;
        if (name is not null)
        {
            planned = _plan.Secrets.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal))
                ?? _plan.Secrets.FirstOrDefault(s => Words.Squash(s.Name) == Words.Squash(name))
                ?? (_plan.Secrets.Where(s => NameMatcher.Matches(name, s.Name)).ToList() is { Count: 1 } one ? one[0] : null);
            if (planned is null)
            {
                _diagnostics.Add(DiagnosticCatalog.GenerationSecretUnknown, ValueAt(variable), variable.Name, name);
                CheckSecretName(name, ValueAt(variable));
            }
        }
        else if (_plan.Secrets.Count == 1)
        {
            planned = _plan.Secrets[0];
        }
        else
        {
            var example = _plan.Secrets.Count > 0 ? $"_(from secret {_plan.Secrets[0].Name})_" : "_(from Secrets Manager: my/secret)_";
            _diagnostics.Add(DiagnosticCatalog.GenerationSecretMissing, ValueAt(variable), variable.Name, example);
            return new Source("setting");
        }

        var secretName = planned?.Name ?? name!;
        var secret = ImportSecret(secretName);
        var field = variable.Value.SecretField;
        if (field is not null && planned is { JsonFields.Count: > 0 } && !planned.JsonFields.Contains(field, StringComparer.Ordinal))
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationSecretFieldUnknown, ValueAt(variable), variable.Name, field, secretName,
                string.Join(", ", planned.JsonFields));
        }
        return new Source("secret", Secret: secret, Field: field,
            Description: $"Secrets Manager secret {secretName}" + (field is null ? "" : $", field {field}"));
    }

    /// <summary>The one reading of scope cells, shared with check (see <see cref="ScopeIndex"/>); built on first use.</summary>
    private ScopeIndex Scopes(List<Node> computes) =>
        _scopes is { } built && built.Computes.Count == computes.Count ? built : _scopes = new ScopeIndex([.. computes.Select(c => c.Resource)]);

    private ScopeIndex? _scopes;

    private List<Node> ResolveScope(EnvVariable variable, List<Node> computes)
    {
        if (variable.Scope.Count == 0)
        {
            return computes;
        }
        var resolution = Scopes(computes).Resolve(variable.Scope);
        if (resolution.Unmatched.Count > 0 && computes.Count > 0)
        {
            var consequence = resolution.Named ? "that entry is ignored" : "the variable is set on every compute";
            _diagnostics.Add(DiagnosticCatalog.GenerationScopeUnmatched, variable.Location, variable.Name,
                string.Join(", ", resolution.Unmatched), consequence, computes[0].Name);
        }
        return [.. resolution.Targets.Select(i => computes[i])];
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]+\\z")]
    private static partial Regex LambdaVariablePattern();

    /// <summary>Sets the variable on one compute; false when it could not be set there (a diagnostic says why).</summary>
    private bool Apply(EnvVariable variable, Source source, Node compute)
    {
        if (source.Kind == "secret" && source.Secret!.ArnKey.Length > 0)
        {
            _secretsBoundByVariables.Add(source.Secret.Name);
        }
        if (source.Kind == "secret" && compute.IsLambda)
        {
            // Lambda has no secret injection: the function gets the ARN and reads the value at run time.
            var key = variable.Name + "_SECRET_ARN";
            if (!CheckLambdaKey(key, compute, variable) || !ClaimKey(compute, key, variable))
            {
                return false;
            }
            AddWiring(new WiringView { Kind = "variable", Target = compute.Member, Key = key, Value = $"{source.Secret!.Member}.SecretArn" });
            AddWiring(new WiringView { Kind = "grant", Source = source.Secret.Member, Method = "GrantRead", Target = compute.Member });
            var fieldHint = source.Field is null ? "" : $", then field '{source.Field}' of the JSON";
            _diagnostics.Add(DiagnosticCatalog.GenerationLambdaSecret, ValueAt(variable), variable.Name, source.Secret.Name, compute.Name, key, fieldHint);
            _lambdaEnvironmentBytes[compute] = _lambdaEnvironmentBytes.GetValueOrDefault(compute) + key.Length + 110;
            return true;
        }

        if (compute.IsLambda && !CheckLambdaKey(variable.Name, compute, variable))
        {
            return false;
        }
        if (!ClaimKey(compute, variable.Name, variable))
        {
            return false;
        }

        switch (source.Kind)
        {
            case "secret":
                if (source.Field is { } field && field.Contains(':', StringComparison.Ordinal))
                {
                    _diagnostics.Add(DiagnosticCatalog.GenerationSecretFieldColon, ValueAt(variable), variable.Name, field, source.Secret!.Name);
                }
                if (source.Secret!.ArnKey.Length > 0 && _warnedContainerSecrets.Add(source.Secret.Name + "|" + compute.Member))
                {
                    _diagnostics.Add(DiagnosticCatalog.GenerationSecretNameOnly, ValueAt(variable), variable.Name, compute.Name, source.Secret.Name);
                }
                AddWiring(new WiringView
                {
                    Kind = "container_secret",
                    Target = compute.ContainerMember!,
                    Key = variable.Name,
                    Source = source.Secret.Member,
                    Field = source.Field ?? "",
                });
                break;
            case "attribute":
                AddWiring(new WiringView { Kind = "variable", Target = Holder(compute), Key = variable.Name, Value = source.Expression });
                if (!compute.Consumes.Contains(source.Resource!) && !AddGrants(compute, source.Resource!, StatedAccess(compute, source.Resource!), ValueAt(variable)))
                {
                    AddConnection(compute, source.Resource!);
                }
                _lambdaEnvironmentBytes[compute] = _lambdaEnvironmentBytes.GetValueOrDefault(compute) + variable.Name.Length + 110;
                break;
            default:
                AddWiring(new WiringView { Kind = "variable", Target = Holder(compute), Key = variable.Name, Value = source.Expression });
                var longest = variable.PerEnvironment.Select(v => v.Value.Text?.Length ?? 0).Append(variable.Value.Text?.Length ?? 0).Max();
                _lambdaEnvironmentBytes[compute] = _lambdaEnvironmentBytes.GetValueOrDefault(compute) + variable.Name.Length + longest + 6;
                break;
        }
        return true;
    }

    private static string Holder(Node compute) => compute.IsLambda ? compute.Member : compute.ContainerMember!;

    /// <summary>What the plan's verbs say <paramref name="compute"/> does with <paramref name="resource"/> ("reads from", "writes to").</summary>
    private static Access StatedAccess(Node compute, Node resource)
    {
        var access = Access.Unspecified;
        foreach (var link in compute.Resource.Links.Where(l => l.Kind == LinkKind.Uses))
        {
            if (string.Equals(link.Target, resource.Name, StringComparison.OrdinalIgnoreCase))
            {
                access |= link.Access;
            }
        }
        foreach (var link in resource.Resource.Links.Where(l => l.Kind == LinkKind.Uses))
        {
            if (string.Equals(link.Target, compute.Name, StringComparison.OrdinalIgnoreCase))
            {
                access |= link.Access;
            }
        }
        return access;
    }

    // ----- secrets no variable names -----

    /// <summary>
    /// The variable that carries a secret's ARN to compute: the secret's name without the product prefix, in upper
    /// case with '_' for every other character, then <c>_SECRET_ARN</c> (<c>payments/stripe/api-key</c> →
    /// <c>STRIPE_API_KEY_SECRET_ARN</c>).
    /// </summary>
    internal static string SecretArnVariable(string secretName, string? product)
    {
        var name = secretName;
        if (product is not null && name.StartsWith(product + "/", StringComparison.OrdinalIgnoreCase))
        {
            name = name[(product.Length + 1)..];
        }
        var builder = new StringBuilder();
        foreach (var c in name)
        {
            var next = char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_';
            if (next != '_' || (builder.Length > 0 && builder[^1] != '_'))
            {
                builder.Append(next);
            }
        }
        var stem = builder.ToString().Trim('_');
        if (stem.Length == 0 || !char.IsAsciiLetter(stem[0]))
        {
            stem = "SECRET_" + stem;
        }
        return stem.TrimEnd('_') + "_SECRET_ARN";
    }

    /// <summary>
    /// Every secret of the Secrets table reaches the compute that reads it, even when no variable names it: the compute
    /// its scope column or its description names, else every compute (and the user is told). Each gets the secret's
    /// ARN in <see cref="SecretArnVariable"/> and read access to that secret only.
    /// </summary>
    private void WireUnboundSecrets()
    {
        var computes = _nodes.Where(n => n.IsCompute).ToList();
        var wired = new HashSet<SecretView>();
        foreach (var secret in _plan.Secrets)
        {
            var view = ImportSecret(secret.Name);
            if (_secretsBoundByVariables.Contains(view.Name) || !wired.Add(view))
            {
                continue;
            }
            if (computes.Count == 0)
            {
                _diagnostics.Add(DiagnosticCatalog.GenerationSecretWithoutCompute, secret.Location, secret.Name);
                continue;
            }
            List<Node> targets;
            string because;
            if (secret.Scope.Count > 0)
            {
                var resolution = Scopes(computes).Resolve(secret.Scope);
                targets = [.. resolution.Targets.Select(i => computes[i])];
                because = "its scope column names them";
                if (!resolution.Named)
                {
                    _diagnostics.Add(DiagnosticCatalog.GenerationScopeUnmatched, secret.Location, secret.Name, string.Join(", ", secret.Scope),
                        "the secret reaches every compute", computes[0].Name);
                    targets = computes;
                    because = "its scope names no compute of the plan";
                }
                else if (resolution.Unmatched.Count > 0)
                {
                    _diagnostics.Add(DiagnosticCatalog.GenerationScopeUnmatched, secret.Location, secret.Name, string.Join(", ", resolution.Unmatched),
                        "that entry is ignored", computes[0].Name);
                }
            }
            else if (computes.Where(c => PlanText.ContainsName(secret.Description, c.Name)).ToList() is { Count: > 0 } named)
            {
                targets = named;
                because = "its description names them";
            }
            else if (computes.Where(c => PlanText.ContainsName(c.Resource.Text, secret.Name)).ToList() is { Count: > 0 } mentioning)
            {
                targets = mentioning;
                because = "their resource entries name the secret";
            }
            else
            {
                targets = computes;
                because = "the plan does not say which compute reads it";
            }

            var key = SecretArnVariable(view.Name, _plan.Product);
            var reached = new List<string>();
            foreach (var compute in targets)
            {
                var carrier = new EnvVariable { Name = key, Location = secret.Location, ValueLocation = secret.Location };
                if (compute.IsLambda && !CheckLambdaKey(key, compute, carrier))
                {
                    continue;
                }
                if (!ClaimKey(compute, key, carrier))
                {
                    continue;
                }
                AddWiring(new WiringView { Kind = "variable", Target = Holder(compute), Key = key, Value = $"{view.Member}.SecretArn" });
                AddWiring(new WiringView { Kind = "grant", Source = view.Member, Method = "GrantRead", Target = compute.Grantee });
                _lambdaEnvironmentBytes[compute] = _lambdaEnvironmentBytes.GetValueOrDefault(compute) + key.Length + 110;
                reached.Add(compute.Name);
            }
            if (reached.Count > 0)
            {
                _diagnostics.Add(DiagnosticCatalog.GenerationSecretWired, secret.Location, view.Name, string.Join(", ", reached), key, because);
                _readme.Add(new ReadmeVariableView(key, string.Join(", ", reached), $"ARN of Secrets Manager secret {view.Name} (read access granted)", secret.Description));
            }
        }
    }

    private bool CheckLambdaKey(string key, Node compute, EnvVariable variable)
    {
        if (LambdaReserved.Contains(key) || key.StartsWith("AWS_LAMBDA_", StringComparison.Ordinal))
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationLambdaReservedVariable, variable.Location, key, compute.Name);
            return false;
        }
        if (!LambdaVariablePattern().IsMatch(key))
        {
            var suggestion = string.Join('_', Words.Split(key)).ToUpperInvariant();
            _diagnostics.Add(DiagnosticCatalog.GenerationLambdaInvalidVariable, variable.Location, key, compute.Name,
                suggestion.Length < 2 || !char.IsAsciiLetter(suggestion[0]) ? "MY_VARIABLE" : suggestion);
            return false;
        }
        return true;
    }

    private bool ClaimKey(Node compute, string key, EnvVariable variable)
    {
        if (!_keysByCompute.TryGetValue(compute, out var keys))
        {
            _keysByCompute[compute] = keys = new Dictionary<string, EnvVariable>(StringComparer.Ordinal);
        }
        if (!keys.TryAdd(key, variable))
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationVariableConflict, variable.Location, key, compute.Name);
            return false;
        }
        return true;
    }

    private void CheckLambdaEnvironmentSizes()
    {
        foreach (var (compute, bytes) in _lambdaEnvironmentBytes.OrderBy(x => x.Key.Order))
        {
            if (compute.IsLambda && bytes > 4096)
            {
                _diagnostics.Add(DiagnosticCatalog.GenerationLambdaEnvironmentTooLarge, compute.Resource.Location, compute.Name, bytes);
            }
        }
    }
}
