using ArchPlan.Validation;

namespace ArchPlan.Tests.Validation;

public sealed class CredentialScannerTests
{
    // Test credentials are assembled from pieces so secret scanners do not take this file for a leak.
    private const string GitHubBody = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    private const string SecretKey = "Kq8vN2pLx7RtY4mWc9ZbH3jDf6GsA1eUo5TiQ0nV";

    public static TheoryData<string, string?, CredentialKind> Credentials => new()
    {
        { "AKIA" + "Z7Q2RMNB4TLW6PVH", null, CredentialKind.AwsAccessKeyId },
        { "aws_access_key_id = ASIA" + "Z7Q2RMNB4TLW6PVH", null, CredentialKind.AwsAccessKeyId },
        { SecretKey, "AWS_SECRET_ACCESS_KEY", CredentialKind.AwsSecretAccessKey },
        { "aws secret " + SecretKey, null, CredentialKind.AwsSecretAccessKey },
        { "-----BEGIN RSA PRIVATE KEY-----" + "MIIEowIBAAKCAQEA7vQmX2pLk9sT4rY8nW3cB6hJ1fD5gZ0a", null, CredentialKind.PrivateKey },
        { "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB\n-----END OPENSSH PRIVATE KEY-----", null, CredentialKind.PrivateKey },
        { "-----BEGIN " + "PRIVATE KEY-----MIIEvQIBADANBgkqhkiG9w0BAQEFAASC-----END PRIVATE KEY-----", null, CredentialKind.PrivateKey },
        { "postgresql://app:" + "S3cr3tPw9@db.internal:5432/app", null, CredentialKind.ConnectionStringPassword },
        { "host=smtp.example.com;" + "password=Tr0ub4dor&3", null, CredentialKind.ConnectionStringPassword },
        { "redis://:" + "Tk9x2LmQ@cache:6379", null, CredentialKind.ConnectionStringPassword },
        { "Server=db;Database=app;User Id=app;" + "Password=S3cr3tPw9;", null, CredentialKind.ConnectionStringPassword },
        { "password=" + "hunter22", null, CredentialKind.KeywordSecret },
        { "api_key: " + "9f8e7d6c5b4a3f2e", null, CredentialKind.KeywordSecret },
        { "client_secret=" + "Zx81-PqR0-LmN3", null, CredentialKind.KeywordSecret },
        { "DB_PASSWORD=" + "Tr0ub4dor&3", null, CredentialKind.KeywordSecret },
        { "ghp_" + GitHubBody, null, CredentialKind.GitHubToken },
        { "github_pat_" + "11ABCDEFG0abcdefghij12_" + GitHubBody, null, CredentialKind.GitHubToken },
        { "xoxb-" + "1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx", null, CredentialKind.SlackToken },
        { "sk_" + "live_" + "4eC39HqLyjWDarjtT1zdp7dc", null, CredentialKind.StripeLiveKey },
        { "Bearer eyJ" + "hbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", null, CredentialKind.JsonWebToken },
    };

    public static TheoryData<string, string?> NotCredentials => new()
    {
        { "AKIAIOSFODNN7EXAMPLE", null },
        { "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS_SECRET_ACCESS_KEY" },
        { "AKIAXXXXXXXXXXXXXXXX", null },
        { SecretKey, "BUILD_FINGERPRINT" },
        { "da39a3ee5e6b4b0d3255bfef95601890afd80709", "CACHE_KEY" },
        { "postgresql://...", null },
        { "postgresql://user:<your-password>@host:5432/db", null },
        { "postgresql://app:${DB_PASSWORD}@db:5432/app", null },
        { "postgresql://user:password@localhost:5432/db", null },
        { "https://example.com:8080/path", null },
        { "Server=db;User Id=app;Password=...;", null },
        { "Server=db;User Id=app;Password={secret};", null },
        { "password={secret}", null },
        { "password=changeme", null },
        { "password: <your-password>", null },
        { "password: Required for login", null },
        { "token: see-the-runbook", null },
        { "api_key=123e4567-e89b-12d3-a456-426614174000", null },
        { "123e4567-e89b-12d3-a456-426614174000", null },
        { "ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", null },
        { "ghp_...", null },
        { "eyJhbGciOi...", null },
        { "sk_" + "test_4eC39HqLyjWDarjtT1zdp7dc", null },
        { "-----BEGIN PRIVATE KEY-----", null },
        { "PEM: -----BEGIN PRIVATE KEY----- followed by the base64 body", null },
        { "PEM: -----BEGIN PRIVATE KEY----- ... -----END PRIVATE KEY-----", null },
        { "JSON: {username, password, host, port, database}", null },
        { "secret arn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:acme/db", null },
        { "true", null },
        { "", null },
        { "   ", null },
    };

    [Theory]
    [MemberData(nameof(Credentials))]
    public void Recognises_each_kind_of_credential(string value, string? context, CredentialKind expected)
    {
        Assert.Equal(expected, CredentialScanner.Scan(value, context));
    }

    [Theory]
    [MemberData(nameof(NotCredentials))]
    public void Leaves_placeholders_and_ordinary_values_alone(string value, string? context)
    {
        Assert.Null(CredentialScanner.Scan(value, context));
    }

    [Fact]
    public void Needs_an_aws_secret_or_key_word_for_a_bare_40_character_key()
    {
        Assert.Null(CredentialScanner.Scan(SecretKey));
        Assert.Equal(CredentialKind.AwsSecretAccessKey, CredentialScanner.Scan(SecretKey, "aws credentials"));
    }

    [Fact]
    public void Describes_every_kind_in_words()
    {
        foreach (var kind in Enum.GetValues<CredentialKind>())
        {
            Assert.NotEqual(kind.ToString(), CredentialScanner.Describe(kind));
        }
    }
}
