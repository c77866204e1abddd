using ArchPlan.Reading;

namespace ArchPlan.Tests.Reading;

public sealed class SectionNamesTests
{
    [Theory]
    [InlineData("Configuration", true)]
    [InlineData("Configuration (runtime)", true)]
    [InlineData("Config", true)]
    [InlineData("Infrastructure", false)]
    public void Recognises_configuration_headings(string heading, bool expected) =>
        Assert.Equal(expected, SectionNames.IsConfiguration(Outline.Normalize(heading)));

    [Theory]
    [InlineData("Environment Variables", true)]
    [InlineData("*Environment Variables*", true)]
    [InlineData("Env Vars", true)]
    [InlineData("Lambda environment variables", true)]
    [InlineData("Secrets", false)]
    public void Recognises_environment_variable_headings(string heading, bool expected) =>
        Assert.Equal(expected, SectionNames.IsEnvironmentVariables(Outline.Normalize(heading)));

    [Theory]
    [InlineData("Secrets", true)]
    [InlineData("Secrets (AWS Secrets Manager)", true)]
    [InlineData("**Secrets (AWS Secrets Manager)**", true)]
    [InlineData("Application secrets", true)]
    [InlineData("Secrets management", false)]
    public void Recognises_secrets_headings(string heading, bool expected) =>
        Assert.Equal(expected, SectionNames.IsSecrets(Outline.Normalize(heading)));

    [Theory]
    [InlineData("CI Secrets", true)]
    [InlineData("GitHub Actions secrets", true)]
    [InlineData("CI/CD", true)]
    [InlineData("Deployment pipeline", true)]
    [InlineData("Secrets", false)]
    [InlineData("Circuit breakers", false)]
    public void Recognises_ci_headings_whose_tables_are_not_configuration(string heading, bool expected) =>
        Assert.Equal(expected, SectionNames.IsCi(Outline.Normalize(heading)));

    [Theory]
    [InlineData("AWS Resources", true)]
    [InlineData("AWS Resources (new)", true)]
    [InlineData("Resources", true)]
    [InlineData("AWS Services", true)]
    [InlineData("Human resources", false)]
    public void Recognises_resource_headings(string heading, bool expected) =>
        Assert.Equal(expected, SectionNames.IsAwsResources(Outline.Normalize(heading)));

    [Theory]
    [InlineData("CDK Stack Structure", true)]
    [InlineData("Stack structure", true)]
    [InlineData("Project Structure", true)]
    [InlineData("Stack outputs", false)]
    public void Recognises_stack_structure_headings(string heading, bool expected) =>
        Assert.Equal(expected, SectionNames.IsStackStructure(Outline.Normalize(heading)));
}
