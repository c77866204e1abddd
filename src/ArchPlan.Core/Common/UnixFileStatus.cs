using System.Runtime.InteropServices;
using System.Text;

namespace ArchPlan.Common;

/// <summary>
/// What .NET does not tell about a file: its hard-link count, owner and group (Linux <c>statx</c>). Used to decide
/// whether a file can be replaced by a new one without breaking links or changing its owner.
/// </summary>
internal readonly record struct UnixFileStatus(uint LinkCount, uint Owner, uint Group, UnixFileMode Mode, bool IsRegularFile)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const ushort FileTypeMask = 0xF000;
    private const ushort RegularFileType = 0x8000;

    /// <summary>The status of <paramref name="path"/> itself (a link is not followed); null off Linux or when it cannot be read.</summary>
    public static UnixFileStatus? Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        // struct statx has the same layout on every Linux architecture: nlink at 16, uid 20, gid 24, mode 28.
        var buffer = new byte[256];
        try
        {
            if (NativeMethods.statx(AtFdCwd, Encoding.UTF8.GetBytes(path + "\0"), AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without statx (glibc before 2.28): the caller takes the way that needs no status.
            return null;
        }
        var mode = BitConverter.ToUInt16(buffer, 28);
        return new UnixFileStatus(
            BitConverter.ToUInt32(buffer, 16), BitConverter.ToUInt32(buffer, 20), BitConverter.ToUInt32(buffer, 24),
            (UnixFileMode)(mode & 0xFFF), (mode & FileTypeMask) == RegularFileType);
    }

    /// <summary>The effective user id of this process; null off Linux.</summary>
    public static uint? EffectiveUser()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        try
        {
            return NativeMethods.geteuid();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static class NativeMethods
    {
        // Blittable arguments only (a NUL-terminated UTF-8 path and a buffer), so no marshalling code is generated.
        [DllImport("libc", SetLastError = true)]
        internal static extern int statx(int dirfd, byte[] path, int flags, uint mask, byte[] buffer);

        [DllImport("libc")]
        internal static extern uint geteuid();
    }
}
