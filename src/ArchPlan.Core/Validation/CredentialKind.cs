namespace ArchPlan.Validation;

/// <summary>The kinds of credential <see cref="CredentialScanner"/> recognises (docs/credentials.md lists their shapes).</summary>
public enum CredentialKind
{
    /// <summary>An AWS access key id (<c>AKIA…</c>, <c>ASIA…</c>).</summary>
    AwsAccessKeyId,

    /// <summary>A 40-character AWS secret access key next to an aws/secret/key word.</summary>
    AwsSecretAccessKey,

    /// <summary>A PEM private key block with its body.</summary>
    PrivateKey,

    /// <summary>A password inside a connection string (<c>scheme://user:pass@host</c>, <c>Password=…;</c>).</summary>
    ConnectionStringPassword,

    /// <summary>A value led by a keyword such as <c>password=</c>, <c>api_key:</c>, <c>client_secret=</c>.</summary>
    KeywordSecret,

    /// <summary>A GitHub token (<c>ghp_…</c>, <c>github_pat_…</c>).</summary>
    GitHubToken,

    /// <summary>A Slack token (<c>xoxb-…</c>).</summary>
    SlackToken,

    /// <summary>A Stripe live secret or restricted key (<c>sk_live_…</c>).</summary>
    StripeLiveKey,

    /// <summary>A JSON Web Token (three base64url segments, the first starting <c>eyJ</c>).</summary>
    JsonWebToken,

    /// <summary>A Slack incoming-webhook URL (<c>https://hooks.slack.com/services/T…/B…/…</c>): the URL is the credential.</summary>
    SlackWebhookUrl,

    /// <summary>A GitLab personal, project or group access token (<c>glpat-…</c>).</summary>
    GitLabToken,

    /// <summary>A Google API key (<c>AIza</c> and 35 more characters).</summary>
    GoogleApiKey,

    /// <summary>A SendGrid API key (<c>SG.</c>, 22 characters, <c>.</c>, 43 characters).</summary>
    SendGridApiKey,

    /// <summary>An OpenAI API key (<c>sk-proj-…</c>, <c>sk-svcacct-…</c>, <c>sk-admin-…</c>, or a legacy <c>sk-…T3BlbkFJ…</c>).</summary>
    OpenAiApiKey,

    /// <summary>An npm access token (<c>npm_</c> and 36 letters and digits).</summary>
    NpmToken,

    /// <summary>HTTP Basic credentials (<c>Basic</c> followed by base64 of <c>user:password</c>).</summary>
    BasicAuthCredentials,
}
