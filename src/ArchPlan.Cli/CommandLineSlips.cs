using System.CommandLine;
using ArchPlan.Common;

namespace ArchPlan.Cli;

/// <summary>
/// Finds the slips System.CommandLine would let through or word vaguely: an unknown option that a command taking file
/// arguments would read as a path (<c>generate plan.md --ouput x</c>), and an unknown command (<c>archplan chek</c>);
/// each with the nearest real name.
/// </summary>
internal static class CommandLineSlips
{
    /// <summary>The one-line message for the first slip in <paramref name="args"/>, or null when there is none.</summary>
    public static string? Find(RootCommand root, IReadOnlyList<string> args)
    {
        Command command = root;
        var i = 0;
        for (; i < args.Count && command == root; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                return null;
            }
            if (IsOptionLike(arg))
            {
                if (Unknown(root, root, arg) is { } message)
                {
                    return message;
                }
                continue;
            }
            if (arg.StartsWith('[') || arg.StartsWith('@'))
            {
                // A directive ([diagram]) or a response file: System.CommandLine's business.
                return null;
            }
            var sub = root.Subcommands.FirstOrDefault(c => c.Name == arg || c.Aliases.Contains(arg));
            if (sub is null)
            {
                var names = root.Subcommands.Select(c => c.Name).ToList();
                return Nearest(arg, names) is { } near
                    ? $"'{arg}' is not a command; did you mean '{near}'? (commands: {string.Join(", ", names)})"
                    : $"'{arg}' is not a command; use one of {string.Join(", ", names)} (archplan --help)";
            }
            command = sub;
        }

        for (; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                return null;
            }
            if (!IsOptionLike(arg))
            {
                continue;
            }
            if (Unknown(root, command, arg) is { } message)
            {
                return message;
            }
            var name = NameOf(arg);
            if (name.Length == arg.Length && Options(root, command).FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name)) is { } option
                && option.ValueType != typeof(bool) && option.Arity.MaximumNumberOfValues > 0)
            {
                i++; // its value, which may itself start with '-'
            }
        }
        return null;
    }

    private static bool IsOptionLike(string arg) =>
        arg.Length > 1 && arg[0] == '-' && !double.TryParse(arg, System.Globalization.CultureInfo.InvariantCulture, out _);

    /// <summary>"--format=json" and "--format:json" name "--format".</summary>
    private static string NameOf(string arg)
    {
        var end = arg.IndexOfAny(['=', ':'], 1);
        return end < 0 ? arg : arg[..end];
    }

    private static IEnumerable<Option> Options(RootCommand root, Command command) =>
        command == root ? root.Options : command.Options.Concat(root.Options.Where(o => o.Recursive));

    private static string? Unknown(RootCommand root, Command command, string arg)
    {
        var options = Options(root, command).ToList();
        var known = options.SelectMany(o => o.Aliases.Prepend(o.Name)).ToHashSet(StringComparer.Ordinal);
        var name = NameOf(arg);
        if (known.Contains(name) || arg is "-?" or "/?" or "/h")
        {
            return null;
        }
        // Bundled short flags: -qv.
        if (arg[1] != '-' && arg.Skip(1).All(c => known.Contains($"-{c}")))
        {
            return null;
        }
        var who = command == root ? "archplan" : $"archplan {command.Name}";
        var longNames = options.Where(o => !o.Hidden).Select(o => o.Name).Where(n => n.StartsWith("--", StringComparison.Ordinal)).ToList();
        return Nearest(name, longNames) is { } near
            ? $"unknown option '{name}' for '{who}'; did you mean '{near}'? (run '{who} --help' for every option)"
            : $"unknown option '{name}' for '{who}'; run '{who} --help' for every option";
    }

    /// <summary>The candidate closest to <paramref name="typed"/> by edit distance (or that it starts), when close enough.</summary>
    internal static string? Nearest(string typed, IEnumerable<string> candidates)
    {
        var bare = typed.TrimStart('-').ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var name = candidate.TrimStart('-');
            var distance = bare.Length >= 2 && name.StartsWith(bare, StringComparison.Ordinal) ? 1 : EditDistance.Between(bare, name);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }
        return best is not null && bestDistance <= Math.Max(2, bare.Length / 3) ? best : null;
    }
}
