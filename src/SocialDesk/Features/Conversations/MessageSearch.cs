using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SocialDesk.Data;

namespace SocialDesk.Features.Conversations;

/// <summary>
/// The search in the messages' text, indexed on each engine. Both find the text anywhere in a message, case aside
/// (non-ASCII letters too) and accents kept. Trigrams need three characters: a shorter text reads every message, as
/// the search did before the index (where SQLite's lower() folds ASCII letters only).
/// <para>
/// PostgreSQL: a pg_trgm GIN index on <c>Messages.Text</c>, which ILIKE uses.
/// </para>
/// <para>
/// SQLite: the FTS5 table <c>MessageSearch</c> with the trigram tokenizer (migration MessageSearch), filled off the
/// ingestion path (migration MessageSearchInBatches): <see cref="MessageSearchIndexer"/> adds the messages in rowid
/// order, a batch per transaction, and moves <c>MessageSearchProgress.IndexedThrough</c> with them; triggers keep the
/// indexed ones up to date when edited or deleted. A search reads the index up to that mark and reads the few messages
/// after it, in one statement (one snapshot), so it is exact and immediate either way.
/// </para>
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
                UNION ALL
                SELECT "ConversationId" AS "Value" FROM "Messages"
                WHERE rowid > (SELECT "IndexedThrough" FROM "MessageSearchProgress") AND message_search_contains("Text", {text})
                """)
            : db.Database.SqlQuery<Guid>($"""
                SELECT "ConversationId" AS "Value" FROM "Messages" WHERE "Text" ILIKE {Pattern(text)}
                """);
        return query.Where(c => conversations.Contains(c.Id));
    }

    /// <summary>
    /// Adds the next messages after the mark to the SQLite index, up to <paramref name="batchSize"/>, and moves the mark
    /// past them, in one transaction; returns how many it added (0 when the index is up to date, and on PostgreSQL, whose
    /// index the engine keeps).
    /// </summary>
    public static async Task<int> IndexNextAsync(AppDbContext db, int batchSize, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return 0;
        }

        // Microsoft.Data.Sqlite begins IMMEDIATE: the write lock is held from the first read, so the batch read is the batch indexed.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var through = await db.Database.SqlQuery<long?>($"""
            SELECT max(rowid) AS "Value" FROM (SELECT rowid FROM "Messages"
            WHERE rowid > (SELECT "IndexedThrough" FROM "MessageSearchProgress") ORDER BY rowid LIMIT {batchSize})
            """).SingleAsync(cancellationToken);
        if (through is null)
        {
            return 0;
        }

        var indexed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "MessageSearch"(rowid, "Text") SELECT rowid, "Text" FROM "Messages"
            WHERE rowid > (SELECT "IndexedThrough" FROM "MessageSearchProgress") AND rowid <= {through}
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""UPDATE "MessageSearchProgress" SET "IndexedThrough" = {through}""", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return indexed;
    }

    /// <summary>The SQL function that reads a message not indexed yet as the index would: case folded letter by letter, accents kept.</summary>
    public static void AddFunctions(SqliteConnection connection) =>
        connection.CreateFunction<string, string, bool>("message_search_contains", (message, text) => message.Contains(text, StringComparison.OrdinalIgnoreCase), isDeterministic: true);

    // An FTS5 phrase: with trigrams, the text as a substring; a double quote inside is doubled.
    private static string Phrase(string text) => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    // ILIKE's wildcards and its escape character are taken literally.
    private static string Pattern(string text) =>
        $"%{text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal)}%";
}
