using System.Reflection;
using System.Text.Json;
using CsvHelper;

namespace SocialDesk.Features.Reporting;

/// <summary>
/// A report table as CSV: one line per row, its nested figures flattened into columns named by their JSON path
/// (<c>current.firstResponseSeconds.median</c>), so that the CSV and the JSON read alike. The columns come from the
/// row's type, so every line has them all, empty where a figure is missing.
/// </summary>
internal static class ReportCsv
{
    // A text that a spreadsheet would run as a formula (a team's, a member's or a topic's name) is written as text.
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public static byte[] Write<TRow>(IReadOnlyList<TRow> rows)
    {
        var columns = Columns(typeof(TRow), "", row => row).ToList();
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            foreach (var column in columns)
            {
                csv.WriteField(column.Name);
            }

            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var column in columns)
                {
                    WriteValue(csv, column.Read(row));
                }

                csv.EndRecord();
            }

            csv.Flush();
        }

        return stream.ToArray();
    }

    private static IEnumerable<Column> Columns(Type type, string prefix, Func<object?, object?> read)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = prefix + JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            object? Value(object? row) => read(row) is { } owner ? property.GetValue(owner) : null;

            // Nested figures are records of the report; anything else is a value: a number, a text, a date or an id.
            if (property.PropertyType.IsClass && property.PropertyType != typeof(string))
            {
                foreach (var column in Columns(property.PropertyType, name + ".", Value))
                {
                    yield return column;
                }
            }
            else
            {
                yield return new Column(name, Value);
            }
        }
    }

    // Numbers stay numbers (-5 is not a formula); text is written as text even when it starts like one.
    private static void WriteValue(CsvWriter csv, object? value)
    {
        switch (value)
        {
            case DateOnly date:
                csv.WriteField(date, "yyyy-MM-dd");
                break;
            case DateTime time:
                csv.WriteField(time, "yyyy-MM-dd'T'HH:mm:ss'Z'");
                break;
            default:
                csv.WriteField(value);
                break;
        }
    }

    private sealed record Column(string Name, Func<object?, object?> Read);
}
