using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialDesk.Migrations.Postgres.Migrations
{
    /// <summary>The messages' text in a pg_trgm GIN index, which ILIKE '%text%' uses; pg_trgm comes with PostgreSQL and is trusted (no superuser needed).</summary>
    public partial class MessageSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE EXTENSION IF NOT EXISTS pg_trgm;""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Messages_Text_Trigram" ON "Messages" USING gin ("Text" gin_trgm_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The extension stays: it may have been there before this migration, for others.
            migrationBuilder.Sql("""DROP INDEX "IX_Messages_Text_Trigram";""");
        }
    }
}
