using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialDesk.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The messages' text in an FTS5 trigram index (external content: the text itself stays in Messages), kept by triggers,
    /// with the messages already there. It is keyed by the Messages rowid: a later migration that rebuilds Messages must
    /// create these triggers again and rebuild the index.
    /// </summary>
    public partial class MessageSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "MessageSearch" USING fts5("Text", content='Messages', content_rowid='rowid', tokenize='trigram');
                """);
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
            migrationBuilder.Sql("""
                INSERT INTO "MessageSearch"("MessageSearch") VALUES ('rebuild');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Messages_Search_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "Messages_Search_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "Messages_Search_Insert";""");
            migrationBuilder.Sql("""DROP TABLE "MessageSearch";""");
        }
    }
}
