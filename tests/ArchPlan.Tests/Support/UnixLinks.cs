using System.Runtime.InteropServices;
using System.Text;

namespace ArchPlan.Tests.Support;

/// <summary>Hard links and file status on the real disk, for the file-safety tests (Linux and macOS).</summary>
internal static class UnixLinks
{
    /// <summary>Makes <paramref name="newPath"/> a second name of <paramref name="existing"/> (link(2)).</summary>
    public static void CreateHardLink(string existing, string newPath)
    {
        if (link(Encoding.UTF8.GetBytes(existing + "\0"), Encoding.UTF8.GetBytes(newPath + "\0")) != 0)
        {
            throw new IOException($"link {existing} {newPath} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>The output of <c>stat -c</c> with <paramref name="format"/> (e.g. <c>%h %u %g %a %i</c>), from the real tool.</summary>
    public static string Stat(string path, string format)
    {
        var result = Processes.Run("stat", ["-c", format, path], Path.GetTempPath(), new Dictionary<string, string?>(), TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout.Trim();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int link(byte[] existing, byte[] newPath);
}
