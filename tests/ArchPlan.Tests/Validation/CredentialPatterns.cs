using System.Text;
using ArchPlan.Validation;

namespace ArchPlan.Tests.Validation;

/// <summary>
/// Fake credentials of every kind docs/credentials.md lists, and harmless look-alikes. Every value is assembled from
/// pieces at run time (and spells FAKE), so no secret scanner takes this file for a leak.
/// </summary>
internal static class CredentialPatterns
{
    public static readonly string SlackWebhook = "https://hooks.slack.com/" + "services/" + "T0FAKE123/B0FAKE456/" + "FakeFake1234FakeFake5678";
    public static readonly string UrlPasswordWithSlash = "postgres://app:" + "Fa/ke9Pw/7x" + "@db.internal:5432/app";
    public static readonly string GitLab = "glpat" + "-" + "FAKE1fake2FAKE3fake4X";
    public static readonly string Google = "AI" + "za" + "SyFAKE0fake1FAKE2fake3FAKE4fake5FAK";
    public static readonly string SendGrid = "SG" + "." + "FAKE0fake1FAKE2fake3FA" + "." + "FAKE0fake1FAKE2fake3FAKE4fake5FAKE6fake7FAK";
    public static readonly string OpenAi = "sk-" + "proj-" + "FAKEfake0123FAKEfake4567FAKE";
    public static readonly string Npm = "npm" + "_" + "FAKEfake0123FAKEfake4567FAKEfake8901";
    public static readonly string Basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("fakeuser:" + "FakePass123"));
    public static readonly string AwsKeyId = "AK" + "IA" + "FAKEFAKEFAKEFAKE";

    /// <summary>Each new form, with its kind and the part that must never be shown.</summary>
    public static TheoryData<string, CredentialKind, string> New => new()
    {
        { SlackWebhook, CredentialKind.SlackWebhookUrl, "FakeFake1234FakeFake5678" },
        { UrlPasswordWithSlash, CredentialKind.ConnectionStringPassword, "Fa/ke9Pw/7x" },
        { GitLab, CredentialKind.GitLabToken, GitLab },
        { Google, CredentialKind.GoogleApiKey, Google },
        { SendGrid, CredentialKind.SendGridApiKey, SendGrid },
        { OpenAi, CredentialKind.OpenAiApiKey, OpenAi },
        { Npm, CredentialKind.NpmToken, Npm },
        { Basic, CredentialKind.BasicAuthCredentials, Basic[6..] },
    };

    /// <summary>Values that look a little like the new forms and are harmless.</summary>
    public static TheoryData<string> LookAlikes => new()
    {
        "See SG. 4 of the runbook",
        "SG.short.value",
        "sk-learn",
        "sk-proj-short",
        "use the sk- prefix for keys",
        "npm_config_cache",
        "npm_" + "package_json_version_number_for_the_app",
        Convert.ToBase64String(Encoding.UTF8.GetBytes("fakeuser:" + "FakePass123")),
        "Basic authentication is used",
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("no colon in here")),
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:password")),
        "Basic <base64 of user:password>",
        "https://hooks.slack.com/services",
        "https://hooks.slack.com/" + "services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
        "https://user@host.example.com/path",
        "https://example.com:8443/a/b@c",
        "https://api.example.com/v1/items?owner=me@example.com",
        "AIza" + "Short123",
        "glpat-abc",
        "glpat" + "-" + "aaaaaaaaaaaaaaaaaaaaaaaa",
    };
}
