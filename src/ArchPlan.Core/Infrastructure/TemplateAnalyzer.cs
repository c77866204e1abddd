using System.Text;
using System.Text.RegularExpressions;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Infrastructure;

/// <summary>Reads one parsed CloudFormation template into the model: resources, compute and its variables, secrets, grants.</summary>
internal sealed partial class TemplateAnalyzer
{
    private readonly string _file;
    private readonly string? _stack;
    private readonly InfraModelBuilder _builder;
    private readonly Dictionary<string, TemplateMap> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _declaredSecrets = new(StringComparer.Ordinal);

    // Secrets a database (or another construct) generates for itself: referring to one names no secret a plan lists.
    private readonly HashSet<string> _generatedSecrets = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string>? _paths;

    // The top-level sections of a CloudFormation template: a map with one of them (or nothing at all) is a template.
    private static readonly HashSet<string> TemplateSections = new(StringComparer.Ordinal)
    {
        "AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings", "Conditions", "Transform",
        "Resources", "Outputs", "Hooks",
    };

    private TemplateAnalyzer(string file, string? stack, InfraModelBuilder builder, IReadOnlyDictionary<string, string>? paths)
    {
        _file = file;
        _stack = stack;
        _builder = builder;
        _paths = paths;
    }

    /// <summary>Adds the template's content to <paramref name="builder"/>; false (with a diagnostic) when it is not a template.</summary>
    /// <remarks>
    /// A stack with no resources is a template too: CDK then writes no <c>Resources</c> key at all (only the bootstrap
    /// version parameter and rule), and an exported empty stack may say <c>Resources: {}</c>.
    /// </remarks>
    public static bool Analyze(TemplateNode root, string file, string? stack, InfraModelBuilder builder, DiagnosticBag diagnostics,
        IReadOnlyDictionary<string, string>? paths = null)
    {
        var resources = (root as TemplateMap)?["Resources"];
        var isTemplate = root is TemplateMap map && resources switch
        {
            TemplateMap => true,
            TemplateScalar scalar => scalar.Value.Length == 0 || scalar.Value is "null" or "~",
            null => map.Entries.Count == 0 || map.Entries.Any(e => TemplateSections.Contains(e.Key)),
            _ => false,
        };
        if (!isTemplate)
        {
            diagnostics.Add(DiagnosticCatalog.InfraNotATemplate, SourceLocation.OfFile(file), file);
            return false;
        }
        new TemplateAnalyzer(file, stack, builder, paths).Run(resources as TemplateMap ?? new TemplateMap([], root.Line, root.Column));
        return true;
    }

    private InfraLocation At(string logicalId, int line, int column = 1) =>
        new(new SourceLocation(_file, line, column), logicalId, _stack);

