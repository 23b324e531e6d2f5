using System.Runtime.InteropServices;

namespace Onyx.Serialization;

/// <summary>
/// Turns an external-data location into a file path that is guaranteed to lie inside the model's folder, following
/// onnx's docs/ExternalDataSecurity.md: no absolute paths or <c>..</c>, containment checked on the canonical path
/// (symlinks in any component resolved), no symlink as the final component, no hard-linked files.
/// </summary>
internal static partial class ExternalDataPath
{
    private const int MaxSymlinkHops = 40;

    /// <summary>
    /// Validates <paramref name="location"/> against <paramref name="baseDirectory"/> and returns the full path of the
    /// file it names, or the reason it is rejected. With <paramref name="forWriting"/> the file need not exist yet.
    /// </summary>
    public static (string? Path, string? Problem) Resolve(string baseDirectory, string location, bool forWriting)
    {
        if (CheckLocation(location) is { } problem)
            return (null, problem);

        string fullBase = Path.GetFullPath(baseDirectory);
        string candidate = Path.Join(fullBase, location);
        string realBase = RealPath(fullBase);
        string realCandidate = RealPath(candidate);
        string prefix = realBase.EndsWith(Path.DirectorySeparatorChar) ? realBase : realBase + Path.DirectorySeparatorChar;
        if (!realCandidate.StartsWith(prefix, StringComparison.Ordinal))
            return (null, $"the location resolves to '{realCandidate}', outside the model's folder '{realBase}'");

        var file = new FileInfo(candidate);
        if (file.LinkTarget is not null)
            return (null, "the location is a symbolic link");
        if (forWriting)
            return (candidate, null);
        if (!file.Exists)
            return (null, $"the file '{candidate}' does not exist");
        if (HardLinkCount(candidate) > 1)
            return (null, "the file has more than one hard link");
        return (candidate, null);
    }

    /// <summary>
    /// The rules a location must follow whatever folder it is resolved against: not empty, no NUL, relative, no
    /// <c>..</c> component. Returns the problem, or null when the location follows them.
    /// </summary>
    public static string? CheckLocation(string location)
    {
        if (location.Length == 0)
            return "the location is empty";
        if (location.Contains('\0'))
            return "the location contains a NUL character";
        if (Path.IsPathRooted(location) || location[0] is '/' or '\\' || (location.Length > 1 && location[1] == ':'))
            return "the location is an absolute path; it must be relative to the model's folder";
        foreach (string part in location.Split('/', '\\'))
            if (part == "..")
                return "the location contains '..'; it must stay inside the model's folder";
        return null;
    }

    /// <summary>The canonical path: every symbolic link in every component resolved, <c>.</c> and <c>..</c> applied in order.</summary>
    internal static string RealPath(string path)
    {
        string root = Path.GetPathRoot(path) ?? "";
        var pending = new Stack<string>(Components(path[root.Length..]).Reverse());
        string current = root;
        int hops = 0;
        while (pending.Count > 0)
        {
            string part = pending.Pop();
            if (part is "" or ".")
                continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            string next = Path.Join(current, part);
            string? target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }
            if (++hops > MaxSymlinkHops)
                throw new IOException($"Too many symbolic links while resolving '{path}'.");
            if (Path.IsPathRooted(target))
                current = Path.GetPathRoot(target) ?? current;
            foreach (string t in Components(target[(Path.GetPathRoot(target)?.Length ?? 0)..]).Reverse())
                pending.Push(t);
        }
        return current;
    }

    private static string[] Components(string path) => path.Split('/', '\\');

    /// <summary>The file's hard-link count on Linux (via statx); 1 where the platform cannot tell.</summary>
    private static unsafe uint HardLinkCount(string path)
    {
        if (!OperatingSystem.IsLinux())
            return 1;
        const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100, StatxNlink = 0x4, NlinkOffset = 16;
        byte* buffer = stackalloc byte[256];
        try
        {
            return Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxNlink, buffer) == 0 ? *(uint*)(buffer + NlinkOffset) : 1;
        }
        catch (EntryPointNotFoundException)
        {
            return 1;
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int dirFd, string path, int flags, uint mask, byte* buffer);
}
