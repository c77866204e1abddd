using System.Text.Json;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ArchPlan.Infrastructure;

/// <summary>
/// Reads a C# CDK app's source with Roslyn's syntax trees, without building it: construct creations
/// (<c>new Function(this, "Id", props)</c>), their environment, container secrets, secrets imported by name or
/// ARN, grants, and context values. Names are resolved syntactically (locals, fields and constants), so the
/// reading is exact for straightforward stack code and says "unknown" for what it cannot follow.
/// </summary>
internal static class CdkSourceReader
{
    /// <summary>Source files larger than this are skipped: CDK stacks are small, generated blobs are not stacks.</summary>
    private const long MaxSourceBytes = 2 * 1024 * 1024;

    public static bool HasSource(string folder) => SourceFiles(folder).Any();

    /// <summary>
    /// The app's <c>.cs</c> files: linked folders are not entered, and a linked file is read only when it stays inside
    /// the app (a cloned repository could otherwise make diff read any file on the machine).
    /// </summary>
    internal static IEnumerable<string> SourceFiles(string folder)
    {
        var files = InputFolders.Files(folder, "*.cs", sub => Path.GetFileName(sub) is not ("bin" or "obj" or "cdk.out" or "node_modules" or ".git"));
        if (files.Count == 0)
        {
            return files;
        }
        var real = RealPaths.Resolve(folder);
        return files.Where(f => new FileInfo(f).LinkTarget is null || StaysInside(f, real));
    }