    private void Run(TemplateMap resources)
    {
        foreach (var entry in resources.Entries)
        {
            if (entry.Value is TemplateMap body)
            {
                _resources[entry.Key] = body;
            }
        }

        // Secrets first: other resources refer to them by Ref, and their names come from here.
        foreach (var (id, body) in _resources)
        {
            if (body["Type"]?.Text == "AWS::SecretsManager::Secret")
            {
                var name = (body["Properties"] as TemplateMap)?["Name"]?.Text ?? id;
                _declaredSecrets[id] = name;
            }
        }

        var owners = Owners();
        foreach (var (id, body) in _resources)
        {
            if (body["Type"]?.Text == "AWS::SecretsManager::Secret" && owners.ContainsKey(id) && (body["Properties"] as TemplateMap)?["Name"] is null)
            {
                _generatedSecrets.Add(id);
            }
        }

        foreach (var entry in resources.Entries)
        {
            if (entry.Value is not TemplateMap body)
            {
                continue;
            }
            var id = entry.Key;
            var type = body["Type"]?.Text ?? "";
            var properties = body["Properties"] as TemplateMap;
            var cdkPath = CdkPath(id, body);
            var handler = properties?["Handler"]?.Text;
            var (role, kind) = ResourceTypes.Classify(type, id, cdkPath, handler);
            var location = At(id, entry.Line, entry.Column);
            string? physicalName = null;
            if (properties is not null && ResourceTypes.NameProperties.TryGetValue(type, out var nameProperty))
            {
                physicalName = (properties[nameProperty] as TemplateScalar)?.Value;
            }
            else if (properties is not null && role == InfraRole.Primary)
            {
                // Types without a known name property mostly call it Name or <Thing>Name (UserPoolName, CollectionName).
                physicalName = properties.Entries
                    .Where(e => e.Key == "Name" || (e.Key.EndsWith("Name", StringComparison.Ordinal) && type.Contains(e.Key[..^4], StringComparison.Ordinal)))
                    .Select(e => (e.Value as TemplateScalar)?.Value)
                    .FirstOrDefault(v => v is not null);
            }

            _builder.Resources.Add(new InfraResource
            {
                LogicalId = id,
                Type = type,
                Kind = kind,
                Role = role,
                CdkPath = cdkPath,
                PhysicalName = physicalName,
                Stack = _stack,
                PartOf = owners.GetValueOrDefault(id),
                Schedule = type is "AWS::Events::Rule" or "AWS::Scheduler::Schedule" ? (properties?["ScheduleExpression"] as TemplateScalar)?.Value : null,
                Location = location,
            });

            // A secret without a name made inside another construct (a database's generated credentials) is that
            // construct's plumbing, not a secret the plan would list.
            if (role == InfraRole.Secret && !_generatedSecrets.Contains(id))
            {
                AddSecret(new SecretReference(_declaredSecrets.GetValueOrDefault(id, id), null, SecretOrigin.Declared, location));
            }

            if (properties is null)
            {
                continue;
            }

            switch (type)
            {
                case "AWS::Lambda::Function" or "AWS::Serverless::Function":
                    ReadFunction(id, cdkPath, role == InfraRole.Helper, properties, location);
                    MarkUnsetOnPurpose(id, body);
                    break;
                case "AWS::ECS::TaskDefinition":
                    ReadTaskDefinition(id, cdkPath, properties, location);
                    MarkUnsetOnPurpose(id, body);
                    break;
                case "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy":
                    ReadPolicyDocument(id, properties["PolicyDocument"]);
                    break;
                case "AWS::IAM::Role":
                    if (properties["Policies"] is TemplateList inline)
                    {
                        foreach (var policy in inline.Items.OfType<TemplateMap>())
                        {
                            ReadPolicyDocument(id, policy["PolicyDocument"]);
                        }
                    }
                    break;
                default:
                    break;
            }

            // Secrets mentioned anywhere else: dynamic references in any property, ARNs in custom resources and outputs.
            if (type is not ("AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy" or "AWS::IAM::Role" or "AWS::Lambda::Function"
                or "AWS::Serverless::Function" or "AWS::ECS::TaskDefinition"))
            {
                ScanForSecrets(id, properties, SecretOrigin.Other);
            }
        }

        ReadEdges();
    }

    /// <summary>
    /// Which resource each resource exists for: a service's task definition, a queue's or function's dead-letter
    /// queue, a database's attached secret, and anything CDK nests under another resource's construct path (<c>Stack/Fn/DeadLetterQueue/Resource</c>).
    /// </summary>
    private Dictionary<string, string> Owners()
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        string? RefTarget(TemplateNode? node) => node is TemplateMap { IsIntrinsic: true } map
            ? map["Ref"]?.Text ?? (map["Fn::GetAtt"] is TemplateList { Items.Count: > 0 } getAtt ? getAtt.Items[0].Text : null)
            : null;

        foreach (var (id, body) in _resources)
        {
            var properties = body["Properties"] as TemplateMap;
            var target = body["Type"]?.Text switch
            {
                "AWS::ECS::Service" => RefTarget(properties?["TaskDefinition"]),
                "AWS::SQS::Queue" => RefTarget((properties?["RedrivePolicy"] as TemplateMap)?["deadLetterTargetArn"]),
                "AWS::Lambda::Function" => RefTarget((properties?["DeadLetterConfig"] as TemplateMap)?["TargetArn"]),
                _ => null,
            };

            // A schedule that starts one function or task is when that compute runs, as a plan says it ("daily at 10:00"):
            // the compute is what the plan lists, so the rule is its part (the rule's name may match a plan item too).
            if (body["Type"]?.Text is "AWS::Events::Rule" && properties?["ScheduleExpression"] is not null
                && properties["Targets"] is TemplateList { Items.Count: 1 } targets && targets.Items[0] is TemplateMap scheduled)
            {
                owners.TryAdd(id, RefTarget((scheduled["EcsParameters"] as TemplateMap)?["TaskDefinitionArn"]) ?? RefTarget(scheduled["Arn"]) ?? "");
                if (owners[id].Length == 0 || !_resources.ContainsKey(owners[id]))
                {
                    owners.Remove(id);
                }
            }
            if (target is not null && target != id && _resources.ContainsKey(target))
            {
                owners.TryAdd(target, id);
            }

            // A database's generated credentials are attached to it: the secret is the database's, with or without
            // construct paths (a template synthesized with --no-path-metadata, or written by hand).
            if (body["Type"]?.Text == "AWS::SecretsManager::SecretTargetAttachment"
                && RefTarget(properties?["SecretId"]) is { } secret && RefTarget(properties?["TargetId"]) is { } database
                && secret != database && _resources.ContainsKey(secret) && _resources.ContainsKey(database))
            {
                owners.TryAdd(secret, database);
            }
        }

