namespace SocialDesk.Bench;

/// <summary>Where the benchmarks find the repository, the shared data beside it, and their options.</summary>
public static class BenchInputs
{
    /// <summary>The folder holding SocialDesk.slnx, above the benchmark's binaries; else the working directory.</summary>
    public static string Repository { get; } = FindRepository();

    /// <summary>A file of ../shared/data, the real data that sits beside the repository.</summary>
    public static string SharedData(string relative) => Path.GetFullPath(Path.Combine(Repository, "..", "shared", "data", relative));

    /// <summary>The value after <paramref name="name"/> on the command line, if any.</summary>
    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SocialDesk.slnx")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
