using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ArchPlan.Generation.Templates;

namespace ArchPlan.Generation.Code;

/// <summary>
/// A C# expression the generator emits, as a small tree. Plan text enters only as <see cref="Str"/> (written by
/// Roslyn's literal formatter, the same function as the templates' <c>cs</c> filter); everything else is numbers,
/// booleans, fixed CDK member names and identifiers the generator made, checked against an identifier pattern, so no
/// plan text can become code.
/// </summary>
public abstract partial record Cs
{
    /// <summary>The expressions this one is made of (arguments, items, the target of a call).</summary>
    internal virtual IEnumerable<Cs> Children => [];

    /// <summary>True when the expression is written on one line (decided by its shape alone).</summary>
    internal virtual bool IsSmall => true;

    /// <summary>Writes the expression; <paramref name="indent"/> is the indentation of the line it starts on.</summary>
    internal abstract void Write(StringBuilder builder, int indent);

    /// <summary>The expression as C# text, starting at the given indentation (continuation lines are indented to match).</summary>
    public string Render(int indent = 0)
    {
        var builder = new StringBuilder();
        Write(builder, indent);
        return builder.ToString();
    }

    public override string ToString() => Render();

    public static Cs String(string value) => new Str(value);

    public static Cs Number(long value) => new Num(value.ToString(CultureInfo.InvariantCulture));

    public static Cs Number(double value) => new Num(value.ToString("R", CultureInfo.InvariantCulture));

    public static Cs Bool(bool value) => new Code(value ? "true" : "false");

    /// <summary>A fixed name or member path such as <c>Dynamo::AttributeType.STRING</c> or <c>PaymentsTable.TableName</c>.</summary>
    public static Cs Name(string path) => new Code(Checked(path));

    /// <summary><c>Cdk::Duration.Seconds(n)</c> and friends.</summary>
    public static Cs Duration(string unit, long amount) => Call("Cdk::Duration." + unit, Number(amount));

    /// <summary>A call of a fixed method on a fixed or generated name: <c>target.Method(args)</c> or <c>Type.Method(args)</c>.</summary>
    public static Cs Call(string method, params Cs[] args) => new Invocation(Checked(method), [.. args]);

    /// <summary>A call of a fixed method on the result of another expression: <c>expression.Method(args)</c>.</summary>
    public static Cs CallOn(Cs target, string method, params Cs[] args) => new Chained(target, Checked(method), [.. args]);

    /// <summary><c>new Type(args) { Property = value, ... }</c>.</summary>
    public static New New(string type, params Cs[] args) => new(Checked(type), [.. args], []);

    /// <summary><c>new Type[] { items }</c>.</summary>
    public static Cs Array(string elementType, IEnumerable<Cs> items) => new ArrayOf(elementType.Length == 0 ? "" : Checked(elementType), [.. items]);

    /// <summary>A lambda-free inline dictionary: <c>new Dictionary&lt;string, string&gt; { ["k"] = v }</c>.</summary>
    public static Cs StringMap(IEnumerable<(string Key, Cs Value)> entries) => new MapOf([.. entries]);

    [GeneratedRegex(@"^(?:[A-Za-z_@][A-Za-z0-9_]*(?:::|\.)?)+!?(?:\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex NamePattern();

    private static string Checked(string path) =>
        NamePattern().IsMatch(path) ? path : throw new ArgumentException($"'{path}' is not a name the generator may emit", nameof(path));

    internal static void Indent(StringBuilder builder, int indent) => builder.Append(' ', indent * 4);

    private sealed record Str(string Value) : Cs
    {
        internal override void Write(StringBuilder builder, int indent) => builder.Append(CSharpText.PropertyText(Value));
    }

    private sealed record Num(string Text) : Cs
    {
        internal override void Write(StringBuilder builder, int indent) => builder.Append(Text);
    }

    private sealed record Code(string Text) : Cs
    {
        internal override void Write(StringBuilder builder, int indent) => builder.Append(Text);
    }

    private sealed record Invocation(string Method, IReadOnlyList<Cs> Args) : Cs
    {
        internal override bool IsSmall => Args.All(a => a.IsSmall);

        internal override IEnumerable<Cs> Children => Args;

        internal override void Write(StringBuilder builder, int indent)
        {
            builder.Append(Method).Append('(');
            for (var i = 0; i < Args.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(", ");
                }
                Args[i].Write(builder, indent);
            }
            builder.Append(')');
        }
    }

    private sealed record Chained(Cs Target, string Method, IReadOnlyList<Cs> Args) : Cs
    {
        internal override bool IsSmall => Target.IsSmall && Args.All(a => a.IsSmall);

        internal override IEnumerable<Cs> Children => [Target, .. Args];

        internal override void Write(StringBuilder builder, int indent)
        {
            Target.Write(builder, indent);
            builder.Append('.');
            new Invocation(Method, Args).Write(builder, indent);
        }
    }

    internal sealed record ArrayOf(string ElementType, IReadOnlyList<Cs> Items) : Cs
    {
        internal override bool IsSmall => Items.All(i => i is not New { Properties.Count: > 0 });

        internal override IEnumerable<Cs> Children => Items;

        internal override void Write(StringBuilder builder, int indent)
        {
            // An empty element type lets C# infer it: new[] { "a", "b" }.
            builder.Append(ElementType.Length == 0 ? "new[]" : "new " + ElementType + "[]");
            if (IsSmall)
            {
                builder.Append(" { ");
                for (var i = 0; i < Items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }
                    Items[i].Write(builder, indent);
                }
                builder.Append(" }");
                return;
            }
            builder.Append('\n');
            Indent(builder, indent);
            builder.Append("{\n");
            foreach (var item in Items)
            {
                Indent(builder, indent + 1);
                item.Write(builder, indent + 1);
                builder.Append(",\n");
            }
            Indent(builder, indent);
            builder.Append('}');
        }
    }

