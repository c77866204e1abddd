namespace ArchPlan.Diagnostics;

/// <summary>Where something is in a source file: 1-based line and column, and the character span.</summary>
/// <remarks>Line 0 means "the file as a whole" (for example an empty file or an unreadable one).</remarks>
public readonly record struct SourceLocation(string File, int Line, int Column, int Start = 0, int Length = 0)
{
    /// <summary>A location that names only the file.</summary>
    public static SourceLocation OfFile(string file) => new(file, 0, 0);

    public bool HasPosition => Line > 0;

    /// <summary>The canonical compiler form: <c>path(line,col)</c>, or just the path.</summary>
    public override string ToString() => HasPosition ? $"{File}({Line},{Column})" : File;
}
