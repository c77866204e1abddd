using ArchPlan.Common;
using ArchPlan.Model;

namespace ArchPlan.Reading;

/// <summary>Joins what the tables say: per-environment rows into one variable, and variables to the secret fields they come from.</summary>
internal static class ConfigurationBinder
{
    // Hoisted: an array written at the call site is allocated (and filled) on every call.
    private static readonly char[] VariableSeparators = ['_', '-'];
    private static readonly char[] SecretSeparators = ['/', '-', '_', '.'];

    private static readonly Dictionary<string, string[]> FieldSynonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["username"] = ["user", "username", "login"],
        ["password"] = ["password", "pass", "pwd", "passwd"],
        ["host"] = ["host", "hostname", "endpoint"],
        ["database"] = ["database", "dbname", "db", "name", "databasename"],
        ["dbname"] = ["dbname", "database", "db", "name"],
        ["port"] = ["port"],
    };

    /// <summary>Merges rows of one variable that give values for different environments (an Environment column or one table per environment).</summary>
    public static List<EnvVariable> MergeEnvironments(IReadOnlyList<EnvVariable> variables)
    {
        var result = new List<EnvVariable>();
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            var perEnvOnly = variable.Value.Kind == ValueKind.None && variable.PerEnvironment.Count > 0;
            if (perEnvOnly && open.TryGetValue(variable.Name, out var index))
            {
                var existing = result[index];
                var taken = existing.PerEnvironment.Select(e => e.Environment).ToHashSet();
                if (!variable.PerEnvironment.Any(e => taken.Contains(e.Environment)) && existing.Scope == variable.Scope)
                {
                    result[index] = existing with
                    {
                        PerEnvironment = existing.PerEnvironment.Concat(variable.PerEnvironment).ToEquatableArray(),
                        Description = existing.Description.Length > 0 ? existing.Description : variable.Description,
                        Required = existing.Required == Requirement.Unspecified ? variable.Required : existing.Required,
                        RequiredText = existing.RequiredText ?? variable.RequiredText,
                    };
                    continue;
                }
            }
            if (perEnvOnly)
            {
                open[variable.Name] = result.Count;
            }
            result.Add(variable);
        }
        return result;
    }

    /// <summary>
    /// Folds a variable that another table, list or code example repeats into its first mention, when the two agree
    /// (same scope or one unscoped, values equal or one missing): a document that lists a variable again in a summary
    /// plans one variable. Rows of one table, and rows that disagree, stay apart for the checker to report.
    /// </summary>
    public static List<EnvVariable> MergeRepeated(IEnumerable<EnvVariable> variables)
    {
        var result = new List<EnvVariable>();
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            var earlier = byName.ListFor(variable.Name);
            var index = earlier.FirstOrDefault(i => Agree(result[i], variable), -1);
            if (index < 0)
            {
                earlier.Add(result.Count);
                result.Add(variable);
                continue;
            }
            var first = result[index];
            result[index] = first with
            {
                Value = first.Value.Kind == ValueKind.None || (first.Value.Kind == variable.Value.Kind && first.Value.Secret is null && variable.Value.Secret is not null) ? variable.Value : first.Value,
                PerEnvironment = first.PerEnvironment.Count == 0 ? variable.PerEnvironment : first.PerEnvironment,
                Description = first.Description.Length > 0 ? first.Description : variable.Description,
                Scope = first.Scope.Count == 0 ? variable.Scope : first.Scope,
                Required = first.Required == Requirement.Unspecified ? variable.Required : first.Required,
                RequiredText = first.RequiredText ?? variable.RequiredText,
                Aliases = first.Aliases.Concat(variable.Aliases).Distinct(StringComparer.Ordinal).ToEquatableArray(),
            };
        }
        return result;
    }

    private static bool Agree(EnvVariable first, EnvVariable second)
    {
        if (first.TableIndex >= 0 && first.TableIndex == second.TableIndex)
        {
            return false;
        }
        var scopes = first.Scope.Count == 0 || second.Scope.Count == 0
            || first.Scope.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(second.Scope.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        var perEnvironment = first.PerEnvironment.Count == 0 || second.PerEnvironment.Count == 0 || first.PerEnvironment.Select(e => (e.Environment, e.Value)).SequenceEqual(second.PerEnvironment.Select(e => (e.Environment, e.Value)));
        return scopes && perEnvironment && Agree(first.Value, second.Value);
    }

    private static bool Agree(ValueSpec first, ValueSpec second) =>
        first == second || first.Kind == ValueKind.None || second.Kind == ValueKind.None
        || (first.Kind == second.Kind && first.Kind != ValueKind.Literal && (first.Secret is null || second.Secret is null || first.Secret == second.Secret));

    /// <summary>Records variables whose name matches a JSON secret's field (POSTGRES_PASSWORD ↔ password) as coming from that field.</summary>
    /// <remarks>Only variables with no value or a secret-sourced value are bound: a literal or a resource attribute is what the plan says it is.</remarks>
    public static List<EnvVariable> BindSecrets(IReadOnlyList<EnvVariable> variables, IReadOnlyList<PlannedSecret> secrets)
    {
        var result = new List<EnvVariable>(variables.Count);
        foreach (var variable in variables)
        {
            // A row with values per environment and none for every environment: those values speak, and a secret
            // guessed for the missing default (by a JSON field sharing the name's last word) would contradict them.
            var value = variable.PerEnvironment.Count > 0 && variable.Value.Kind == ValueKind.None
                ? variable.Value
                : Bind(variable.Name, variable.Value, secrets);
            var perEnvironment = variable.PerEnvironment.Select(e => e with { Value = Bind(variable.Name, e.Value, secrets) }).ToEquatableArray();
            result.Add(value == variable.Value && perEnvironment == variable.PerEnvironment
                ? variable
                : variable with { Value = value, PerEnvironment = perEnvironment });
        }
        return result;
    }

    private static ValueSpec Bind(string name, ValueSpec value, IReadOnlyList<PlannedSecret> secrets)
    {
        // "from invoices/smtp": words that are a secret's name bind to that secret, whatever else they might name
        // (the Resource words stay, so the checker can report a value that names a resource too).
        if (value.Kind == ValueKind.FromResource && value.Resource is { } words && SecretNamed(words, secrets) is { } namedSecret)
        {
            return value with { Kind = ValueKind.FromSecret, Secret = namedSecret.Name };
        }
        if (value.Kind is not (ValueKind.None or ValueKind.FromSecret) || secrets.Count == 0)
        {
            return value;
        }
        var candidates = secrets.Where(s => value.Secret is null || string.Equals(s.Name, value.Secret, StringComparison.Ordinal)).ToList();

        // A secret named like the variable ("esports-feed/api-key" for ESPORTS_FEED_API_KEY) is the plainest
        // statement a plan can make, so it wins over a JSON field that happens to share the last word.
        if (value.Kind == ValueKind.FromSecret && value.Secret is null
            && candidates.Where(s => NamedLike(name, s.Name)).ToList() is [var named])
        {
            return value with { Secret = named.Name };
        }
        var fieldMatches = candidates
            .SelectMany(s => s.JsonFields.Where(f => FieldMatches(name, f)).Select(f => (Secret: s, Field: f)))
            .OrderByDescending(m => Overlap(name, m.Secret.Name))
            .ToList();
        if (fieldMatches.Count > 0)
        {
            var (secret, field) = fieldMatches[0];
            return new ValueSpec(ValueKind.FromSecret, value.Text, Secret: secret.Name, SecretField: field);
        }
        if (value.Kind == ValueKind.FromSecret && value.Secret is null)
        {
            var best = candidates
                .Select(s => (Secret: s, Score: Overlap(name, s.Name)))
                .OrderByDescending(x => x.Score)
                .ToList();
            var chosen = best.Count == 1 ? best[0].Secret
                : best.Count > 1 && best[0].Score > 0 && best[0].Score > best[1].Score ? best[0].Secret
                : null;
            if (chosen is not null)
            {
                return value with { Secret = chosen.Name };
            }
        }
        return value;
    }

    /// <summary>True when the variable's last words name the field: POSTGRES_PASSWORD ↔ password, DB_USER ↔ username, DB_NAME ↔ database.</summary>
    internal static bool FieldMatches(string variable, string field)
    {
        var tokens = variable.ToLowerInvariant().Split(VariableSeparators, StringSplitOptions.RemoveEmptyEntries);
        var normalizedField = new string([.. field.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
        if (tokens.Length == 0 || normalizedField.Length == 0)
        {
            return false;
        }
        for (var take = 1; take <= Math.Min(3, tokens.Length); take++)
        {
            if (string.Concat(tokens[^take..]) == normalizedField)
            {
                return true;
            }
        }
        var last = tokens[^1];
        var lastTwo = tokens.Length > 1 ? tokens[^2] + tokens[^1] : last;
        return FieldSynonyms.TryGetValue(normalizedField, out var synonyms)
            && (synonyms.Contains(last) || synonyms.Contains(lastTwo))
            && !(normalizedField is "database" or "dbname" && last == "name" && tokens.Length > 1 && tokens[^2] != "db" && tokens[^2] != "database");
    }

    /// <summary>True when the secret's name, without its product prefix, spells the variable: orders/payment-token ↔ PAYMENT_TOKEN.</summary>
    internal static bool NamedLike(string variable, string secret)
    {
        static string Spell(string s) => s.Replace('/', '_').Replace('-', '_').Replace('.', '_').ToUpperInvariant();
        var slash = secret.IndexOf('/', StringComparison.Ordinal);
        return string.Equals(Spell(secret), variable, StringComparison.OrdinalIgnoreCase)
            || (slash >= 0 && string.Equals(Spell(secret[(slash + 1)..]), variable, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The distinctive words a variable and a secret's name share. Words every credential has ("key", "token", "secret",
    /// "password") do not count: SEARCH_TOKEN does not name analytics/token, and choosing it would be a guess.
    /// </summary>
    private static int Overlap(string variable, string secret)
    {
        var variableTokens = variable.ToLowerInvariant().Split(VariableSeparators, StringSplitOptions.RemoveEmptyEntries)
            .Where(t => !GenericSecretWords.Contains(t)).ToHashSet();
        return secret.ToLowerInvariant().Split(SecretSeparators, StringSplitOptions.RemoveEmptyEntries).Count(variableTokens.Contains);
    }

    private static readonly HashSet<string> GenericSecretWords = new(StringComparer.Ordinal)
    {
        "key", "keys", "api", "token", "tokens", "secret", "secrets", "password", "passwd", "pass", "credentials", "credential", "creds",
        "value", "string", "id", "name", "url", "uri", "auth", "access", "private", "public", "the", "arn",
    };

    /// <summary>The planned secret whose name the words are (as written, or without the product prefix), or null.</summary>
    private static PlannedSecret? SecretNamed(string words, IReadOnlyList<PlannedSecret> secrets)
    {
        var text = words.Trim().Trim('`', '*', '_').Trim();
        if (text.StartsWith("secret ", StringComparison.OrdinalIgnoreCase))
        {
            text = text["secret ".Length..].Trim().Trim('`');
        }
        if (text.Length == 0 || text.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }
        return secrets.FirstOrDefault(s => string.Equals(s.Name, text, StringComparison.OrdinalIgnoreCase))
            ?? (secrets.Where(s => s.Name.EndsWith("/" + text, StringComparison.OrdinalIgnoreCase)).ToList() is [var only] ? only : null);
    }
}
