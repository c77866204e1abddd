namespace ArchPlan.Cli;

/// <summary>The output and error writers a command prints to, and whether colour is wanted.</summary>
public sealed class CliConsole(TextWriter output, TextWriter error)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Colour only on a real terminal, and never when NO_COLOR is set.</summary>
    public bool UseColor { get; } =
        ReferenceEquals(output, Console.Out)
        && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
}
