using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialDesk.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The search index is filled off the ingestion path: no trigger on insert; the indexer adds new messages in batches
    /// and moves <c>MessageSearchProgress.IndexedThrough</c> (a Messages rowid) with them. Every message already there is
    /// indexed. The edit and delete triggers now act on indexed messages only; a delete that leaves the mark above the
    /// newest message brings the mark down, as SQLite gives the next message the rowid after the newest.
    /// </summary>
    public partial class MessageSearchInBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Messages_Search_Insert";""");
            migrationBuilder.Sql("""DROP TRIGGER "Messages_Search_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "Messages_Search_Update";""");
            migrationBuilder.Sql("""
                CREATE TABLE "MessageSearchProgress" ("Id" INTEGER NOT NULL PRIMARY KEY CHECK ("Id" = 1), "IndexedThrough" INTEGER NOT NULL);
                """);
            migrationBuilder.Sql("""
                INSERT INTO "MessageSearchProgress" ("Id", "IndexedThrough") VALUES (1, (SELECT coalesce(max(rowid), 0) FROM "Messages"));
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Messages_Search_Delete" AFTER DELETE ON "Messages"
                WHEN old.rowid <= (SELECT "IndexedThrough" FROM "MessageSearchProgress") BEGIN
                    INSERT INTO "MessageSearch"("MessageSearch", rowid, "Text") VALUES ('delete', old.rowid, old."Text");
                    UPDATE "MessageSearchProgress" SET "IndexedThrough" = (SELECT coalesce(max(rowid), 0) FROM "Messages")
                    WHERE "IndexedThrough" > (SELECT coalesce(max(rowid), 0) FROM "Messages");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Messages_Search_Update" AFTER UPDATE OF "Text" ON "Messages"
                WHEN old.rowid <= (SELECT "IndexedThrough" FROM "MessageSearchProgress") BEGIN
                    INSERT INTO "MessageSearch"("MessageSearch", rowid, "Text") VALUES ('delete', old.rowid, old."Text");
                    INSERT INTO "MessageSearch"(rowid, "Text") VALUES (new.rowid, new."Text");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Messages_Search_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "Messages_Search_Delete";""");
            migrationBuilder.Sql("""
                INSERT INTO "MessageSearch"(rowid, "Text") SELECT rowid, "Text" FROM "Messages"
                WHERE rowid > (SELECT "IndexedThrough" FROM "MessageSearchProgress");
                """);
            migrationBuilder.Sql("""DROP TABLE "MessageSearchProgress";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "Messages_Search_Insert" AFTER INSERT ON "Messages" BEGIN
                    INSERT INTO "MessageSearch"(rowid, "Text") VALUES (new.rowid, new."Text");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Messages_Search_Delete" AFTER DELETE ON "Messages" BEGIN
                    INSERT INTO "MessageSearch"("MessageSearch", rowid, "Text") VALUES ('delete', old.rowid, old."Text");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Messages_Search_Update" AFTER UPDATE OF "Text" ON "Messages" BEGIN
                    INSERT INTO "MessageSearch"("MessageSearch", rowid, "Text") VALUES ('delete', old.rowid, old."Text");
                    INSERT INTO "MessageSearch"(rowid, "Text") VALUES (new.rowid, new."Text");
                END;
                """);
        }
    }
}
