namespace ArchPlan.Model;

/// <summary>What a compute does with a resource, as the plan's verbs say it ("reads from", "writes to", "publishes to").</summary>
[Flags]
public enum Access
{
    /// <summary>The plan names the resource but says nothing about the direction.</summary>
    Unspecified = 0,

    /// <summary>Reads, consumes, receives, downloads.</summary>
    Read = 1,

    /// <summary>Writes, sends, publishes, puts, uploads, starts.</summary>
    Write = 2,

    ReadWrite = Read | Write,
}
