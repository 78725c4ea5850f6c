namespace SocialDesk.Tests.Infrastructure;

/// <summary>A test on a file of the shared data folder beside the repository, skipped with a clear message where it is missing.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath)
    {
        if (!File.Exists(SharedData.PathOf(relativePath)))
        {
            Skip = $"{SharedData.PathOf(relativePath)} is missing: the shared data folder (../shared/data beside the repository) is not here.";
        }
    }
}

/// <summary>Finds the repository the tests run from, and ../shared/data beside it.</summary>
public static class SharedData
{
    /// <summary>The folder holding SocialDesk.slnx above the test binaries; null when the tests run elsewhere.</summary>
    public static string? RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SocialDesk.slnx")))
                {
                    return directory.FullName;
                }
            }

            return null;
        }
    }

    public static string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(RepositoryRoot ?? ".", "..", "shared", "data", relativePath));
}
