namespace ArchPlan.Generation.Output;

/// <summary>What a run does, or would do, to one file.</summary>
public enum FileAction
{
    /// <summary>The file does not exist yet and is written.</summary>
    Create,

    /// <summary>A generated file, unchanged since ArchPlan wrote it, gets new content.</summary>
    Update,

    /// <summary>The file on disk already holds exactly the new content.</summary>
    Unchanged,

    /// <summary>A scaffold file exists and belongs to people now: left alone.</summary>
    Skip,

    /// <summary>A generated file was edited by hand: refused, and the whole run writes nothing.</summary>
    Conflict,

    /// <summary>A generated file was edited by hand and is overwritten because of --force.</summary>
    Overwrite,

    /// <summary>A file generated earlier for something no longer in the plan, unchanged since: deleted.</summary>
    Remove,

    /// <summary>A file generated earlier for something no longer in the plan, edited by hand: reported and kept.</summary>
    KeepOrphan,
}
