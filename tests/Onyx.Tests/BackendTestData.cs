namespace Onyx.Tests;

/// <summary>Finds the ONNX backend test data at ../shared/onnx-backend-tests relative to the repository root.</summary>
internal static class BackendTestData
{
    public static string Root { get; } = FindRoot();

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static IEnumerable<string> Files(string pattern) =>
        Directory.EnumerateFiles(Root, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    /// <summary>The path relative to the data root, for test names.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Onyx.slnx")))
                return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (Onyx.slnx) above " + AppContext.BaseDirectory);
    }

    private static string FindRoot()
    {
        string root = Path.GetFullPath(Path.Combine(FindRepositoryRoot(), "..", "shared", "onnx-backend-tests"));
        if (!Directory.Exists(root))
            throw new InvalidOperationException($"The ONNX backend test data is missing: expected it at {root}.");
        return root;
    }
}
