namespace ArchPlan.Cli;

/// <summary>How much a command prints: <c>-q</c> only errors, <c>-v</c> every note as well.</summary>
public enum Verbosity
{
    Quiet,
    Normal,
    Verbose,
}

/// <summary>What the real standard output and error are: a terminal (and how wide) or a file or pipe.</summary>
/// <param name="OutIsTerminal">Standard output is a terminal.</param>
/// <param name="ErrorIsTerminal">Standard error is a terminal.</param>
/// <param name="Width">The terminal's width in columns; 0 when unknown (no wrapping).</param>
public sealed record Terminal(bool OutIsTerminal, bool ErrorIsTerminal, int Width)
{
    /// <summary>Both streams redirected: no colour, no wrapping (tests, pipes, CI logs).</summary>
    public static Terminal None { get; } = new(false, false, 0);

    /// <summary>The process's own console.</summary>
    public static Terminal FromConsole()
    {
        var width = 0;
        if (!Console.IsOutputRedirected || !Console.IsErrorRedirected)
        {
            try
            {
                width = Console.WindowWidth;
            }
            catch (IOException)
            {
                width = 0;
            }
        }
        return new(!Console.IsOutputRedirected, !Console.IsErrorRedirected, width);
    }
}

/// <summary>The output and error writers a command prints to, whether they get colour, and how much to print.</summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, Terminal? terminal = null)
        : this(output, error, terminal ?? Terminal.None, outIsTerminal: (terminal ?? Terminal.None).OutIsTerminal)
    {
    }

    private CliConsole(TextWriter output, TextWriter error, Terminal terminal, bool outIsTerminal)
    {
        Out = output;
        Error = error;
        Terminal = terminal;
        // NO_COLOR (https://no-color.org): any non-empty value turns colour off.
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        UseColor = outIsTerminal && !noColor;
        ErrorUseColor = terminal.ErrorIsTerminal && !noColor;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public Terminal Terminal { get; }

    /// <summary>Colour on standard output: only on a terminal, and never when NO_COLOR is set.</summary>
    public bool UseColor { get; }

    /// <summary>Colour on standard error, by the same rule.</summary>
    public bool ErrorUseColor { get; }

    /// <summary>Set from <c>-q</c>/<c>-v</c> once the command line is parsed.</summary>
    public Verbosity Verbosity { get; set; } = Verbosity.Normal;

    public bool Quiet => Verbosity == Verbosity.Quiet;

    public bool Verbose => Verbosity == Verbosity.Verbose;

    /// <summary>Columns to wrap help lines at on a terminal; 0 (no wrapping) when redirected.</summary>
    public int WrapWidth => Terminal.OutIsTerminal ? Terminal.Width : 0;

    /// <summary>True when the writers are the process's own console (Spectre's progress bar draws there).</summary>
    public bool IsProcessConsole => ReferenceEquals(Out, Console.Out) && Terminal.OutIsTerminal;

    /// <summary>A console whose "output" is standard error, for commands that keep standard output for their result.</summary>
    public CliConsole ForErrors() =>
        new(Error, Error, Terminal with { OutIsTerminal = Terminal.ErrorIsTerminal, Width = Terminal.ErrorIsTerminal ? Terminal.Width : 0 }, Terminal.ErrorIsTerminal)
        {
            Verbosity = Verbosity,
        };
}
