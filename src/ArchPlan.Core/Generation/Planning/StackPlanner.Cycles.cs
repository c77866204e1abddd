using ArchPlan.Diagnostics;
using ArchPlan.Generation.ViewModel;
using ArchPlan.Model;

namespace ArchPlan.Generation.Planning;

/// <summary>
/// CloudFormation creates a resource after everything it references, and CDK makes a function (or service) wait for its
/// role's policy too, so a grant is an edge from the compute to the resource granted on. A plan whose resources refer to
/// each other in a circle ("`worker` starts the `flow` state machine", "`flow` runs `worker`") synthesizes, but
/// deploying it fails. Here every such circle is broken or refused before any code is written.
/// </summary>
internal sealed partial class StackPlanner
{
    /// <summary>
    /// Moves each grant that closes a circle into a policy of its own, attached to the same role through an imported
    /// view of it (the compute does not wait for that policy, so the circle is gone; the permissions are the ones the
    /// grant method gives). A circle made of references alone (a variable holding the ARN of the state machine that
    /// runs the function) cannot be broken that way: it is an error naming each link and the plan lines.
    /// </summary>
    private void BreakDependencyCycles()
    {
        var byMember = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var node in _nodes)
        {
            byMember.TryAdd(node.Member, node);
            if (node.TaskDefinitionMember is { } task)
            {
                byMember.TryAdd(task, node);
            }
            if (node.ContainerMember is { } container)
            {
                byMember.TryAdd(container, node);
            }
        }
        Node? Of(string expression) => byMember.GetValueOrDefault(IStackContext.IdOf(expression.Split('.')[0].TrimEnd('!')));

        // References a construct's own properties make: these stay.
        var edges = _nodes.ToDictionary(n => n, _ => new List<Edge>());
        foreach (var node in _nodes)
        {
            foreach (var step in node.WorkflowSteps)
            {
                edges[node].Add(new Edge(step, $"'{node.Name}' runs '{step.Name}'"));
            }
            foreach (var (target, _) in node.RuleTargets)
            {
                edges[node].Add(new Edge(target, $"'{node.Name}' targets '{target.Name}'"));
            }
            // A REST API's URL names its stage, whose deployment needs every method and so the function behind it; an
            // HTTP API's URL is its own endpoint, which needs nothing of the function.
            if (node.Kind == ResourceKind.RestApi)
            {
                var routed = node.Attributes("Route").Select(r => r.Value.IndexOf('@', StringComparison.Ordinal) is var at and >= 0 ? r.Value[(at + 1)..] : null)
                    .Select(target => target is null ? node.FrontedFunction : _nodes.FirstOrDefault(n => n.IsLambda && Kinds.ApiGateway.ApiKind.Matches(n, target)) ?? node.FrontedFunction);
                foreach (var function in routed.Append(node.FrontedFunction).OfType<Node>().Distinct())
                {
                    edges[node].Add(new Edge(function, $"'{node.Name}' sends requests to '{function.Name}'"));
                }
            }
        }
        foreach (var wiring in _wiring)
        {
            if (Of(wiring.Target) is not { } from || Of(wiring.Kind == "grant" ? wiring.Source : wiring.Value) is not { } to || from == to)
            {
                continue;
            }
            if (wiring.Kind == "variable")
            {
                edges[from].Add(new Edge(to, $"'{from.Name}' gets {wiring.Key} from '{to.Name}'", wiring));
            }
            else if (wiring.Kind == "grant")
            {
                edges[from].Add(new Edge(to, $"'{from.Name}' may use '{to.Name}' ({wiring.Method})", wiring, IsGrant: true));
            }
        }

        // A grant whose resource already reaches the compute without it closes a circle: move it apart.
        var apart = new HashSet<WiringView>(ReferenceEqualityComparer.Instance);
        foreach (var (node, list) in edges)
        {
            foreach (var edge in list.Where(e => e.IsGrant).ToList())
            {
                list.Remove(edge);
                if (Path(edges, edge.To, node) is not null)
                {
                    apart.Add(edge.Wiring!);
                }
                else
                {
                    list.Add(edge);
                }
            }
        }
        if (apart.Count > 0)
        {
            MoveGrantsApart(apart, Of);
        }

