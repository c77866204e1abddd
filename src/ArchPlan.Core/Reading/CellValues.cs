using System.Text.RegularExpressions;
using ArchPlan.Model;

namespace ArchPlan.Reading;

/// <summary>Interprets the cells of configuration tables: values, Required, JSON secret formats, scope lists.</summary>
public static partial class CellValues
{
    // Hoisted: an array written at the call site is allocated (and filled) on every call.
    private static readonly char[] RequiredWordEnd = [' ', '(', ',', ';'];
    private static readonly char[] RequiredMarkup = ['*', '_', '`', '.'];
    private static readonly char[] FieldSeparators = [',', ';', '\n'];

    /// <summary>Reads a value cell: "(from RDS)" is a resource attribute, "(Secrets Manager)" a secret, a dash nothing, else a literal.</summary>
    public static ValueSpec ParseValue(string cell)
    {
        var text = cell.Trim();
        if (IsEmpty(text))
        {
            return ValueSpec.None;
        }

        var inner = text.Length > 1 && text[0] == '(' && text[^1] == ')' ? text[1..^1].Trim() : null;
        if (inner is not null)
        {
            if (MentionsSecret(inner))
            {
                return new ValueSpec(ValueKind.FromSecret, text, Secret: SecretNameIn(inner));
            }
            var from = FromPattern().Match(inner);
            if (from.Success)
            {
                return new ValueSpec(ValueKind.FromResource, text, Resource: from.Groups["what"].Value.Trim());
            }
            if (inner.ToLowerInvariant() is "none" or "empty" or "blank" or "unset" or "n/a" or "not set")
            {
                return ValueSpec.None;
            }
        }

        var bare = FromPattern().Match(text);
        if (bare.Success && bare.Index == 0 && !text.Contains("://", StringComparison.Ordinal))
        {
            var what = bare.Groups["what"].Value.Trim();
            return MentionsSecret(what)
                ? new ValueSpec(ValueKind.FromSecret, text, Secret: SecretNameIn(what))
                : new ValueSpec(ValueKind.FromResource, text, Resource: what);
        }
        if (text.Equals("Secrets Manager", StringComparison.OrdinalIgnoreCase) || text.Equals("secret", StringComparison.OrdinalIgnoreCase))
        {
            return new ValueSpec(ValueKind.FromSecret, text);
        }
        return ValueSpec.Literal(text);
    }

    /// <summary>
    /// Reads a Source cell (text with code spans marked by backticks): a secret ("Secrets Manager `acme/stripe`"), a
    /// resource ("SQS queue URL", "stack output"), a literal written as code after "hard-coded"/"static"/"literal", or
    /// nothing (CDK context, the caller, prose).
    /// </summary>
    public static ValueSpec ParseSource(string marked)
    {
        var plain = InlineText.Restore(marked.Replace("`", "", StringComparison.Ordinal)).Trim();
        if (IsEmpty(plain))
        {
            return ValueSpec.None;
        }
        var lower = plain.ToLowerInvariant();
        var code = CodeSpan().Matches(marked).Select(m => InlineText.Restore(m.Groups["code"].Value.Trim())).ToList();
        if (MentionsSecret(plain))
        {
            var name = code.FirstOrDefault(c => c.Contains('/', StringComparison.Ordinal) || c.StartsWith("arn:", StringComparison.Ordinal)) ?? SecretNameIn(plain);
            return new ValueSpec(ValueKind.FromSecret, plain, Secret: name);
        }
        if (code.Count == 1 && (lower.Contains("hard-coded", StringComparison.Ordinal) || lower.Contains("hardcoded", StringComparison.Ordinal)
            || lower.Contains("literal", StringComparison.Ordinal) || lower.Contains("static", StringComparison.Ordinal) || lower.Contains("constant", StringComparison.Ordinal)))
        {
            return ValueSpec.Literal(code[0]);
        }
        if (lower.Contains("context", StringComparison.Ordinal) || lower.Contains("parameter store", StringComparison.Ordinal) || lower.Contains("ssm", StringComparison.Ordinal))
        {
            return ValueSpec.None;
        }
        var from = FromPattern().Match(plain);
        if (from.Success)
        {
            return new ValueSpec(ValueKind.FromResource, plain, Resource: from.Groups["what"].Value.Trim());
        }
        if (ResourceRecognizer.Recognize(plain) is { Kind: not (ResourceKind.IamRole or ResourceKind.SecretsManagerSecret) } || lower.Contains("stack output", StringComparison.Ordinal))
        {
            return new ValueSpec(ValueKind.FromResource, plain, Resource: plain);
        }
        return ValueSpec.None;
    }

    /// <summary>Yes/No/blank as people write them; anything else is <see cref="Requirement.Invalid"/>.</summary>
    public static Requirement ParseRequired(string cell)
    {
        var text = cell.Trim().Trim(RequiredMarkup).Trim().ToLowerInvariant();
        if (text.Length == 0)
        {
            return Requirement.Unspecified;
        }
        var first = text.Split(RequiredWordEnd, 2, StringSplitOptions.RemoveEmptyEntries)[0];
        return first switch
        {
            "yes" or "y" or "true" or "required" or "mandatory" or "✓" or "✔" or "✔️" or "✅" or "x" or "always" or "must" => Requirement.Required,
            "no" or "n" or "false" or "optional" or "✗" or "✘" or "❌" or "-" or "—" or "–" or "n/a" or "never"
                or "recommended" or "conditional" => Requirement.Optional,
            _ => Requirement.Invalid,
        };
    }

