namespace ArchPlan.Infrastructure;

/// <summary>A template value with its position, the same shape for JSON and YAML input (YAML short tags already expanded).</summary>
internal abstract class TemplateNode(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>The scalar's text, or null when this is a map or a list.</summary>
    public virtual string? Text => null;
}

/// <summary>A string, number, boolean or null, kept as text.</summary>
internal sealed class TemplateScalar(string value, int line, int column) : TemplateNode(line, column)
{
    public string Value { get; } = value;

    public override string? Text => Value;
}

/// <summary>One key of a mapping with the key's position.</summary>
internal sealed record TemplateEntry(string Key, int Line, int Column, TemplateNode Value);

/// <summary>A mapping; keys keep their order and positions.</summary>
internal sealed class TemplateMap(IReadOnlyList<TemplateEntry> entries, int line, int column) : TemplateNode(line, column)
{
    public IReadOnlyList<TemplateEntry> Entries { get; } = entries;

    /// <summary>The value of <paramref name="key"/> (the last one when repeated, as CloudFormation reads it).</summary>
    public TemplateNode? this[string key] => Entries.LastOrDefault(e => e.Key == key)?.Value;

    /// <summary>True for a one-key map whose key is an intrinsic function (<c>Ref</c>, <c>Fn::*</c>, <c>Condition</c>).</summary>
    public bool IsIntrinsic => Entries.Count == 1 && (Entries[0].Key == "Ref" || Entries[0].Key.StartsWith("Fn::", StringComparison.Ordinal));
}

/// <summary>A list.</summary>
internal sealed class TemplateList(IReadOnlyList<TemplateNode> items, int line, int column) : TemplateNode(line, column)
{
    public IReadOnlyList<TemplateNode> Items { get; } = items;
}