        // A function given the ARN (or name) of a state machine that runs it: name the state machine ahead and give
        // the function that name's ARN, which references nothing.
        for (var i = 0; i < _wiring.Count; i++)
        {
            var wiring = _wiring[i];
            if (wiring.Kind != "variable" || Of(wiring.Target) is not { } compute || Of(wiring.Value) is not { Kind: ResourceKind.StateMachine } machine
                || Path(edges, machine, compute) is null)
            {
                continue;
            }
            // The construct id: unique in the stack and ASCII, as a state machine's name must be.
            machine.PhysicalName ??= IStackContext.IdOf(machine.Member);
            var name = $"PhysicalName(\"{machine.PhysicalName}\", 80)";
            var value = wiring.Value.EndsWith(".StateMachineName", StringComparison.Ordinal) ? name : $"StateMachineArnOf({name})";
            _wiring[i] = wiring with { Value = value };
            edges[compute].RemoveAll(e => ReferenceEquals(e.Wiring, wiring));
            _diagnostics.Add(DiagnosticCatalog.GenerationNamedAhead, machine.Resource.Location, machine.Name, compute.Name, wiring.Key);
            Note($"State machine {machine.Name} is named ahead (stack name, then '{machine.PhysicalName}'): {compute.Name}, which it runs, gets its ARN in {wiring.Key} without a reference that would make the stack circular.");
        }

        // What is left circular is made of references alone.
        var reported = new HashSet<Node>();
        foreach (var node in _nodes)
        {
            if (reported.Contains(node) || edges[node].Count == 0)
            {
                continue;
            }
            foreach (var edge in edges[node])
            {
                if (Path(edges, edge.To, node) is { } back)
                {
                    var circle = new List<(Node From, string Why)> { (node, edge.Why) };
                    circle.AddRange(back);
                    reported.UnionWith(circle.Select(c => c.From));
                    var names = string.Join(" → ", circle.Select(c => "'" + c.From.Name + "'").Append("'" + node.Name + "'"));
                    var links = string.Join("; ", circle.Select(c => c.Why + $" (line {c.From.Resource.Location.Line})"));
                    _diagnostics.Add(DiagnosticCatalog.GenerationDependencyCycle, node.Resource.Location, names, links);
                    break;
                }
            }
        }
    }

    /// <summary>The edges of a path from <paramref name="from"/> to <paramref name="to"/> (each with the node it leaves), or null.</summary>
    private static List<(Node From, string Why)>? Path(Dictionary<Node, List<Edge>> edges, Node from, Node to)
    {
        var cameFrom = new Dictionary<Node, (Node From, string Why)>();
        var queue = new Queue<Node>([from]);
        var seen = new HashSet<Node> { from };
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (current == to)
            {
                var path = new List<(Node From, string Why)>();
                for (var at = to; at != from; at = cameFrom[at].From)
                {
                    path.Add(cameFrom[at]);
                }
                path.Reverse();
                return path;
            }
            foreach (var (next, why, _, _) in edges[current])
            {
                if (seen.Add(next))
                {
                    cameFrom[next] = (current, why);
                    queue.Enqueue(next);
                }
            }
        }
        return null;
    }

    /// <summary>Rewrites <paramref name="grants"/> to go to an imported, mutable view of the same role.</summary>
    private void MoveGrantsApart(HashSet<WiringView> grants, Func<string, Node?> of)
    {
        var views = new Dictionary<(Node Compute, Node Resource), (string Local, string Id)>();
        var rewritten = new List<WiringView>();
        foreach (var wiring in _wiring)
        {
            if (!grants.Contains(wiring))
            {
                rewritten.Add(wiring);
                continue;
            }
            var compute = of(wiring.Target)!;
            var resource = of(wiring.Source)!;
            if (!views.TryGetValue((compute, resource), out var view))
            {
                var id = IStackContext.IdOf(Claim(IStackContext.IdOf(compute.Member) + "RoleFor" + IStackContext.IdOf(resource.Member)));
                view = (char.ToLowerInvariant(id[0]) + id[1..], id);
                views[(compute, resource)] = view;
                var role = compute.IsLambda ? compute.Member + ".Role!" : compute.TaskDefinitionMember + ".TaskRole";
                rewritten.Add(new WiringView { Kind = "role_apart", Key = view.Local, Field = view.Id, Value = role });
                _diagnostics.Add(DiagnosticCatalog.GenerationGrantApart, compute.Resource.Location, compute.Name,
                    IStackContext.ModuleOf(resource).Grants(Access.ReadWrite).FirstOrDefault(g => g.Method == wiring.Method)?.Phrase ?? wiring.Method, resource.Name);
                Note($"{compute.Name}'s permissions on {resource.Name} are in a policy of their own ({id}): {resource.Name} already depends on {compute.Name}, and one policy would make the stack circular.");
            }
            rewritten.Add(wiring with { Target = view.Local, Owner = view.Id });
        }
        _wiring.Clear();
        _wiring.AddRange(rewritten);
    }

    /// <summary>"<see cref="To"/> must exist first": why (for the message), and the wiring it comes from (null: the construct's own properties); a grant can be moved apart.</summary>
    private readonly record struct Edge(Node To, string Why, WiringView? Wiring = null, bool IsGrant = false);
}
