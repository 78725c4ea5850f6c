namespace SocialDesk.Data;

/// <summary>Page numbers from 1, page sizes from 1 to 200 (50 by default).</summary>
public static class Paging
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public static (int Skip, int Take) Of(int? page, int? pageSize)
    {
        var size = Math.Clamp(pageSize ?? DefaultSize, 1, MaxSize);
        // In 64 bits, and no further than the last row there can be: a huge page number is an empty page, never an overflow.
        var skip = (long)(Math.Max(page ?? 1, 1) - 1) * size;
        return ((int)Math.Min(skip, int.MaxValue), size);
    }
}
