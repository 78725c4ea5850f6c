using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;

namespace SocialDesk.Features.Conversations;

/// <summary>
/// The search in the messages' text, indexed on each engine (migration MessageSearch): on SQLite the FTS5 table
/// <c>MessageSearch</c> with the trigram tokenizer, which triggers on <c>Messages</c> keep up to date; on PostgreSQL a
/// pg_trgm GIN index on <c>Messages.Text</c>, which ILIKE uses. Both find the text anywhere in a message, case aside
/// (non-ASCII letters too) and accents kept. Trigrams need three characters: a shorter text reads every message, as
/// the search did before the index (where SQLite's lower() folds ASCII letters only).
/// </summary>
public static class MessageSearch
{
    public static IQueryable<Conversation> WithMessageContaining(this IQueryable<Conversation> query, AppDbContext db, string text)
    {
        if (text.EnumerateRunes().Count() < 3)
        {
            var lowered = text.ToLowerInvariant();
#pragma warning disable CA1862 // Lower-casing both sides is what EF Core translates on SQLite and PostgreSQL alike; a StringComparison is not.
            return query.Where(c => c.Messages.Any(m => m.Text.ToLower().Contains(lowered)));
#pragma warning restore CA1862
        }

        var conversations = db.Database.IsSqlite()
            ? db.Database.SqlQuery<Guid>($"""
                SELECT m."ConversationId" AS "Value" FROM "MessageSearch" s JOIN "Messages" m ON m.rowid = s.rowid
                WHERE "MessageSearch" MATCH {Phrase(text)}
                """)
            : db.Database.SqlQuery<Guid>($"""
                SELECT "ConversationId" AS "Value" FROM "Messages" WHERE "Text" ILIKE {Pattern(text)}
                """);
        return query.Where(c => conversations.Contains(c.Id));
    }

    // An FTS5 phrase: with trigrams, the text as a substring; a double quote inside is doubled.
    private static string Phrase(string text) => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    // ILIKE's wildcards and its escape character are taken literally.
    private static string Pattern(string text) =>
        $"%{text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal)}%";
}
