using ArchPlan.Diagnostics;
using ArchPlan.Generation.Code;
using ArchPlan.Kinds;
using ArchPlan.Model;

namespace ArchPlan.Generation.Planning;

/// <summary>What a kind module may do while it emits a resource: name members, add constructs, report, note.</summary>
internal interface IStackContext
{
    Plan Plan { get; }

    /// <summary>Every resource the stack generates, in plan order.</summary>
    IReadOnlyList<Node> Nodes { get; }

    /// <summary>A member name unique in the stack class (and construct id: the member without '@').</summary>
    string Claim(string identifier);

    /// <summary>Adds a construct: a property of the stack class set in <c>DefinePlannedResources</c>.</summary>
    /// <param name="node">The plan resource it comes from (for the comment and the accounting of its phrases).</param>
    /// <param name="member">The property name (from <see cref="Claim"/>).</param>
    /// <param name="type">The declared C# type, e.g. <c>Dynamo::Table</c>.</param>
    /// <param name="creation">The expression that creates it.</param>
    /// <param name="statements">Statements run right after it is created (each without the final ';').</param>
    /// <param name="comments">Comment lines above it (plain text; sanitised when written).</param>
    void Add(Node node, string member, string type, Cs creation, IEnumerable<Cs>? statements = null, IEnumerable<string>? comments = null);

    /// <summary>The folder of a function's placeholder code (<c>handlers/&lt;name&gt;</c>, unique), scaffolded for its runtime family.</summary>
    string HandlerFolder(Node node, string runtimeFamily);

    /// <summary>The stems of a resource's own words (its kind words and the plan's resource names left out), e.g. for an alarm's metric.</summary>
    IReadOnlySet<string> WordsOf(Node node);

    /// <summary>Reports a diagnostic from the generation catalog.</summary>
    void Report(DiagnosticDescriptor descriptor, SourceLocation location, params object?[] args);

    /// <summary>A line for the generated README's notes (placeholders, defaults the user should know).</summary>
    void Note(string text);

    /// <summary>
    /// Acknowledges a cdk-nag (AwsSolutions) finding on <paramref name="target"/> (a construct expression) that the plan's
    /// choice makes: written as cdk_nag metadata with <paramref name="reason"/>, and listed in the README.
    /// </summary>
    void Acknowledge(Node node, string target, string rule, string reason, int line) => Acknowledge(node, target, "", rule, reason, line);

    /// <summary>Acknowledges a finding on every resource of CloudFormation type <paramref name="type"/> inside <paramref name="target"/> (all of them when empty: its own resource).</summary>
    void Acknowledge(Node node, string target, string type, string rule, string reason, int line);

    /// <summary>A secure default the app applies though the plan does not ask for it (README "Security review").</summary>
    void SecureDefault(string text);

    /// <summary>Marks a stated phrase of <paramref name="node"/> as not generated (with why), for the README and diagnostics.</summary>
    void NotGenerated(Node node, string phrase, string why);

    /// <summary>The construct id for a member (the member without '@').</summary>
    static string IdOf(string member) => member.TrimStart('@');

    /// <summary>The kind module of a node.</summary>
    static KindModule ModuleOf(Node node) => KindCatalog.For(node.Kind)!;

    /// <summary>The method body's indentation level, for rendering expressions.</summary>
    const int BodyIndent = 2;
}
