using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ArchPlan.Validation;

namespace ArchPlan.Diffing;

/// <summary>
/// Decides whether a literal in the infrastructure is the value the plan gives. People write plan values for
/// people: <c>true</c> for Python's <c>True</c>, <c>30 (seconds)</c> for <c>30</c>, <c>orders-{stage}</c> for
/// <c>orders-prod</c>; those agree. Anything else that differs is drift.
/// </summary>
internal static partial class ValueMatcher
{
    private const int ShownLength = 60;

    /// <summary>True when the plan's text cannot be compared: it describes the value rather than giving it.</summary>
    public static bool IsComparable(string planText)
    {
        var text = Unquote(planText);
        if (text.Length == 0)
        {
            return false;
        }

        // Prose ("Comma-separated list of origins", "Same as the API's URL") names no value to deploy.
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return !(words.Length >= 4 && ProseWord().IsMatch(words[0]) && words.All(w => ProseWord().IsMatch(w.TrimEnd(',', '.', ';', ':'))));
    }

    /// <summary>True when <paramref name="actual"/> (a literal from the infrastructure) is what <paramref name="planText"/> says.</summary>
    public static bool Matches(string planText, string actual)
    {
        var plan = Normalize(planText);
        var infra = Normalize(actual);
        if (string.Equals(plan, infra, StringComparison.Ordinal))
        {
            return true;
        }

        // Loggers, flags and enum-like words: "INFO" and "info", "True" and "true" are the same setting.
        if (string.Equals(plan, infra, StringComparison.OrdinalIgnoreCase) && plan.All(c => char.IsAsciiLetter(c) || c is '_' or '-'))
        {
            return true;
        }
        if (decimal.TryParse(plan, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(infra, NumberStyles.Float, CultureInfo.InvariantCulture, out var b) && a == b)
        {
            return true;
        }

        // "30 (seconds)", "us-east-1 — N. Virginia", "info, or debug when tracing": the value comes first.
        if (plan.Length > infra.Length && infra.Length > 0 && plan.StartsWith(infra, StringComparison.Ordinal)
            && plan[infra.Length] is ' ' or '(' or ',' or ';')
        {
            return true;
        }

        // Placeholders ("orders-{stage}", "<account>", "${ENV}", "https://...") stand for any text.
        if (Placeholder().IsMatch(plan))
        {
            var pattern = new StringBuilder("^");
            var last = 0;
            foreach (Match m in Placeholder().Matches(plan))
            {
                pattern.Append(Regex.Escape(plan[last..m.Index])).Append(".*");
                last = m.Index + m.Length;
            }
            pattern.Append(Regex.Escape(plan[last..])).Append('$');
            return Regex.IsMatch(infra, pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(100));
        }
        return false;
    }

    /// <summary>The value as a report shows it: quoted, shortened, and never a credential.</summary>
    public static string Show(string value)
    {
        if (CredentialScanner.Scan(value) is not null)
        {
            return "a value that looks like a credential (not shown)";
        }
        var text = value.ReplaceLineEndings(" ");
        if (text.Length > ShownLength)
        {
            text = text[..(ShownLength - 1)] + "…";
        }
        return text.Length == 0 ? "empty" : $"'{text}'";
    }

    private static string Normalize(string value)
    {
        var text = Unquote(value);

        // "a, b, c" and "a,b,c" are the same list.
        return ListSeparator().Replace(text, ",");
    }

    private static string Unquote(string value)
    {
        var text = value.Trim();
        while (text.Length >= 2 && text[0] == text[^1] && text[0] is '"' or '\'' or '`')
        {
            text = text[1..^1].Trim();
        }
        return text;
    }

    [GeneratedRegex(@"^[A-Za-z][a-z']*$")]
    private static partial Regex ProseWord();

    [GeneratedRegex(@"\s*,\s*")]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"\$\{[^}]*\}|\{[^}]*\}|<[^>]*>|\.\.\.|…")]
    private static partial Regex Placeholder();
}
