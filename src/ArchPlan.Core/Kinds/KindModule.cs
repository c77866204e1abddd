using ArchPlan.Generation.Code;
using ArchPlan.Generation.Planning;
using ArchPlan.Model;

namespace ArchPlan.Kinds;

/// <summary>
/// Everything ArchPlan knows about one AWS resource kind, in one place: the phrases of a plan it understands (read
/// into <see cref="PlannedResource.Attributes"/>), the construct and properties it emits, the grants the plan's verbs
/// imply, the values a variable can take from it and the metric an alarm watches. Registered in
/// <see cref="KindCatalog"/>.
/// </summary>
internal abstract class KindModule
{
    /// <summary>The plan kinds this module builds.</summary>
    public abstract IReadOnlyList<ResourceKind> Kinds { get; }

    /// <summary>The suffix of the C# member holding the construct (<c>PaymentsTable</c>).</summary>
    public abstract string Suffix { get; }

    /// <summary>The member suffix for one of <see cref="Kinds"/> (a module building two kinds may name them apart).</summary>
    public virtual string MemberSuffix(ResourceKind kind) => Suffix;

    /// <summary>When the construct is created: after everything it refers to.</summary>
    public abstract BuildPhase Phase { get; }

    /// <summary>The words this kind understands, each setting one attribute.</summary>
    public virtual IReadOnlyList<Phrase> Phrases => [];

    /// <summary>Words that are part of naming this kind and never a statement to generate ("table", "on-demand" is not).</summary>
    public virtual IReadOnlyList<string> KindWords => [];

    /// <summary>Adds the node's construct(s) to the stack.</summary>
    public abstract void Emit(Node node, IStackContext stack);

    /// <summary>The grants a compute needs for <paramref name="access"/> (method on the construct, phrase for messages).</summary>
    public virtual IReadOnlyList<Grant> Grants(Access access) => [];

    /// <summary>The direction assumed when the plan states none, and why (reported to the user).</summary>
    public virtual Access DefaultAccess => Access.ReadWrite;

    /// <summary>The value a variable named with <paramref name="nameStems"/> takes from this resource, or null.</summary>
    public virtual ResourceValue? ValueFor(Node node, IReadOnlyList<string> nameStems) => null;

    /// <summary>
    /// The metric an alarm on this resource watches: the one the alarm's words name (<paramref name="words"/>: stems such
    /// as "throttle", "latency", "depth"), else the kind's usual one; null when the kind has no metric.
    /// </summary>
    public virtual AlarmMetric? Metric(Node node, IReadOnlySet<string> words) => null;

    /// <summary>Human name of the kind for messages ("DynamoDB table").</summary>
    public abstract string Title { get; }

    /// <summary>Human name of one of <see cref="Kinds"/> ("RDS instance", "Aurora cluster").</summary>
    public virtual string TitleOf(ResourceKind kind) => Title;
}

/// <summary>One grant: the construct's method (<c>GrantReadData</c>) and what it allows, for messages.</summary>
internal sealed record Grant(string Method, string Phrase);

/// <summary>An attribute of a construct that a variable can carry (<c>PaymentsTable.TableName</c>).</summary>
internal sealed record ResourceValue(Cs Expression, string Phrase);

/// <summary>A metric of a construct an alarm can watch: the method producing it and a phrase for messages.</summary>
/// <param name="Method">A method on the construct taking <c>MetricOptions</c>, e.g. <c>MetricErrors</c>; empty for a hand-built metric.</param>
/// <param name="Phrase">"errors", "messages in the dead-letter queue".</param>
/// <param name="On">The member the method is called on (the node's member, or its dead-letter queue's).</param>
/// <param name="Custom">The <c>MetricProps</c> of a hand-built metric (namespace, name, dimensions), when <paramref name="Method"/> is empty.</param>
internal sealed record AlarmMetric(string Method, string Phrase, string On, New? Custom = null);

/// <summary>The order constructs are created in: each phase may refer to the ones before it.</summary>
internal enum BuildPhase
{
    Network,
    Storage,
    Database,
    Compute,
    Workflow,
    Api,
    Rule,
    Alarm,
}