    private static bool StaysInside(string file, string realFolder)
    {
        try
        {
            return RealPaths.StaysInside(file, realFolder);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Brackets nested deeper than this are no stack code (generated or hostile text): such a file is not read, since
    /// Roslyn's parser recurses once per level and a deep enough file would overflow any stack.
    /// </summary>
    internal const int MaxNesting = 1_000;

    /// <summary>
    /// The stack source is read on. Roslyn's parser and the reader recurse on nested syntax; a dedicated thread with a
    /// large stack (address space, committed only as used) leaves room to spare below <see cref="MaxNesting"/>, and
    /// where Roslyn checks the stack it reports "too complex" instead of failing.
    /// </summary>
    private const int ReaderStackBytes = 256 * 1024 * 1024;

    public static InfraModel? Read(string folder, DiagnosticBag diagnostics)
    {
        InfraModel? model = null;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    model = ReadOnThisThread(folder, diagnostics);
                }
                catch (InsufficientExecutionStackException)
                {
                    diagnostics.Add(DiagnosticCatalog.SourceTooComplex, SourceLocation.OfFile(folder));
                }
#pragma warning disable CA1031 // Any other exception is handed to the calling thread as it was thrown.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
                }
            },
            ReaderStackBytes)
        {
            Name = "archplan source reader",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return model;
    }

    private static InfraModel? ReadOnThisThread(string folder, DiagnosticBag diagnostics)
    {
        var trees = new List<SyntaxTree>();
        foreach (var file in SourceFiles(folder))
        {
            var read = InputFile.Read(file, MaxSourceBytes);
            switch (read.Outcome)
            {
                case InputFileOutcome.Read:
                    break;
                case InputFileOutcome.TooLarge:
                    // CDK stacks are small; a generated blob is not a stack.
                    continue;
                case InputFileOutcome.NotRegular:
                    diagnostics.Add(DiagnosticCatalog.NotRegularFile, SourceLocation.OfFile(file), file, read.Detail);
                    continue;
                default:
                    diagnostics.Add(DiagnosticCatalog.InfraTemplateUnreadable, SourceLocation.OfFile(file), read.Detail);
                    continue;
            }
            var text = InputFile.DecodeText(read.Bytes!);
            var (nesting, line) = SourceNesting.Deepest(text);
            if (nesting > MaxNesting)
            {
                diagnostics.Add(DiagnosticCatalog.SourceTooDeep, new SourceLocation(file, line, 1), nesting, MaxNesting);
                continue;
            }
            try
            {
                var tree = CSharpSyntaxTree.ParseText(text, path: file);
                var error = tree.GetDiagnostics().FirstOrDefault(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
                if (error is not null)
                {
                    var span = error.Location.GetLineSpan();
                    diagnostics.Add(DiagnosticCatalog.InfraSourceSyntaxError,
                        new SourceLocation(file, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1), error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
                }
                trees.Add(tree);
            }
            catch (InsufficientExecutionStackException)
            {
                diagnostics.Add(DiagnosticCatalog.SourceTooComplex, SourceLocation.OfFile(file));
            }
        }

        var (context, environment) = ReadContext(folder);
        var walker = new SourceModelWalker(context, diagnostics);
        walker.Builder.SourceFiles = trees.Count;
        walker.Builder.SelectedEnvironment = environment;
        walker.Run(trees);
        if (walker.Builder.Resources.Count == 0)
        {
            diagnostics.Add(DiagnosticCatalog.InfraNoConstructs, SourceLocation.OfFile(folder), folder);
        }
        return walker.Builder.Build(folder, InfraSourceKind.CdkSource);
    }

    /// <summary>
    /// The <c>context</c> values of the app's cdk.json, as text, with those of the selected environment; and that
    /// environment's canonical name (null when cdk.json has no <c>environments</c>).
    /// </summary>
    private static (Dictionary<string, string> Context, string? Environment) ReadContext(string folder)
    {
        var context = new Dictionary<string, string>(StringComparer.Ordinal);
        string? environment = null;
        var path = Path.Combine(folder, "cdk.json");
        if (!File.Exists(path))
        {
            return (context, null);
        }
        try
        {
            if (InputFile.Read(path, MaxSourceBytes) is not { Outcome: InputFileOutcome.Read, Bytes: { } bytes })
            {
                return (context, null);
            }
            using var document = JsonDocument.Parse(InputFile.DecodeText(bytes), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("context", out var values) && values.ValueKind == JsonValueKind.Object)
            {
                foreach (var value in values.EnumerateObject())
                {
                    context[value.Name] = value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString()! : value.Value.GetRawText();
                }

                // Per-environment values ("environments": {"dev": {...}}) of the selected (or first) environment win.
                if (values.TryGetProperty("environments", out var environments) && environments.ValueKind == JsonValueKind.Object)
                {
                    var selected = context.GetValueOrDefault("environment");
                    var chosen = environments.EnumerateObject().FirstOrDefault(e => e.Name == selected);
                    if (chosen.Value.ValueKind != JsonValueKind.Object)
                    {
                        chosen = environments.EnumerateObject().FirstOrDefault(e => e.Value.ValueKind == JsonValueKind.Object);
                    }
                    if (chosen.Value.ValueKind == JsonValueKind.Object)
                    {
                        environment = Reading.EnvironmentNames.Canonical(chosen.Name) ?? chosen.Name;
                        foreach (var value in chosen.Value.EnumerateObject().Where(v => v.Value.ValueKind == JsonValueKind.String))
                        {
                            context[value.Name] = value.Value.GetString()!;
                        }
                    }
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // An unreadable cdk.json (or one with an escape that is no character) only means context values stay unknown.
        }
        return (context, environment);
    }
}

/// <summary>Walks the syntax trees of a CDK app and fills an <see cref="InfraModelBuilder"/>.</summary>
internal sealed class SourceModelWalker(Dictionary<string, string> context, DiagnosticBag diagnostics)
{
    private static readonly HashSet<string> LambdaClasses = new(StringComparer.Ordinal) { "Function", "DockerImageFunction", "NodejsFunction", "PythonFunction", "SingletonFunction" };

    private static readonly HashSet<string> NameProperties = new(StringComparer.Ordinal)
    {
        "FunctionName", "BucketName", "TableName", "QueueName", "TopicName", "RuleName", "RestApiName", "ApiName", "AlarmName",
        "InstanceIdentifier", "ClusterIdentifier", "StateMachineName", "ServiceName", "Family", "RepositoryName", "LogGroupName", "ScheduleName",
        "ParameterName",
    };

    private static readonly HashSet<string> SecretAttributes = new(StringComparer.Ordinal) { "SecretArn", "SecretFullArn", "SecretName" };

    /// <summary>A construct created in the source, with the names it is known by.</summary>
    private sealed class SourceConstruct
    {
        public required string Id { get; init; }

        public required string ClassName { get; init; }

        public required string Type { get; init; }

        public required InfraLocation Location { get; init; }

        public string? PhysicalName { get; set; }

        public string? PartOf { get; set; }

        /// <summary>For a secret created with <c>new Secret</c>: its name.</summary>
        public string? SecretName { get; set; }
    }

    /// <summary>A compute being filled: a function or one container.</summary>
    private sealed class SourceCompute
    {
        public required string LogicalId { get; init; }

        public string? ContainerName { get; init; }

        public required ResourceKind Kind { get; init; }

        public required InfraLocation Location { get; init; }

        public List<InfraVariable> Environment { get; } = [];

        public List<InfraVariable> Secrets { get; } = [];
    }

    private readonly Dictionary<string, SourceConstruct> _constructsByVariable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _secretsByVariable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _constants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExpressionSyntax> _initializers = new(StringComparer.Ordinal);

    // Methods of the app that wrap CDK calls, e.g. SetVariable(fn, key, value) => fn.AddEnvironment(key, value):
    // method name -> the parameter positions of target, key and value (or of the secret name).
    private readonly Dictionary<string, (int Target, int Key, int Value)> _environmentSetters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Target, int Key, int Value)> _secretSetters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _secretImporters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _contextProperties = new(StringComparer.Ordinal);

    private static readonly HashSet<string> ContextReaders = new(StringComparer.Ordinal)
    {
        "TryGetContext", "GetContext", "Optional", "Required", "Context", "Setting", "ContextValue",
    };
    private readonly Dictionary<string, SourceCompute> _computeByVariable = new(StringComparer.Ordinal);
    private readonly Dictionary<ObjectCreationExpressionSyntax, SourceConstruct> _constructs = [];
    private readonly List<SourceCompute> _compute = [];
    private readonly HashSet<string> _missingContext = new(StringComparer.Ordinal);

    public InfraModelBuilder Builder { get; } = new();

    public void Run(IReadOnlyList<SyntaxTree> trees)
    {
        var roots = trees.Select(t => t.GetRoot()).ToList();

        // Pass 1: names (constants, secrets, constructs), so pass 2 can resolve values wherever they appear.
        foreach (var root in roots)
        {
            CollectConstants(root);
            CollectWrappers(root);
        }
        foreach (var root in roots)
        {
            foreach (var node in root.DescendantNodes())
            {
                switch (node)
                {
                    case ObjectCreationExpressionSyntax creation:
                        RegisterConstruct(creation);
                        break;
                    case InvocationExpressionSyntax invocation when ImportedSecretName(invocation) is { } name:
                        if (BoundName(invocation) is { } variable)
                        {
                            _secretsByVariable[variable] = name;
                        }
                        Builder.AddSecret(new SecretReference(name, null, SecretOrigin.Import, At(invocation, ConstructIdArgument(invocation))));
                        break;
                    case ClassDeclarationSyntax type when type.BaseList?.Types.Any(b => LastName(b.Type) == "Stack") == true
                        && !Builder.Stacks.Contains(type.Identifier.ValueText):
                        // A partial stack class may name its base in more than one file.
                        Builder.AddStack(new InfraStack { Id = type.Identifier.ValueText }, inferEnvironment: false);
                        break;
                    default:
                        break;
                }
            }
        }

        // Pass 2: the compute each construct makes (functions, containers) and what it is given when made. Every
        // file first: a partial stack class spreads over files (MyStack.g.cs makes the function, MyStack.cs adds a
        // variable to it), and whichever order the files come in, the function must exist before the addition is read.
        var invocations = new List<InvocationExpressionSyntax>();
        foreach (var root in roots)
        {
            foreach (var node in root.DescendantNodes())
            {
                switch (node)
                {
                    case ObjectCreationExpressionSyntax creation when _constructs.TryGetValue(creation, out var construct):
                        ReadConstruct(creation, construct);
                        break;
                    case ObjectCreationExpressionSyntax statement when LastName(statement.Type) == "PolicyStatement":
                        ReadPolicyStatement(statement);
                        break;
                    case ObjectCreationExpressionSyntax container when LastName(container.Type) == "ContainerDefinition":
                        ReadContainerDefinition(container);
                        break;
                    case InvocationExpressionSyntax invocation when MethodName(invocation) == "AddContainer":
                        ReadInvocation(invocation);
                        break;
                    case InvocationExpressionSyntax invocation:
                        invocations.Add(invocation);
                        break;
                    default:
                        break;
                }
            }
        }

        // Pass 3: what is added to the compute afterwards (AddEnvironment, AddSecret, the app's wrappers, grants).
        foreach (var invocation in invocations)
        {
            ReadInvocation(invocation);
        }

        foreach (var construct in _constructs.Values)
        {
            var (role, kind) = ResourceTypes.Classify(construct.Type, construct.Id, null, null);
            Builder.Resources.Add(new InfraResource
            {
                LogicalId = construct.Id,
                Type = construct.Type,
                Kind = kind,
                Role = role,
                PhysicalName = construct.PhysicalName,
                PartOf = construct.PartOf,
                Location = construct.Location,
            });
            if (role == InfraRole.Secret)
            {
                Builder.AddSecret(new SecretReference(construct.SecretName ?? construct.Id, null, SecretOrigin.Declared, construct.Location));
            }
        }
        foreach (var compute in _compute)
        {
            Builder.Compute.Add(new ComputeResource
            {
                LogicalId = compute.LogicalId,
                ContainerName = compute.ContainerName,
                Kind = compute.Kind,
                Environment = compute.Environment.ToEquatableArray(),
                Secrets = compute.Secrets.ToEquatableArray(),
                Location = compute.Location,
            });
        }
    }

    private InfraLocation At(SyntaxNode node, string? id)
    {
        var span = node.GetLocation().GetLineSpan();
        return new InfraLocation(new SourceLocation(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1), id);
    }

    private static string LastName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => type.ToString(),
    };

    /// <summary>The variable, field or property an expression is stored in (<c>var x = ...</c>, <c>_x = ...</c>, <c>this.X = ...</c>).</summary>
    private static string? BoundName(ExpressionSyntax expression)
    {
        var node = expression.Parent;
        while (node is CastExpressionSyntax or ParenthesizedExpressionSyntax or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression })
        {
            node = node.Parent;
        }
        return node switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => declarator.Identifier.ValueText,
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
            AssignmentExpressionSyntax assignment when assignment.Right == expression || assignment.Right.Contains(expression) => assignment.Left switch
            {
                IdentifierNameSyntax id => id.Identifier.ValueText,
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                _ => null,
            },
            _ => null,
        };
    }

    private static string? NameOf(ExpressionSyntax expression) => Unwrap(expression, casts: true) switch
    {
        IdentifierNameSyntax id => id.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member => member.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The expression inside any parentheses (and casts), unwrapped in a loop: source can nest them thousands deep.</summary>
    private static ExpressionSyntax Unwrap(ExpressionSyntax expression, bool casts)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case CastExpressionSyntax cast when casts:
                    expression = cast.Expression;
                    break;
                default:
                    return expression;
            }
        }
    }

    /// <summary>Finds the app's own helper methods that forward their parameters to AddEnvironment, AddSecret or a secret import.</summary>
    private void CollectWrappers(SyntaxNode root)
    {
        foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            var parameters = method.ParameterList.Parameters.Select((p, i) => (p.Identifier.ValueText, i)).ToDictionary(p => p.ValueText, p => p.i, StringComparer.Ordinal);
            int Index(ExpressionSyntax? e) => e is not null && NameOf(e) is { } n && parameters.TryGetValue(n, out var i) ? i : -1;
            var body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
            foreach (var call in body?.DescendantNodes().OfType<InvocationExpressionSyntax>() ?? [])
            {
                var arguments = call.ArgumentList.Arguments;
                var name = MethodName(call);
                if (name is "AddEnvironment" or "AddSecret" && arguments.Count >= 2
                    && Index(Receiver(call)) is >= 0 and var target && Index(arguments[0].Expression) is >= 0 and var key && Index(arguments[1].Expression) is >= 0 and var value)
                {
                    (name == "AddEnvironment" ? _environmentSetters : _secretSetters)[method.Identifier.ValueText] = (target, key, value);
                }
                else if (name is "FromSecretNameV2" or "FromSecretName" && arguments.Count >= 3 && Index(arguments[2].Expression) is >= 0 and var secretName)
                {
                    _secretImporters[method.Identifier.ValueText] = secretName;
                }
            }
        }

        // Settings classes: "LogLevel = Optional("LOG_LEVEL", ...)" makes settings.LogLevel the context value LOG_LEVEL.
        foreach (var assignment in root.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            if (assignment.Left is IdentifierNameSyntax property && assignment.Right is InvocationExpressionSyntax reader
                && MethodName(reader) is { } readerName && ContextReaders.Contains(readerName)
                && reader.ArgumentList.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } key)
            {
                _contextProperties.TryAdd(property.Identifier.ValueText, key.Token.ValueText);
            }
        }
    }

    private void CollectConstants(SyntaxNode root)
    {
        foreach (var declarator in root.DescendantNodes().OfType<VariableDeclaratorSyntax>())
        {
            if (declarator.Initializer?.Value is { } initializer)
            {
                _initializers.TryAdd(declarator.Identifier.ValueText, initializer);
            }
            if (declarator.Initializer?.Value is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal)
            {
                _constants[declarator.Identifier.ValueText] = literal.Token.ValueText;
            }
        }
    }

    /// <summary>The text of a string expression when it is known from the source alone.</summary>
    /// <remarks>
    /// A concatenation is a left-leaning tree as deep as it has terms (<c>"a" + "b" + ...</c>, 50,000 of them in
    /// generated code): its parts are collected with an explicit stack, never by recursion.
    /// </remarks>
    private string? StringValue(ExpressionSyntax? expression)
    {
        if (expression is null)
        {
            return null;
        }
        var text = new System.Text.StringBuilder();
        var pending = new Stack<ExpressionSyntax>();
        pending.Push(expression);
        while (pending.TryPop(out var part))
        {
            part = Unwrap(part, casts: false);
            if (part is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add)
            {
                pending.Push(add.Right);
                pending.Push(add.Left);
                continue;
            }
            if (TermValue(part) is not { } value)
            {
                return null;
            }
            text.Append(value);
        }
        return text.ToString();
    }

    /// <summary>The text of one term of a string expression: a literal, a constant, an interpolation without holes.</summary>
    private string? TermValue(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal => literal.Token.ValueText,
        InterpolatedStringExpressionSyntax interpolated when interpolated.Contents.All(c => c is InterpolatedStringTextSyntax) =>
            string.Concat(interpolated.Contents.Cast<InterpolatedStringTextSyntax>().Select(t => t.TextToken.ValueText)),
        _ when NameOf(expression) is { } name && _constants.TryGetValue(name, out var constant) => constant,
        MemberAccessExpressionSyntax member when _constants.TryGetValue(member.Name.Identifier.ValueText, out var qualified) => qualified,
        _ => null,
    };

    private string? ConstructIdArgument(InvocationExpressionSyntax invocation) =>
        invocation.ArgumentList.Arguments.Count >= 2 ? StringValue(invocation.ArgumentList.Arguments[1].Expression) : null;

    private static string? MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax id => id.Identifier.ValueText,
        _ => null,
    };

    private static ExpressionSyntax? Receiver(InvocationExpressionSyntax invocation) =>
        (invocation.Expression as MemberAccessExpressionSyntax)?.Expression;

    /// <summary>The secret name of <c>Secret.FromSecretNameV2(this, id, "name")</c>, <c>FromSecretCompleteArn</c>, <c>FromSecretPartialArn</c>, <c>FromSecretAttributes</c>.</summary>
    private string? ImportedSecretName(InvocationExpressionSyntax invocation)
    {
        var method = MethodName(invocation);
        var arguments = invocation.ArgumentList.Arguments;
        switch (method)
        {
            case "FromSecretNameV2" or "FromSecretName" when arguments.Count >= 3:
                return StringValue(arguments[2].Expression) ?? Unresolved(arguments[2].Expression);
            case "FromSecretCompleteArn" or "FromSecretPartialArn" or "FromSecretArn" when arguments.Count >= 3:
                var arn = StringValue(arguments[2].Expression) ?? ContextText(arguments[2].Expression);
                return arn is null ? Unresolved(arguments[2].Expression) : SecretArns.FromArn(arn)?.Name ?? arn;
            case not null when _secretImporters.TryGetValue(method, out var index) && arguments.Count > index:
                return StringValue(arguments[index].Expression) ?? Unresolved(arguments[index].Expression);
            case "FromSecretAttributes" when arguments.Count >= 3 && arguments[2].Expression is ObjectCreationExpressionSyntax attributes:
                var value = Property(attributes, "SecretCompleteArn") ?? Property(attributes, "SecretPartialArn");
                var text = StringValue(value) ?? ContextText(value);
                return text is null ? null : SecretArns.FromArn(text)?.Name ?? text;
            default:
                return null;
        }
    }

    /// <summary>
    /// A placeholder name for a secret whose name the source computes: it still counts as referenced. Null inside a
    /// wrapper method (the name is its parameter): the calls of the wrapper give the names.
    /// </summary>
    private static string? Unresolved(ExpressionSyntax expression) =>
        NameOf(expression) is { } name && expression.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>() is { } method
            && method.ParameterList.Parameters.Any(p => p.Identifier.ValueText == name)
            ? null
            : "${" + expression + "}";

    /// <summary>The value of a <c>TryGetContext("key")</c> expression, from cdk.json.</summary>
    private string? ContextText(ExpressionSyntax? expression) =>
        ContextKey(expression) is { } key && context.TryGetValue(key, out var value) ? value : null;

    private static string? ContextKey(ExpressionSyntax? expression)
    {
        var invocation = expression?.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(i => MethodName(i) is "TryGetContext" or "GetContext");
        return invocation?.ArgumentList.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal ? literal.Token.ValueText : null;
    }

    private static ExpressionSyntax? Property(ObjectCreationExpressionSyntax creation, string name) =>
        creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
            .FirstOrDefault(a => a.Left is IdentifierNameSyntax id && id.Identifier.ValueText == name)?.Right;

    private void RegisterConstruct(ObjectCreationExpressionSyntax creation)
    {
        var className = LastName(creation.Type);
        if (!ResourceTypes.ConstructTypes.TryGetValue(className, out var type) || creation.ArgumentList is not { Arguments.Count: >= 2 } arguments)
        {
            return;
        }
        var id = StringValue(arguments.Arguments[1].Expression);
        if (id is null)
        {
            return;
        }
        var construct = new SourceConstruct { Id = id, ClassName = className, Type = type, Location = At(creation, id) };
        _constructs[creation] = construct;
        if (BoundName(creation) is { } variable)
        {
            _constructsByVariable[variable] = construct;
        }

        if (arguments.Arguments.Count >= 3 && arguments.Arguments[2].Expression is ObjectCreationExpressionSyntax props)
        {
            construct.PhysicalName = NameProperties.Select(n => StringValue(Property(props, n))).FirstOrDefault(n => n is not null);
            if (className == "Secret")
            {
                construct.SecretName = StringValue(Property(props, "SecretName"));
                if (BoundName(creation) is { } secretVariable)
                {
                    _secretsByVariable[secretVariable] = construct.SecretName ?? id;
                }
            }
        }
    }

    private void ReadConstruct(ObjectCreationExpressionSyntax creation, SourceConstruct construct)
    {
        var props = creation.ArgumentList!.Arguments.Count >= 3 ? creation.ArgumentList.Arguments[2].Expression as ObjectCreationExpressionSyntax : null;
        if (props is null)
        {
            if (LambdaClasses.Contains(construct.ClassName))
            {
                AddCompute(creation, construct, ResourceKind.LambdaFunction, null);
            }
            return;
        }

        if (construct.Type == "AWS::ECS::Service" && NameOf(Property(props, "TaskDefinition") ?? IdentifierName()) is { } taskDefinition
            && _constructsByVariable.TryGetValue(taskDefinition, out var task))
        {
            task.PartOf = construct.Id;
        }

        // A dead-letter queue exists for the queue or function that names it.
        var deadLetter = Property(props, "DeadLetterQueue");
        if (deadLetter is ObjectCreationExpressionSyntax deadLetterOptions)
        {
            deadLetter = Property(deadLetterOptions, "Queue");
        }
        if (deadLetter is not null && NameOf(deadLetter) is { } deadLetterVariable && _constructsByVariable.TryGetValue(deadLetterVariable, out var deadLetterQueue))
        {
            deadLetterQueue.PartOf ??= construct.Id;
        }

        if (LambdaClasses.Contains(construct.ClassName))
        {
            var compute = AddCompute(creation, construct, ResourceKind.LambdaFunction, null);
            ReadEnvironment(Property(props, "Environment"), compute.Environment, construct.Id);
            return;
        }

        // Patterns (ApplicationLoadBalancedFargateService, ScheduledFargateTask) take the container's settings in nested image options.
        var options = props.DescendantNodesAndSelf().OfType<ObjectCreationExpressionSyntax>()
            .FirstOrDefault(o => Property(o, "Environment") is not null || Property(o, "Secrets") is not null);
        if (options is not null && construct.Type is "AWS::ECS::Service" or "AWS::Events::Rule")
        {
            var compute = AddCompute(creation, construct, ResourceKind.FargateTask, StringValue(Property(options, "ContainerName")) ?? "web");
            ReadEnvironment(Property(options, "Environment"), compute.Environment, construct.Id);
            ReadEnvironment(Property(options, "Secrets"), compute.Secrets, construct.Id);
        }
    }

    /// <summary><c>new ContainerDefinition(this, "Id", new ContainerDefinitionProps { TaskDefinition = task, ... })</c>.</summary>
    private void ReadContainerDefinition(ObjectCreationExpressionSyntax creation)
    {
        if (creation.ArgumentList is not { Arguments.Count: >= 3 } arguments || arguments.Arguments[2].Expression is not ObjectCreationExpressionSyntax props
            || NameOf(Property(props, "TaskDefinition") ?? IdentifierName()) is not { } taskVariable
            || !_constructsByVariable.TryGetValue(taskVariable, out var task))
        {
            return;
        }
        var name = StringValue(Property(props, "ContainerName")) ?? StringValue(arguments.Arguments[1].Expression) ?? "container";
        var compute = AddCompute(creation, task, ResourceKind.FargateTask, name);
        if (BoundName(creation) is { } variable)
        {
            _computeByVariable[variable] = compute;
        }
        ReadEnvironment(Property(props, "Environment"), compute.Environment, task.Id);
        ReadEnvironment(Property(props, "Secrets"), compute.Secrets, task.Id);
    }

    private static IdentifierNameSyntax IdentifierName() => SyntaxFactory.IdentifierName("_");

    private SourceCompute AddCompute(SyntaxNode node, SourceConstruct construct, ResourceKind kind, string? container)
    {
        var compute = new SourceCompute { LogicalId = construct.Id, ContainerName = container, Kind = kind, Location = At(node, construct.Id) };
        _compute.Add(compute);
        if (kind == ResourceKind.LambdaFunction)
        {
            foreach (var (variable, _) in _constructsByVariable.Where(p => p.Value == construct))
            {
                _computeByVariable[variable] = compute;
            }
        }
        return compute;
    }

    private void ReadInvocation(InvocationExpressionSyntax invocation)
    {
        var method = MethodName(invocation);
        var receiver = Receiver(invocation);
        var arguments = invocation.ArgumentList.Arguments;
        var receiverName = receiver is null ? null : NameOf(receiver);
        switch (method)
        {
            case "AddContainer" when arguments.Count >= 2 && receiverName is not null && _constructsByVariable.TryGetValue(receiverName, out var task):
                var options = arguments[1].Expression as ObjectCreationExpressionSyntax;
                var name = StringValue(options is null ? null : Property(options, "ContainerName")) ?? StringValue(arguments[0].Expression) ?? "container";
                var compute = AddCompute(invocation, task, ResourceKind.FargateTask, name);
                if (BoundName(invocation) is { } containerVariable)
                {
                    _computeByVariable[containerVariable] = compute;
                }
                if (options is not null)
                {
                    ReadEnvironment(Property(options, "Environment"), compute.Environment, task.Id);
                    ReadEnvironment(Property(options, "Secrets"), compute.Secrets, task.Id);
                }
                break;
            case "AddEnvironment" when arguments.Count >= 2 && receiverName is not null && _computeByVariable.TryGetValue(receiverName, out var target):
                AddVariable(target.Environment, arguments[0].Expression, arguments[1].Expression, invocation, target.LogicalId);
                break;
            case "AddSecret" when arguments.Count >= 2 && receiverName is not null && _computeByVariable.TryGetValue(receiverName, out var container):
                AddVariable(container.Secrets, arguments[0].Expression, arguments[1].Expression, invocation, container.LogicalId);
                break;
            case not null when _environmentSetters.TryGetValue(method, out var setter) && arguments.Count > Math.Max(setter.Target, Math.Max(setter.Key, setter.Value))
                && NameOf(arguments[setter.Target].Expression) is { } setTarget && _computeByVariable.TryGetValue(setTarget, out var setCompute):
                AddVariable(setCompute.Environment, arguments[setter.Key].Expression, arguments[setter.Value].Expression, invocation, setCompute.LogicalId);
                break;
            case not null when _secretSetters.TryGetValue(method, out var secretSetter) && arguments.Count > Math.Max(secretSetter.Target, Math.Max(secretSetter.Key, secretSetter.Value))
                && NameOf(arguments[secretSetter.Target].Expression) is { } secretTarget && _computeByVariable.TryGetValue(secretTarget, out var secretCompute):
                AddVariable(secretCompute.Secrets, arguments[secretSetter.Key].Expression, arguments[secretSetter.Value].Expression, invocation, secretCompute.LogicalId);
                break;
            case "GrantRead" or "GrantWrite" when receiverName is not null && _secretsByVariable.TryGetValue(receiverName, out var granted):
                Builder.AddSecret(new SecretReference(granted, null, SecretOrigin.PolicyResource, At(invocation, null)));
                break;
            default:
                break;
        }
    }

    /// <summary>Reads <c>new Dictionary&lt;string, string&gt; { {"K", v}, ["K"] = v }</c> into variables.</summary>
    private void ReadEnvironment(ExpressionSyntax? expression, List<InfraVariable> into, string id)
    {
        var initializer = expression switch
        {
            ObjectCreationExpressionSyntax creation => creation.Initializer,
            ImplicitObjectCreationExpressionSyntax implicitCreation => implicitCreation.Initializer,
            _ => null,
        };
        if (initializer is null)
        {
            return;
        }
        foreach (var element in initializer.Expressions)
        {
            switch (element)
            {
                case InitializerExpressionSyntax { Expressions.Count: 2 } pair:
                    AddVariable(into, pair.Expressions[0], pair.Expressions[1], pair, id);
                    break;
                case AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax access } assignment when access.ArgumentList.Arguments.Count == 1:
                    AddVariable(into, access.ArgumentList.Arguments[0].Expression, assignment.Right, assignment, id);
                    break;
                default:
                    break;
            }
        }
    }

    private void AddVariable(List<InfraVariable> into, ExpressionSyntax nameExpression, ExpressionSyntax valueExpression, SyntaxNode at, string id)
    {
        var name = StringValue(nameExpression);
        if (name is null)
        {
            return;
        }
        var value = Classify(valueExpression);
        var location = At(at, id);
        into.Add(new InfraVariable(name, value, location));
        if (value.Kind == InfraValueKind.Secret && value.SecretName is { } secret)
        {
            Builder.AddSecret(new SecretReference(secret, null, SecretOrigin.VariableValue, location));
        }
    }

    /// <summary>Decides what a value expression is: literal, reference to a construct's attribute, secret, context, or unknown.</summary>
    private InfraValue Classify(ExpressionSyntax expression, int depth = 0)
    {
        expression = Unwrap(expression, casts: true);
        var text = expression.ToString();
        if (StringValue(expression) is { } literal)
        {
            return SecretArns.FromArn(literal) is { } arn
                ? new InfraValue(InfraValueKind.Secret, literal, SecretName: arn.Name, SecretField: arn.Field)
                : InfraValue.Literal(literal);
        }
        if (ContextKey(expression) is { } key)
        {
            if (!context.TryGetValue(key, out var contextValue))
            {
                if (_missingContext.Add(key))
                {
                    diagnostics.Add(DiagnosticCatalog.InfraContextMissing, At(expression, null).Source, key);
                }
                return new InfraValue(InfraValueKind.Context, text, ContextKey: key);
            }
            return SecretArns.FromArn(contextValue) is { } arn
                ? new InfraValue(InfraValueKind.Secret, contextValue, SecretName: arn.Name, SecretField: arn.Field, ContextKey: key)
                : new InfraValue(InfraValueKind.Context, contextValue, ContextKey: key, Resolved: true);
        }
        if (NameOf(expression) is { } variable && _secretsByVariable.TryGetValue(variable, out var secretVariable))
        {
            return new InfraValue(InfraValueKind.Secret, text, SecretName: secretVariable);
        }
        if (NameOf(expression) is { } local && !_constructsByVariable.ContainsKey(local) && _initializers.TryGetValue(local, out var initializer) && depth < 8)
        {
            // A local holding a computed value ("var level = (string)Node.TryGetContext(...) ?? ..."): classify what it holds.
            return Classify(initializer, depth + 1);
        }

        switch (expression)
        {
            case InvocationExpressionSyntax invocation when MethodName(invocation) is "FromSecretsManager" or "FromSecretsManagerVersion":
                var arguments = invocation.ArgumentList.Arguments;
                var secret = arguments.Count > 0 ? SecretOf(arguments[0].Expression) : null;
                var field = arguments.Count > 1 ? StringValue(arguments[^1].Expression) : null;
                return new InfraValue(InfraValueKind.Secret, text, SecretName: secret, SecretField: field);
            case MemberAccessExpressionSyntax member when _contextProperties.TryGetValue(member.Name.Identifier.ValueText, out var contextKey)
                && !(NameOf(member.Expression) is { } holder && _constructsByVariable.ContainsKey(holder)):
                return context.TryGetValue(contextKey, out var known)
                    ? new InfraValue(InfraValueKind.Context, known, ContextKey: contextKey, Resolved: true)
                    : new InfraValue(InfraValueKind.Context, text, ContextKey: contextKey);
            case MemberAccessExpressionSyntax member when SecretAttributes.Contains(member.Name.Identifier.ValueText) && SecretOf(member.Expression) is { } name:
                return new InfraValue(InfraValueKind.Secret, text, SecretName: name);
            case MemberAccessExpressionSyntax member when NameOf(member.Expression) is { } owner && _constructsByVariable.TryGetValue(owner, out var construct):
                return new InfraValue(InfraValueKind.Reference, text, ResourceId: construct.Id, Attribute: member.Name.Identifier.ValueText);
            default:
                return InfraValue.Unknown(text);
        }
    }

    /// <summary>The secret an expression denotes: a secret variable, or an inline <c>Secret.FromSecretNameV2(...)</c>.</summary>
    private string? SecretOf(ExpressionSyntax expression)
    {
        if (NameOf(expression) is { } name && _secretsByVariable.TryGetValue(name, out var secret))
        {
            return secret;
        }
        return expression is InvocationExpressionSyntax invocation ? ImportedSecretName(invocation) : null;
    }

    /// <summary>A policy statement granting Secrets Manager actions on <c>"*"</c>.</summary>
    private void ReadPolicyStatement(ObjectCreationExpressionSyntax statement)
    {
        var props = statement.ArgumentList?.Arguments.FirstOrDefault()?.Expression as ObjectCreationExpressionSyntax ?? (statement.Initializer is null ? null : statement);
        if (props is null)
        {
            return;
        }
        var actions = Strings(Property(props, "Actions")).ToList();
        var secretActions = actions.Where(a => a.StartsWith("secretsmanager:", StringComparison.OrdinalIgnoreCase)).ToList();
        if (secretActions.Count == 0)
        {
            return;
        }
        foreach (var resource in Strings(Property(props, "Resources")))
        {
            if (resource == "*" || SecretArns.FromArn(resource) is { IsWildcard: true })
            {
                Builder.Grants.Add(new WildcardSecretGrant(string.Join(", ", secretActions), resource, At(statement, null)));
            }
        }
    }

    private IEnumerable<string> Strings(ExpressionSyntax? expression)
    {
        var elements = expression switch
        {
            ArrayCreationExpressionSyntax array => array.Initializer?.Expressions.AsEnumerable(),
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
            CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression),
            _ => null,
        };
        return (elements ?? []).Select(StringValue).OfType<string>();
    }
}
