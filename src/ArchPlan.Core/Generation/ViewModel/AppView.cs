namespace ArchPlan.Generation.ViewModel;

// The records the templates render. They hold no nulls (empty strings and 0 instead), because Fluid runs with
// StrictVariables and treats a null member as undefined.
// They hold plan text only as raw strings, which templates pass through the
// escaping filters (cs, cs_comment, json, xml, md); every other string is an identifier or expression the
// generator built from identifiers and fixed CDK member names.

/// <summary>Everything the templates of one generated app need.</summary>
public sealed record AppView
{
    public required string Product { get; init; }
    public required string ProjectName { get; init; }
    public required string Namespace { get; init; }
    public required string StackClass { get; init; }
    public required string StackId { get; init; }
    public required string SourcePlan { get; init; }
    public required string PlanTitle { get; init; }
    public required string CdkLibVersion { get; init; }
    public required string ConstructsVersion { get; init; }
    public required string CdkCliVersion { get; init; }
    public required string TargetFramework { get; init; }
    public required string AppCommand { get; init; }
    public required string ProjectPath { get; init; }
    public required string ProjectGuid { get; init; }
    public required string SolutionGuid { get; init; }

    /// <summary>The cdk.json <c>context</c> object, already serialised (indented for its place in cdk.json).</summary>
    public required string ContextJson { get; init; }

    public bool HasEnvironments => Environments.Count > 0;
    public string DefaultEnvironment => Environments.Count > 0 ? Environments[0] : "";
    public required IReadOnlyList<string> Environments { get; init; }
    public required string EnvironmentKey { get; init; }
    public required string EnvironmentsKey { get; init; }

    public required IReadOnlyList<SettingView> Settings { get; init; }
    public required IReadOnlyList<SecretView> Secrets { get; init; }
    public required bool NeedsVpc { get; init; }
    public required bool NeedsCluster { get; init; }

    /// <summary>Every construct of the stack, in creation order (each after what it refers to).</summary>
    public required IReadOnlyList<ConstructView> Constructs { get; init; }

    /// <summary>The Lambda functions, for their placeholder handler code.</summary>
    public required IReadOnlyList<FunctionView> Functions { get; init; }
    public required IReadOnlyList<WiringView> Wiring { get; init; }

    /// <summary>What the plan states that the app does not do, per resource (README, scaffold comments, diagnostics).</summary>
    public required IReadOnlyList<NotGeneratedView> NotGenerated { get; init; }
    public required IReadOnlyList<ReadmeVariableView> ReadmeVariables { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>cdk-nag findings the plan's choices make, acknowledged in the stack with why (and listed in the README).</summary>
    public required IReadOnlyList<AcknowledgementView> Acknowledgements { get; init; }

    /// <summary>Per compute construct id: the grants the plan states, the reason its IAM wildcards are acknowledged.</summary>
    public required IReadOnlyList<GrantReasonView> GrantReasons { get; init; }

    /// <summary>Secure defaults the app applies that the plan did not ask for (README "Security review").</summary>
    public required IReadOnlyList<string> SecureDefaults { get; init; }

    /// <summary>True when a resource gets a name fixed ahead (a state machine whose ARN a function it runs is given).</summary>
    public bool UsesPhysicalNames { get; init; }
}

/// <summary>One acknowledged cdk-nag finding: the construct expression, the rule id, why, and the resource and plan line it comes from.</summary>
/// <param name="Target">The construct, as a C# expression (a stack member).</param>
/// <param name="Rule">The cdk-nag rule id (<c>AwsSolutions-APIG4</c>).</param>
/// <param name="Reason">Why the finding is the plan's choice.</param>
/// <param name="Resource">The plan resource's name.</param>
/// <param name="Line">The plan line that makes the choice.</param>
/// <param name="Type">A CloudFormation type: the finding is on every resource of that type inside the construct (its methods, routes); empty: on the construct's own resource.</param>
public sealed record AcknowledgementView(string Target, string Type, string Rule, string Reason, string Resource, int Line);

/// <summary>The grants the plan states for one compute (by construct id), as one sentence.</summary>
public sealed record GrantReasonView(string Owner, string Reason);

/// <summary>A configuration value read from CDK context at synth time.</summary>
public sealed record SettingView(string Property, string Key, string Name, bool Required, bool PerEnvironment);

/// <summary>A Secrets Manager secret the stack imports by name (or by the complete ARN given in context).</summary>
/// <param name="Member">The stack property holding it.</param>
/// <param name="Id">Its construct id.</param>
/// <param name="Name">The secret's name (for a secret with one name per environment, the name without the environment).</param>
/// <param name="ArnKey">The context key that may give its complete ARN.</param>
/// <param name="NameKey">For a secret with one name per environment: the context key holding the selected environment's
/// name (cdk.json "environments"); empty when <paramref name="Name"/> is the name.</param>
public sealed record SecretView(string Member, string Id, string Name, string ArnKey, string NameKey = "");

/// <summary>Where a planned resource came from, for the comment above its construct.</summary>
public sealed record Origin(string Name, int Line);

/// <summary>
/// One construct, already written as C#: <see cref="Creation"/> and <see cref="Statements"/> come from
/// <c>Generation/Code/Cs</c> trees, where plan text is only ever a Roslyn-formatted literal.
/// </summary>
/// <param name="Member">The stack property holding it.</param>
/// <param name="DeclaredType">The property's type, e.g. <c>Dynamo::Table</c>.</param>
/// <param name="Origin">The plan resource it comes from.</param>
/// <param name="Comments">Comment lines above it (plain text; the template sanitises them).</param>
/// <param name="Creation">The expression that creates it (indented for the method body).</param>
/// <param name="Statements">Statements run right after it, without the final ';'.</param>
public sealed record ConstructView(string Member, string DeclaredType, Origin Origin, IReadOnlyList<string> Comments, string Creation, IReadOnlyList<string> Statements);

/// <summary>A Lambda function's placeholder code folder and runtime family (PYTHON, NODEJS, RUBY, ...).</summary>
public sealed record FunctionView(string Name, string RuntimeFamily, string CodePath);

/// <summary>A phrase of the plan the app does not implement: which resource, the plan line, the words and why.</summary>
public sealed record NotGeneratedView(string Resource, string Member, int Line, string Phrase, string Why);

/// <summary>
/// One statement connecting resources: a variable, a container secret, a grant, a network permission or an event
/// source. <see cref="Kind"/> selects the template branch; the other fields are identifiers or fixed expressions.
/// </summary>
public sealed record WiringView
{
    /// <summary>variable, container_secret, grant, role_apart (an imported view of a role, for grants that would close a circle), connection or event_source.</summary>
    public required string Kind { get; init; }
    public string Target { get; init; } = "";
    public string Key { get; init; } = "";
    public string Value { get; init; } = "";
    public string Method { get; init; } = "";
    public string Field { get; init; } = "";
    public string Source { get; init; } = "";
    public string Comment { get; init; } = "";

    /// <summary>For a grant: the plan line that states it (0 when none does).</summary>
    public int Line { get; init; }

    /// <summary>For a grant made through a role view of its own (role_apart): that view's construct id, which owns its policy.</summary>
    public string Owner { get; init; } = "";
}

/// <summary>A row of the README's variable table.</summary>
public sealed record ReadmeVariableView(string Name, string Computes, string Source, string Description);
