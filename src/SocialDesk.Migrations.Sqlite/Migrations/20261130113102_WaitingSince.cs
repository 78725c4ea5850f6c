using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WaitingSince : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "WaitingSince",
                table: "Conversations",
                type: "TEXT",
                nullable: true);
        
            // Conversations from before: an open one never answered waits since it started.
            migrationBuilder.Sql("UPDATE \"Conversations\" SET \"WaitingSince\" = \"StartedAt\" WHERE \"FirstResponseAt\" IS NULL AND \"Status\" <> 'Resolved';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WaitingSince",
                table: "Conversations");
        }
    }
}