        var constructPaths = _resources
            .Select(r => (Id: r.Key, Path: ConstructPath(CdkPath(r.Key, r.Value)), Type: r.Value["Type"]?.Text ?? ""))
            .Where(r => r.Path is not null)
            .ToList();

        // The primary resources by construct path (the first one read wins a shared path). A resource's owner is the
        // one at its longest proper ancestor path: walking up its own path keeps this linear in the resources, where
        // testing every pair made a 1,000-resource template take most of a second.
        var primaryAt = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, path, type) in constructPaths)
        {
            if (type.StartsWith("AWS::", StringComparison.Ordinal) && ResourceTypes.Classify(type, id, null, null).Role == InfraRole.Primary)
            {
                primaryAt.TryAdd(path!, id);
            }
        }
        foreach (var (id, path, _) in constructPaths)
        {
            for (var slash = path!.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            {
                if (primaryAt.TryGetValue(path[..slash], out var owner))
                {
                    owners.TryAdd(id, owner);
                    break;
                }
            }
        }
        return owners;
    }

    /// <summary>Notes a secret reference, unless it is to a secret a construct generated for itself (it has no name to plan).</summary>
    private void AddSecret(SecretReference reference)
    {
        // A generated secret has no Name property, so its "name" here is its logical id.
        if (!_generatedSecrets.Contains(reference.Name))
        {
            _builder.AddSecret(reference);
        }
    }

    /// <summary>Records the <c>archplan:unset:&lt;NAME&gt;</c> metadata of a compute resource on the compute read from it.</summary>
    private void MarkUnsetOnPurpose(string id, TemplateMap body)
    {
        if (body["Metadata"] is not TemplateMap metadata)
        {
            return;
        }
        var names = metadata.Entries.Select(e => e.Key).Where(k => k.StartsWith(UnsetPrefix, StringComparison.Ordinal))
            .Select(k => k[UnsetPrefix.Length..]).ToEquatableArray();
        if (names.Count == 0)
        {
            return;
        }
        for (var i = 0; i < _builder.Compute.Count; i++)
        {
            if (_builder.Compute[i].LogicalId == id && _builder.Compute[i].Stack == _stack)
            {
                _builder.Compute[i] = _builder.Compute[i] with { UnsetOnPurpose = names };
            }
        }
    }

    /// <summary>The metadata key prefix a generated app writes for each optional variable it leaves unset.</summary>
    public const string UnsetPrefix = "archplan:unset:";

    /// <summary>The resource's <c>aws:cdk:path</c>, or the path the manifest gives its logical id.</summary>
    private string? CdkPath(string id, TemplateMap body) =>
        (body["Metadata"] as TemplateMap)?["aws:cdk:path"]?.Text ?? _paths?.GetValueOrDefault(id);

    /// <summary>The construct's own path: the cdk path without the CloudFormation resource's last segment.</summary>
    private static string? ConstructPath(string? cdkPath)
    {
        if (cdkPath is null)
        {
            return null;
        }
        var slash = cdkPath.LastIndexOf('/');
        return slash > 0 ? cdkPath[..slash] : null;
    }

    private void ReadFunction(string id, string? cdkPath, bool isHelper, TemplateMap properties, InfraLocation location)
    {
        var variables = new List<InfraVariable>();
        if ((properties["Environment"] as TemplateMap)?["Variables"] is TemplateMap map)
        {
            foreach (var entry in map.Entries)
            {
                var value = Classify(entry.Value);
                variables.Add(new InfraVariable(entry.Key, value, At(id, entry.Line, entry.Column)));
                NoteSecret(value, entry.Value, SecretOrigin.VariableValue, id);
            }
        }
        _builder.Compute.Add(new ComputeResource
        {
            LogicalId = id,
            Kind = ResourceKind.LambdaFunction,
            CdkPath = cdkPath,
            Stack = _stack,
            IsHelper = isHelper,
            Environment = variables.ToEquatableArray(),
            Location = location,
        });
    }

    private void ReadTaskDefinition(string id, string? cdkPath, TemplateMap properties, InfraLocation location)
    {
        if (properties["ContainerDefinitions"] is not TemplateList containers)
        {
            return;
        }
        foreach (var container in containers.Items.OfType<TemplateMap>())
        {
            var name = container["Name"] is { } nameNode ? Render(nameNode) : null;
            var environment = new List<InfraVariable>();
            var secrets = new List<InfraVariable>();
            foreach (var item in (container["Environment"] as TemplateList)?.Items.OfType<TemplateMap>() ?? [])
            {
                if (item["Name"]?.Text is { } variable)
                {
                    var valueNode = item["Value"];
                    var value = valueNode is null ? InfraValue.Literal("") : Classify(valueNode);
                    environment.Add(new InfraVariable(variable, value, At(id, item.Line, item.Column)));
                    NoteSecret(value, valueNode, SecretOrigin.VariableValue, id);
                }
            }
            foreach (var item in (container["Secrets"] as TemplateList)?.Items.OfType<TemplateMap>() ?? [])
            {
                if (item["Name"]?.Text is { } variable && item["ValueFrom"] is { } valueFrom)
                {
                    var value = Classify(valueFrom);
                    secrets.Add(new InfraVariable(variable, value, At(id, item.Line, item.Column)));
                    NoteSecret(value, valueFrom, SecretOrigin.ContainerSecret, id);
                }
            }
            ScanForSecrets(id, container, SecretOrigin.Other, skipKeys: ["Environment", "Secrets"]);
            _builder.Compute.Add(new ComputeResource
            {
                LogicalId = id,
                ContainerName = name,
                Kind = ResourceKind.FargateTask,
                CdkPath = cdkPath,
                Stack = _stack,
                Environment = environment.ToEquatableArray(),
                Secrets = secrets.ToEquatableArray(),
                Location = At(id, container.Line, container.Column),
            });
        }
    }

    private void NoteSecret(InfraValue value, TemplateNode? node, SecretOrigin origin, string id)
    {
        if (value.Kind == InfraValueKind.Secret && value.SecretName is { } name)
        {
            var dynamic = value.Text?.Contains("{{resolve:", StringComparison.Ordinal) == true;
            AddSecret(new SecretReference(name, value.Text, dynamic ? SecretOrigin.DynamicReference : origin,
                At(id, node?.Line ?? 0, node?.Column ?? 0)));
        }
    }

    /// <summary>The statements of an IAM policy document that allow (a single statement or a list; Deny left out).</summary>
    private static IEnumerable<TemplateMap> AllowStatements(TemplateNode? document) =>
        ((document as TemplateMap)?["Statement"] switch
        {
            TemplateList list => list.Items.OfType<TemplateMap>(),
            TemplateMap single => [single],
            _ => [],
        }).Where(statement => statement["Effect"]?.Text is not { } effect || effect == "Allow");

    private void ReadPolicyDocument(string id, TemplateNode? document)
    {
        foreach (var statement in AllowStatements(document))
        {
            var actions = Items(statement["Action"]).Select(a => a.Text).OfType<string>().ToList();
            var secretActions = actions.Where(a => a.StartsWith("secretsmanager:", StringComparison.OrdinalIgnoreCase)).ToList();
            foreach (var resource in Items(statement["Resource"]))
            {
                var text = Render(resource);
                var location = At(id, resource.Line, resource.Column);
                if (text == "*")
                {
                    if (secretActions.Count > 0)
                    {
                        _builder.Grants.Add(new WildcardSecretGrant(string.Join(", ", secretActions), text, location));
                    }
                    continue;
                }
                if (SecretNameOf(resource) is { } mention)
                {
                    if (mention.IsWildcard)
                    {
                        _builder.Grants.Add(new WildcardSecretGrant(string.Join(", ", secretActions.Count > 0 ? secretActions : actions), text, location));
                    }
                    else
                    {
                        AddSecret(new SecretReference(mention.Name, mention.Text, SecretOrigin.PolicyResource, location));
                    }
                }
            }
        }
    }

    private static IEnumerable<TemplateNode> Items(TemplateNode? node) => node switch
    {
        null => [],
        TemplateList list => list.Items,
        _ => [node],
    };

    private void ScanForSecrets(string id, TemplateNode node, SecretOrigin origin, string[]? skipKeys = null)
    {
        switch (node)
        {
            case TemplateScalar scalar:
                foreach (var mention in SecretArns.FromDynamicReferences(scalar.Value))
                {
                    AddSecret(new SecretReference(mention.Name, mention.Text, SecretOrigin.DynamicReference, At(id, node.Line, node.Column)));
                }
                if (SecretArns.FromArn(scalar.Value) is { IsWildcard: false } arn)
                {
                    AddSecret(new SecretReference(arn.Name, arn.Text, origin, At(id, node.Line, node.Column)));
                }
                break;
            case TemplateMap { IsIntrinsic: true } intrinsic when intrinsic.Entries[0].Key is "Fn::Join" or "Fn::Sub":
                var text = Render(intrinsic);
                foreach (var mention in SecretArns.FromDynamicReferences(text))
                {
                    AddSecret(new SecretReference(mention.Name, mention.Text, SecretOrigin.DynamicReference, At(id, node.Line, node.Column)));
                }
                if (SecretArns.FromArn(text) is { IsWildcard: false } joined)
                {
                    AddSecret(new SecretReference(joined.Name, joined.Text, origin, At(id, node.Line, node.Column)));
                }
                break;
            case TemplateMap map:
                foreach (var entry in map.Entries)
                {
                    if (skipKeys is null || !skipKeys.Contains(entry.Key))
                    {
                        ScanForSecrets(id, entry.Value, origin);
                    }
                }
                break;
            case TemplateList list:
                foreach (var item in list.Items)
                {
                    ScanForSecrets(id, item, origin);
                }
                break;
            default:
                break;
        }
    }

    /// <summary>The secret a value names: an ARN (literal or joined), a Ref to a declared secret, or a dynamic reference.</summary>
    private SecretMention? SecretNameOf(TemplateNode node)
    {
        var text = Render(node);
        if (SecretArns.FromDynamicReferences(text).FirstOrDefault() is { } dynamic)
        {
            return dynamic;
        }
        if (SecretArns.FromArn(text) is { } arn)
        {
            return arn;
        }

        // Ref to a secret in this template yields its ARN; "${Secret}:password::" selects a field of it.
        var match = LeadingToken().Match(text);
        if (match.Success && _declaredSecrets.TryGetValue(match.Groups["id"].Value, out var declared))
        {
            var rest = text[match.Length..].Split(':');
            var field = rest.Length > 1 && rest[1].Length > 0 ? rest[1] : null;
            return new SecretMention(declared, field, text);
        }
        return null;
    }

    /// <summary>Decides what a variable's value is: literal, reference, secret, or unknown.</summary>
    private InfraValue Classify(TemplateNode node)
    {
        var text = Render(node);
        if (SecretNameOf(node) is { } secret)
        {
            return new InfraValue(InfraValueKind.Secret, text, SecretName: secret.Name, SecretField: secret.Field);
        }
        if (node is TemplateScalar scalar)
        {
            return InfraValue.Literal(scalar.Value);
        }
        if (node is TemplateMap { IsIntrinsic: true } intrinsic)
        {
            var function = intrinsic.Entries[0].Key;
            if (function is "Ref" or "Fn::GetAtt" or "Fn::Join" or "Fn::Sub")
            {
                var reference = References(intrinsic).FirstOrDefault(r => _resources.ContainsKey(r.Id));
                if (reference.Id is not null)
                {
                    return new InfraValue(InfraValueKind.Reference, text, ResourceId: reference.Id, Attribute: reference.Attribute);
                }
                if (function is "Fn::Join" or "Fn::Sub" && !text.Contains("${", StringComparison.Ordinal))
                {
                    return InfraValue.Literal(text);
                }
            }
            if (function == "Fn::ImportValue")
            {
                return new InfraValue(InfraValueKind.Reference, text, Attribute: "ImportValue");
            }
        }
        return InfraValue.Unknown(text);
    }

    /// <summary>The resources (logical id, attribute) a value refers to, in order.</summary>
    private static IEnumerable<(string Id, string Attribute)> References(TemplateNode node)
    {
        switch (node)
        {
            case TemplateMap { IsIntrinsic: true } map when map.Entries[0].Key == "Ref" && map.Entries[0].Value.Text is { } id:
                yield return (id, "Ref");
                break;
            case TemplateMap { IsIntrinsic: true } map when map.Entries[0].Key == "Fn::GetAtt":
                var parts = map.Entries[0].Value switch
                {
                    TemplateList list => list.Items.Select(i => i.Text ?? "").ToArray(),
                    TemplateScalar s => s.Value.Split('.', 2),
                    _ => [],
                };
                if (parts.Length >= 1)
                {
                    yield return (parts[0], parts.Length > 1 ? parts[1] : "");
                }
                break;
            case TemplateMap { IsIntrinsic: true } map when map.Entries[0].Key == "Fn::Sub":
                var template = map.Entries[0].Value is TemplateList { Items.Count: > 0 } subList ? subList.Items[0].Text : map.Entries[0].Value.Text;
                foreach (Match match in SubVariable().Matches(template ?? ""))
                {
                    var name = match.Groups["name"].Value;
                    var dot = name.IndexOf('.', StringComparison.Ordinal);
                    yield return dot < 0 ? (name, "Ref") : (name[..dot], name[(dot + 1)..]);
                }
                if (map.Entries[0].Value is TemplateList { Items.Count: > 1 } withVariables)
                {
                    foreach (var reference in References(withVariables.Items[1]))
                    {
                        yield return reference;
                    }
                }
                break;
            case TemplateMap map:
                foreach (var entry in map.Entries)
                {
                    foreach (var reference in References(entry.Value))
                    {
                        yield return reference;
                    }
                }
                break;
            case TemplateList list:
                foreach (var item in list.Items)
                {
                    foreach (var reference in References(item))
                    {
                        yield return reference;
                    }
                }
                break;
            default:
                break;
        }
    }

    /// <summary>Renders a value as text, tokens as <c>${Id}</c>, <c>${Id.Attr}</c>, <c>${AWS::Region}</c>, other functions as <c>${Fn::Name}</c>.</summary>
    internal static string Render(TemplateNode node)
    {
        var builder = new StringBuilder();
        Render(node, builder, 0);
        return builder.ToString();
    }

    private static void Render(TemplateNode node, StringBuilder builder, int depth)
    {
        if (depth > 50)
        {
            return;
        }
        switch (node)
        {
            case TemplateScalar scalar:
                builder.Append(scalar.Value);
                break;
            case TemplateMap { IsIntrinsic: true } map:
                var (function, argument) = (map.Entries[0].Key, map.Entries[0].Value);
                switch (function)
                {
                    case "Ref":
                        builder.Append("${").Append(PseudoParameter(argument.Text ?? "")).Append('}');
                        break;
                    case "Fn::GetAtt":
                        builder.Append("${").Append(argument is TemplateList l ? string.Join('.', l.Items.Select(i => i.Text)) : argument.Text).Append('}');
                        break;
                    case "Fn::Join" when argument is TemplateList { Items.Count: 2 } join && join.Items[1] is TemplateList pieces:
                        var delimiter = join.Items[0].Text ?? "";
                        for (var i = 0; i < pieces.Items.Count; i++)
                        {
                            if (i > 0)
                            {
                                builder.Append(delimiter);
                            }
                            Render(pieces.Items[i], builder, depth + 1);
                        }
                        break;
                    case "Fn::Sub":
                        var template = argument is TemplateList { Items.Count: > 0 } sub ? sub.Items[0].Text : argument.Text;
                        var variables = argument is TemplateList { Items.Count: > 1 } subWith ? subWith.Items[1] as TemplateMap : null;
                        builder.Append(SubVariable().Replace(template ?? "", m =>
                            variables?[m.Groups["name"].Value] is { } v ? Render(v) : "${" + PseudoParameter(m.Groups["name"].Value) + "}"));
                        break;
                    default:
                        builder.Append("${").Append(function).Append('}');
                        break;
                }
                break;
            case TemplateMap:
                builder.Append("{...}");
                break;
            case TemplateList list:
                builder.Append('[').AppendJoin(", ", list.Items.Select(Render)).Append(']');
                break;
            default:
                break;
        }
    }

    /// <summary><c>AWS::Region</c> → <c>AWS_Region</c>, so rendered ARNs keep exactly one colon between their parts.</summary>
    private static string PseudoParameter(string name) => name.Replace("::", "_", StringComparison.Ordinal);

    [GeneratedRegex(@"^\$\{(?<id>[A-Za-z0-9]+)\}")]
    private static partial Regex LeadingToken();

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z0-9_.:]+)\}")]
    private static partial Regex SubVariable();
}
