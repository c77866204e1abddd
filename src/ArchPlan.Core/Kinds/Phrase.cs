using System.Text.RegularExpressions;

namespace ArchPlan.Kinds;

/// <summary>
/// Words a resource kind understands: a case-insensitive pattern over the text of a resource and the attribute value it
/// states. The value function returns null when the words are recognised but state nothing usable (the words are then
/// reported as not generated rather than silently dropped).
/// </summary>
/// <param name="Property">The attribute key, e.g. <c>PartitionKey</c> (see each kind's file for its vocabulary).</param>
/// <param name="Pattern">Runs on the resource's plain text (markup removed); written with <c>RegexOptions.IgnoreCase</c>.</param>
/// <param name="Value">The canonical value from a match, or null when the words state nothing usable.</param>
/// <param name="Many">True when the attribute can be stated several times (routes, transitions, workflow steps).</param>
/// <param name="Shares">True when the words may also state another attribute ("PostgreSQL 16" is the engine and its
/// version); otherwise words already read by an earlier phrase of the kind are not read again.</param>
internal sealed record Phrase(string Property, Regex Pattern, Func<PhraseMatch, string?> Value, bool Many = false, bool Shares = false);

/// <summary>A match of a <see cref="Phrase"/> in a resource's text, with the text (to look at the words around it).</summary>
internal readonly record struct PhraseMatch(Match Match, string Text)
{
    /// <summary>A group's text as written.</summary>
    public string this[string group] => Match.Groups[group].Value;

    public bool Has(string group) => Match.Groups[group].Success;

    /// <summary>The matched words as written.</summary>
    public string Value => Match.Value;

    /// <summary>True when a negation stands right before or after the words ("no PITR", "versioning: off").</summary>
    public bool Negated => PhraseValues.Negated(Text, Match);
}
