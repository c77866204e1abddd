using System.Text.RegularExpressions;

namespace ArchPlan.Reading;

/// <summary>Reads the name cell of a configuration row: the name, and the other names the row gives it.</summary>
internal static partial class NameCell
{
    /// <summary>
    /// The variables a name cell names and the aliases of the first: <c>`A`, `B`</c> and <c>`A` / `B`</c> name two
    /// variables; <c>`A` (or `B`)</c>, <c>`A` (alias `B`)</c> and <c>`A` (formerly `B`)</c> name A, also known as B;
    /// <c>`A` (required)</c> names A. A cell that is already one name, or that names none, is returned as written.
    /// </summary>
    public static (IReadOnlyList<string> Names, IReadOnlyList<string> Aliases) Variables(string marked)
    {
        // "%%IMAGE_TAG%%", "${STAGE}", "{{REGION}}": a placeholder in a template names the variable it stands for.
        if (marked.AsSpan().IndexOfAny('%', '$', '{') >= 0)
        {
            marked = TemplateDelimiters().Replace(marked, "${name}");
        }
        var plain = ValueCell.Unmark(marked).Trim();
        if (VariableName().IsMatch(plain))
        {
            return ([plain], []);
        }
        // Code spans are the names when there are any (an invalid one stays whole, for the checker to report); else the
        // upper-case words of a cell such as "LOG_LEVEL (or LOGLEVEL)".
        var spans = CodeSpans(marked).ToList();
        var found = spans.Count > 0
            ? spans.Where(c => VariableName().IsMatch(c)).ToList()
            : plain.Contains(' ', StringComparison.Ordinal) || plain.Contains(',', StringComparison.Ordinal) || plain.Contains('/', StringComparison.Ordinal)
                ? [.. ShoutedWord().Matches(plain).Select(m => m.Value)]
                : [];
        if (found.Count == 0)
        {
            return ([spans.Count == 1 ? spans[0] : plain], []);
        }
        var names = new List<string> { found[0] };
        var aliases = new List<string>();
        var at = plain.IndexOf(found[0], StringComparison.Ordinal) + found[0].Length;
        foreach (var next in found.Skip(1))
        {
            var index = plain.IndexOf(next, at, StringComparison.Ordinal);
            var between = index > at ? plain[at..index] : "";
            at = index >= 0 ? index + next.Length : at;
            if (names.Contains(next) || aliases.Contains(next))
            {
                continue;
            }
            if (AliasWords().IsMatch(between))
            {
                aliases.Add(next);
            }
            else
            {
                names.Add(next);
            }
        }
        return (names, aliases);
    }

    /// <summary>The first variable a cell names, and its aliases.</summary>
    public static (string Name, IReadOnlyList<string> Aliases) Variable(string marked)
    {
        var (names, aliases) = Variables(marked);
        return (names[0], aliases);
    }

    /// <summary>
    /// The secret a cell names: the first code span that looks like a secret name, else the cell without a trailing note
    /// (<c>acme/prod/stripe (JSON)</c>); a Secrets Manager ARN gives the secret's name without the random suffix.
    /// </summary>
    public static string Secret(string marked)
    {
        var plain = ValueCell.Unmark(marked).Trim();
        var candidate = CodeSpans(marked).FirstOrDefault(c => c.Length > 0 && !c.Contains(' ', StringComparison.Ordinal));
        if (candidate is null)
        {
            var note = plain.IndexOf(" (", StringComparison.Ordinal);
            candidate = note > 0 && !plain[..note].Contains(' ', StringComparison.Ordinal) ? plain[..note] : plain;
        }
        return FromArn(candidate);
    }

    /// <summary>"arn:aws:secretsmanager:region:account:secret:acme/prod/stripe-AbC123" → acme/prod/stripe.</summary>
    private static string FromArn(string text)
    {
        var match = SecretArn().Match(text);
        if (!match.Success)
        {
            return text;
        }
        var name = match.Groups["name"].Value;
        var suffix = RandomSuffix().Match(name);
        return suffix.Success ? name[..suffix.Index] : name;
    }

    private static IEnumerable<string> CodeSpans(string marked)
    {
        for (var open = marked.IndexOf('`', StringComparison.Ordinal); open >= 0;)
        {
            var close = marked.IndexOf('`', open + 1);
            if (close < 0)
            {
                yield break;
            }
            yield return InlineText.Restore(marked[(open + 1)..close].Trim());
            open = marked.IndexOf('`', close + 1);
        }
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();

    [GeneratedRegex(@"%%(?<name>[A-Za-z_][A-Za-z0-9_]*)%%|\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}|\{\{\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex TemplateDelimiters();

    // Upper case with at least one underscore or three letters: LOG_LEVEL, PORT; not "A" or "OR".
    [GeneratedRegex(@"(?<![\w-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\w-])|(?<![\w-])[A-Z][A-Z0-9]{2,}(?![\w-])")]
    private static partial Regex ShoutedWord();

    [GeneratedRegex(@"\b(?:or|alias|aliases|aka|a\.k\.a|formerly|legacy|deprecated|old|previously|was|also)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AliasWords();

    [GeneratedRegex(@"^arn:aws[\w-]*:secretsmanager:[^:]*:[^:]*:secret:(?<name>[^\s]+)$")]
    private static partial Regex SecretArn();

    // Secrets Manager's six random characters (or the wildcard written for them) after the last '-'; six lower-case
    // letters are as likely a word of the name ("-apikey"), so the suffix must hold a capital or a digit.
    [GeneratedRegex(@"-(?:(?=[a-z]*[A-Z0-9])[A-Za-z0-9]{6}|\?{6}|\*)$")]
    private static partial Regex RandomSuffix();
}