    /// <summary>Field names of a JSON secret format such as <c>JSON: {username, password}</c> or <c>{"user": "...", "pass": "..."}</c>.</summary>
    public static IReadOnlyList<string> JsonFields(string? format)
    {
        if (string.IsNullOrWhiteSpace(format))
        {
            return [];
        }
        var open = format.IndexOf('{');
        var close = format.LastIndexOf('}');
        if (open < 0 || close <= open)
        {
            return [];
        }
        var fields = new List<string>();
        foreach (var part in format[(open + 1)..close].Split(FieldSeparators))
        {
            var name = FieldKey(part.Trim());
            if (name.Length > 0 && name != "..." && name != "…" && FieldName().IsMatch(name) && !fields.Contains(name))
            {
                fields.Add(name);
            }
        }
        return fields;
    }

    /// <summary>The key of one entry: `"user": "..."` and `user: string` give user; a bare `user:name` is kept whole (the checker refuses the colon).</summary>
    private static string FieldKey(string entry)
    {
        if (entry.Length > 1 && entry[0] is '"' or '\'')
        {
            var close = entry.IndexOf(entry[0], 1);
            return close > 0 ? entry[1..close] : entry.Trim('"', '\'');
        }
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        var isKeyValue = colon >= 0 && (colon == entry.Length - 1 || entry[colon + 1] is ' ' or '"' or '\'' or '\t');
        return (isKeyValue ? entry[..colon] : entry).Trim().Trim('`', ' ');
    }

    /// <summary>Splits a scope cell ("api, worker", "snapshot.py / export.py") into entries; "all" means no scope.</summary>
    public static IReadOnlyList<string> ParseScope(string cell)
    {
        var parts = ScopeSeparators().Split(cell)
            .Select(p => p.Trim().Trim('`', '*', '_').Trim())
            .Where(p => p.Length > 0)
            .ToList();
        return parts.Any(p => p.ToLowerInvariant() is "all" or "*" or "both" or "every" or "everything" or "all services" or "all functions" or "shared" or "-" or "—")
            ? []
            : parts;
    }

    /// <summary>
    /// The resource a description says the value is an attribute of ("Name of the DynamoDB table `bookings`", "URL of
    /// the SQS queue the function consumes"), or null when it names none.
    /// </summary>
    public static ValueSpec? ResourceAttribute(string text)
    {
        var match = AttributeOf().Match(text.Replace("`", "", StringComparison.Ordinal).Trim());
        if (!match.Success)
        {
            return null;
        }
        var what = match.Groups["what"].Value.Trim();
        return ResourceRecognizer.Recognize(what) is { Kind: not (ResourceKind.IamRole or ResourceKind.SecretsManagerSecret) } || TableWord().IsMatch(what)
            ? new ValueSpec(ValueKind.FromResource, text, Resource: what)
            : null;
    }

    /// <summary>A tick in a yes/no column: ✅, ✓, ✔, x, yes.</summary>
    public static bool IsTick(string text) =>
        text.Trim().Trim('*', '_').ToLowerInvariant() is "✅" or "✓" or "✔" or "✔️" or "☑" or "☑️" or "x" or "yes" or "y";

    public static bool IsEmpty(string text) =>
        text.Trim().ToLowerInvariant() is "" or "-" or "—" or "–" or "_" or "n/a" or "none" or "(none)" or "\"\"" or "''";

    /// <summary>True when the text speaks of a secret (Secrets Manager, a secret, an SSM SecureString).</summary>
    public static bool MentionsSecret(string text) =>
        text.Contains("secret", StringComparison.OrdinalIgnoreCase) || text.Contains("ssm", StringComparison.OrdinalIgnoreCase) && text.Contains("secure", StringComparison.OrdinalIgnoreCase);

    /// <summary>A secret name written inside the value, e.g. "(Secrets Manager: payments/stripe)".</summary>
    private static string? SecretNameIn(string text)
    {
        var match = SecretNamePattern().Match(text);
        return match.Success ? match.Groups["name"].Value : null;
    }

    [GeneratedRegex(@"^(?:set\s+)?from\s+(?:the\s+)?(?<what>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FromPattern();

    [GeneratedRegex(@"[:\s]\s*(?<name>[A-Za-z0-9_+=.@\[\]-]+/[A-Za-z0-9/_+=.@\[\]-]+)")]
    private static partial Regex SecretNamePattern();

    [GeneratedRegex(@"^(?:the\s+)?(?:name|url|arn|id|endpoint|address|uri|domain|domain name)\s+of\s+(?:the\s+|a\s+|an\s+)?(?<what>[^,;(]+)", RegexOptions.IgnoreCase)]
    private static partial Regex AttributeOf();

    [GeneratedRegex(@"\btable\b", RegexOptions.IgnoreCase)]
    private static partial Regex TableWord();

    [GeneratedRegex(@"`(?<code>[^`]*)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.:\-]*$")]
    private static partial Regex FieldName();

    [GeneratedRegex(@"\s*(?:,|;|\s/\s|\band\b|<br\s*/?>)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ScopeSeparators();
}
