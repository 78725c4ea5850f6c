using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SocialDesk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReportRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportDays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Events = table.Column<int>(type: "integer", nullable: false),
                    Durations = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportFlags",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportFlags", x => new { x.WorkspaceId, x.Day, x.Name, x.TeamId });
                });

            migrationBuilder.CreateTable(
                name: "ReportRollups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    LastEventId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportRollups", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "ReportRollups",
                columns: new[] { "Id", "LastEventId" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDays_WorkspaceId_Day_Name_TeamId_UserId",
                table: "ReportDays",
                columns: new[] { "WorkspaceId", "Day", "Name", "TeamId", "UserId" });

            // What the flags counted before the triggers: the answered messages and reopened resolutions so far.
            migrationBuilder.Sql("""
                INSERT INTO "ReportFlags" ("WorkspaceId", "Day", "Name", "TeamId", "Count")
                SELECT "WorkspaceId", date_trunc('day', "OccurredAt", 'UTC'), "Name", coalesce("TeamId", '00000000-0000-0000-0000-000000000000'), count(*)
                FROM "ReportingEvents" WHERE "Answered" OR "Reopened" GROUP BY 1, 2, 3, 4;
                """);

            // An event flagged answered or reopened counts for its day and team; a change of flag, day or team moves its count.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION "ReportingEvents_Flags"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND (OLD."Answered" OR OLD."Reopened") THEN
                        INSERT INTO "ReportFlags" ("WorkspaceId", "Day", "Name", "TeamId", "Count")
                        VALUES (OLD."WorkspaceId", date_trunc('day', OLD."OccurredAt", 'UTC'), OLD."Name", coalesce(OLD."TeamId", '00000000-0000-0000-0000-000000000000'), -1)
                        ON CONFLICT ("WorkspaceId", "Day", "Name", "TeamId") DO UPDATE SET "Count" = "ReportFlags"."Count" + excluded."Count";
                    END IF;
                    IF NEW."Answered" OR NEW."Reopened" THEN
                        INSERT INTO "ReportFlags" ("WorkspaceId", "Day", "Name", "TeamId", "Count")
                        VALUES (NEW."WorkspaceId", date_trunc('day', NEW."OccurredAt", 'UTC'), NEW."Name", coalesce(NEW."TeamId", '00000000-0000-0000-0000-000000000000'), 1)
                        ON CONFLICT ("WorkspaceId", "Day", "Name", "TeamId") DO UPDATE SET "Count" = "ReportFlags"."Count" + excluded."Count";
                    END IF;
                    RETURN NULL;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ReportingEvents_Flags_Insert" AFTER INSERT ON "ReportingEvents"
                FOR EACH ROW WHEN (NEW."Answered" OR NEW."Reopened") EXECUTE FUNCTION "ReportingEvents_Flags"();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ReportingEvents_Flags_Update" AFTER UPDATE OF "WorkspaceId", "Name", "TeamId", "OccurredAt", "Answered", "Reopened" ON "ReportingEvents"
                FOR EACH ROW WHEN (OLD."Answered" OR OLD."Reopened" OR NEW."Answered" OR NEW."Reopened") EXECUTE FUNCTION "ReportingEvents_Flags"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "ReportingEvents_Flags_Update" ON "ReportingEvents";""");
            migrationBuilder.Sql("""DROP TRIGGER "ReportingEvents_Flags_Insert" ON "ReportingEvents";""");
            migrationBuilder.Sql("""DROP FUNCTION "ReportingEvents_Flags"();""");

            migrationBuilder.DropTable(
                name: "ReportDays");

            migrationBuilder.DropTable(
                name: "ReportFlags");

            migrationBuilder.DropTable(
                name: "ReportRollups");
        }
    }
}
