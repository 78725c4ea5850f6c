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

/// <summary>Finds ../shared/data, beside the repository that holds these tests.</summary>
public static class SharedData
{
    public static string PathOf(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SocialDesk.slnx")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", relativePath));
            }
        }
        return Path.GetFullPath(Path.Combine("..", "shared", "data", relativePath));
    }
}
