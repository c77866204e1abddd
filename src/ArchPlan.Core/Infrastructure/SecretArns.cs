using System.Text.RegularExpressions;

namespace ArchPlan.Infrastructure;

/// <summary>A secret named by an ARN or dynamic reference: its name, the JSON field selected, and the text it came from.</summary>
internal sealed record SecretMention(string Name, string? Field, string Text)
{
    /// <summary>True when the ARN names many secrets (<c>secret:*</c>, <c>secret:prefix/*</c>).</summary>
    public bool IsWildcard => Name.Contains('*', StringComparison.Ordinal);
}

/// <summary>Recovers secret names from ARNs (literal or built by <c>Fn::Join</c>) and from <c>{{resolve:secretsmanager:...}}</c>.</summary>
internal static partial class SecretArns
{
    /// <summary>
    /// Finds a secret ARN in <paramref name="text"/>, where tokens appear as <c>${...}</c>. CDK's
    /// <c>FromSecretNameV2</c> gives <c>...:secret:name</c> (and <c>name-??????</c> in grants); a complete
    /// ARN ends in <c>-</c> plus six random characters, which are not part of the name.
    /// </summary>
    public static SecretMention? FromArn(string text)
    {
        var match = SecretArn().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var rest = match.Groups["rest"].Value;
        var parts = rest.Split(':');
        var name = parts[0];
        var field = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
        if (name.EndsWith("-??????", StringComparison.Ordinal))
        {
            name = name[..^7];
        }
        else if (!text.Contains("${", StringComparison.Ordinal) && CompleteSuffix().IsMatch(name))
        {
            // A fully literal ARN comes from a deployed secret, so it is a complete ARN with the random suffix.
            name = name[..^7];
        }
        return name.Length == 0 ? null : new SecretMention(name, field, match.Value);
    }

    /// <summary>Finds <c>{{resolve:secretsmanager:secret-id:SecretString:json-key:...}}</c> in <paramref name="text"/>.</summary>
    public static IEnumerable<SecretMention> FromDynamicReferences(string text)
    {
        foreach (Match match in DynamicReference().Matches(text))
        {
            var inner = match.Groups["inner"].Value;
            var parts = inner.Split(':');
            string name;
            string[] tail;
            if (inner.StartsWith("arn:", StringComparison.Ordinal) && parts.Length >= 7)
            {
                var arn = FromArn(string.Join(':', parts[..7]));
                name = arn?.Name ?? parts[6];
                tail = parts[7..];
            }
            else
            {
                name = parts[0];
                tail = parts[1..];
            }
            var field = tail.Length >= 2 && tail[0] == "SecretString" && tail[1].Length > 0 ? tail[1] : null;
            if (name.Length > 0)
            {
                yield return new SecretMention(name, field, match.Value);
            }
        }
    }

    [GeneratedRegex(@"arn:[^:\s]*:secretsmanager:[^:\s]*:[^:\s]*:secret:(?<rest>[^\s""',]+)")]
    private static partial Regex SecretArn();

    [GeneratedRegex("-[A-Za-z0-9]{6}$")]
    private static partial Regex CompleteSuffix();

    [GeneratedRegex(@"\{\{resolve:secretsmanager:(?<inner>.*?)\}\}")]
    private static partial Regex DynamicReference();
}