    private sealed record MapOf(IReadOnlyList<(string Key, Cs Value)> Entries) : Cs
    {
        internal override void Write(StringBuilder builder, int indent)
        {
            builder.Append("new Dictionary<string, string> { ");
            for (var i = 0; i < Entries.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(", ");
                }
                builder.Append('[').Append(CSharpText.Literal(Entries[i].Key)).Append("] = ");
                Entries[i].Value.Write(builder, indent);
            }
            builder.Append(" }");
        }
    }
}

/// <summary><c>new Type(args) { Property = value, ... }</c>, built up property by property.</summary>
public sealed record New(string Type, IReadOnlyList<Cs> Args, IReadOnlyList<(string Name, Cs Value)> Properties) : Cs
{
    // One level of nesting at most: new Sqs::DeadLetterQueue { Queue = X, MaxReceiveCount = 5 }, not an object holding one.
    internal override bool IsSmall => Properties.Count <= 2 && Args.All(a => a.IsSmall && a is not New { Properties.Count: > 0 })
        && Properties.All(p => p.Value.IsSmall && p.Value is not New { Properties.Count: > 0 } && !ContainsObject(p.Value));

    private static bool ContainsObject(Cs value) => value switch
    {
        New { Properties.Count: > 0 } => true,
        New n => n.Args.Any(ContainsObject),
        _ => value.Children.Any(ContainsObject),
    };

    /// <summary>This object with one more property (names are fixed CDK property names).</summary>
    public New With(string property, Cs value) => this with { Properties = [.. Properties, (CheckedProperty(property), value)] };

    /// <summary>This object with the property when <paramref name="value"/> is not null.</summary>
    public New With(string property, Cs? value, bool when) => when && value is not null ? With(property, value) : this;

    private static string CheckedProperty(string name) =>
        name.Length > 0 && char.IsAsciiLetterUpper(name[0]) && name.All(char.IsAsciiLetterOrDigit)
            ? name
            : throw new ArgumentException($"'{name}' is not a property name", nameof(name));

    internal override void Write(StringBuilder builder, int indent)
    {
        builder.Append("new ").Append(Type);
        if (Args.Count > 0 || Properties.Count == 0)
        {
            builder.Append('(');
            for (var i = 0; i < Args.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(", ");
                }
                Args[i].Write(builder, indent);
            }
            builder.Append(')');
        }
        if (Properties.Count == 0)
        {
            return;
        }
        // Small objects stay on one line: new Dynamo::Attribute { Name = "pk", Type = ... }. The choice depends on the
        // shape only, never on the length of plan text, so a plan and its benign twin get the same tokens.
        if (IsSmall)
        {
            var first = true;
            foreach (var (name, value) in Properties)
            {
                builder.Append(first ? " { " : ", ").Append(name).Append(" = ");
                value.Write(builder, indent);
                first = false;
            }
            builder.Append(" }");
            return;
        }
        builder.Append('\n');
        Indent(builder, indent);
        builder.Append("{\n");
        foreach (var (name, value) in Properties)
        {
            Indent(builder, indent + 1);
            builder.Append(name).Append(" = ");
            value.Write(builder, indent + 1);
            builder.Append(",\n");
        }
        Indent(builder, indent);
        builder.Append('}');
    }
}
