namespace ArchPlan.Reading;

/// <summary>Recognises the headings people write for the sections ArchPlan reads.</summary>
internal static class SectionNames
{
    public static bool IsConfiguration(string key) =>
        key is "configuration" or "config" or "configuration management" or "runtime configuration"
        || key.StartsWith("configuration ", StringComparison.Ordinal)
        || key.StartsWith("configuration(", StringComparison.Ordinal);

    public static bool IsEnvironmentVariables(string key) =>
        key.Contains("environment variable", StringComparison.Ordinal)
        || key.Contains("env var", StringComparison.Ordinal)
        || key is "environment" or "variables" or "env" or "environment configuration" or "app settings" or "settings";

    public static bool IsSecrets(string key) =>
        (key.StartsWith("secret", StringComparison.Ordinal) && !key.StartsWith("secrets management", StringComparison.Ordinal))
        || key.Contains("secrets manager", StringComparison.Ordinal)
        || key.Contains(" secrets", StringComparison.Ordinal) && !IsCi(key) && !key.Contains("management", StringComparison.Ordinal);

    /// <summary>CI/CD secrets (GitHub Actions and the like) are not the application's configuration.</summary>
    public static bool IsCi(string key) =>
        ContainsWord(key, "ci") || ContainsWord(key, "cd") || key.Contains("github", StringComparison.Ordinal)
        || key.Contains("actions", StringComparison.Ordinal) || key.Contains("workflow", StringComparison.Ordinal)
        || key.Contains("pipeline", StringComparison.Ordinal) || key.Contains("ci/cd", StringComparison.Ordinal);

    /// <summary>
    /// Variables of the build or the deployment: "Build-time variables", "Deployment settings", "CDK context",
    /// "Bootstrap (CDK synth inputs)", and the shell the deploy commands run in ("Shell", "CLI").
    /// </summary>
    public static bool IsBuildTime(string key) =>
        key.Contains("cdk context", StringComparison.Ordinal) || key.Contains("context variable", StringComparison.Ordinal)
        || key.Contains("context value", StringComparison.Ordinal) || key.Contains("context key", StringComparison.Ordinal)
        || key.Contains("context option", StringComparison.Ordinal) || key.Contains("synth", StringComparison.Ordinal)
        || key.StartsWith("bootstrap", StringComparison.Ordinal)
        || key is "shell" or "cli" or "command line" or "shell variables" or "cli variables" or "tooling"
        || ((key.Contains("build", StringComparison.Ordinal) || key.Contains("deploy", StringComparison.Ordinal))
            && (key.Contains("time", StringComparison.Ordinal) || key.Contains("variable", StringComparison.Ordinal) || key.Contains("setting", StringComparison.Ordinal)
                || key.Contains("parameter", StringComparison.Ordinal) || key.Contains("context", StringComparison.Ordinal) || key.Contains("input", StringComparison.Ordinal)));

    /// <summary>A heading about deploying ("Deployment", "Deploying to the cloud"): CDK's own variables in a table under it make the whole table deploy-time.</summary>
    public static bool IsDeployment(string key) =>
        IsBuildTime(key) || key.Contains("deploy", StringComparison.Ordinal) || key.Contains("provision", StringComparison.Ordinal);

    /// <summary>The developer's machine ("Local development", "Devcontainer"): settings there are never deployed.</summary>
    public static bool IsLocalDevelopment(string key) =>
        key.Contains("local dev", StringComparison.Ordinal) || key.Contains("devcontainer", StringComparison.Ordinal)
        || key.Contains("dev container", StringComparison.Ordinal) || key.Contains("local setup", StringComparison.Ordinal)
        || key.Contains("docker compose", StringComparison.Ordinal) || key.Contains("running locally", StringComparison.Ordinal)
        || key.StartsWith("local ", StringComparison.Ordinal) || key is "local" or "locally";

    /// <summary>What is gone or going ("Deprecated secrets", "Removed", "Legacy variables"): not the configuration to deploy.</summary>
    public static bool IsRetired(string key) =>
        key.Contains("deprecated", StringComparison.Ordinal) || key.Contains("removed", StringComparison.Ordinal)
        || key.Contains("retired", StringComparison.Ordinal) || key.Contains("legacy", StringComparison.Ordinal)
        || key.Contains("obsolete", StringComparison.Ordinal) || key.Contains("deleted", StringComparison.Ordinal);

    public static bool IsInfrastructure(string key) => key.StartsWith("infrastructure", StringComparison.Ordinal);

    public static bool IsAwsResources(string key) =>
        key is "aws resources" or "resources" or "aws services" or "aws resources to create" or "cloud resources" or "aws infrastructure"
        || key.StartsWith("aws resources", StringComparison.Ordinal);

    public static bool IsStackStructure(string key) =>
        key.Contains("stack structure", StringComparison.Ordinal) || key is "cdk structure" or "project structure";

    private static bool ContainsWord(string text, string word) =>
        text.Split([' ', '/', '(', ')', '-', ','], StringSplitOptions.RemoveEmptyEntries).Contains(word);
}
