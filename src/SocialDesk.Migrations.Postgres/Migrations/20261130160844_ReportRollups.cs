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
                name: "ReportCounts",
                columns: table => new
                {
                    WorkspaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    PolicyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportCounts", x => new { x.WorkspaceId, x.Day, x.Name, x.TeamId, x.PolicyId });
                });

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
            // What the counts held before the triggers: answered messages, reopened resolutions, conversations by the team holding them.
            migrationBuilder.Sql("""
                INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                SELECT "WorkspaceId", date_trunc('day', "OccurredAt", 'UTC'), CASE WHEN "ReportingEvents"."Answered" THEN 'messages_answered' ELSE 'resolutions_reopened' END, coalesce("TeamId", '00000000-0000-0000-0000-000000000000'), '00000000-0000-0000-0000-000000000000', count(*)
                FROM "ReportingEvents" WHERE "Answered" OR "Reopened" GROUP BY 1, 2, 3, 4;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                SELECT "WorkspaceId", date_trunc('day', "StartedAt", 'UTC'), 'conversations', coalesce("TeamId", '00000000-0000-0000-0000-000000000000'), '00000000-0000-0000-0000-000000000000', count(*)
                FROM "Conversations" GROUP BY 1, 2, 3, 4;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                SELECT "WorkspaceId", date_trunc('day', "StartedAt", 'UTC'), 'conversations_answered', coalesce("TeamId", '00000000-0000-0000-0000-000000000000'), '00000000-0000-0000-0000-000000000000', count(*)
                FROM "Conversations" WHERE "FirstResponseAt" IS NOT NULL GROUP BY 1, 2, 3, 4;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                SELECT "WorkspaceId", date_trunc('day', "OccurredAt", 'UTC'), 'sla:' || "Target" || ':' || "Kind", coalesce("TeamId", '00000000-0000-0000-0000-000000000000'), "PolicyId", count(*)
                FROM "SlaEvents" WHERE "Kind" IN ('Met', 'Breached') GROUP BY 1, 2, 3, 4, 5;
                """);

            // An event flagged answered or reopened counts for its day and team; a change of flag, day or team moves its count.
            migrationBuilder.Sql("""
                CREATE FUNCTION "ReportingEvents_Counts"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND (OLD."Answered" OR OLD."Reopened") THEN
                        INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                        VALUES (OLD."WorkspaceId", date_trunc('day', OLD."OccurredAt", 'UTC'), CASE WHEN OLD."Answered" THEN 'messages_answered' ELSE 'resolutions_reopened' END, coalesce(OLD."TeamId", '00000000-0000-0000-0000-000000000000'), '00000000-0000-0000-0000-000000000000', -1)
                        ON CONFLICT ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId") DO UPDATE SET "Count" = "ReportCounts"."Count" + excluded."Count";
                    END IF;
                    IF NEW."Answered" OR NEW."Reopened" THEN
                        INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                        VALUES (NEW."WorkspaceId", date_trunc('day', NEW."OccurredAt", 'UTC'), CASE WHEN NEW."Answered" THEN 'messages_answered' ELSE 'resolutions_reopened' END, coalesce(NEW."TeamId", '00000000-0000-0000-0000-000000000000'), '00000000-0000-0000-0000-000000000000', 1)
                        ON CONFLICT ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId") DO UPDATE SET "Count" = "ReportCounts"."Count" + excluded."Count";
                    END IF;
                    RETURN NULL;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ReportingEvents_Counts_Insert" AFTER INSERT ON "ReportingEvents"
                FOR EACH ROW WHEN (NEW."Answered" OR NEW."Reopened") EXECUTE FUNCTION "ReportingEvents_Counts"();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ReportingEvents_Counts_Update" AFTER UPDATE OF "WorkspaceId", "Name", "TeamId", "OccurredAt", "Answered", "Reopened" ON "ReportingEvents"
                FOR EACH ROW WHEN (OLD."Answered" OR OLD."Reopened" OR NEW."Answered" OR NEW."Reopened") EXECUTE FUNCTION "ReportingEvents_Counts"();
                """);

            // A conversation counts for the day it started and the team holding it, answered once it has a first response.
            migrationBuilder.Sql("""
                CREATE FUNCTION "Conversations_Counts"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' THEN
                        INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                        VALUES (OLD."WorkspaceId", date_trunc('day', OLD."StartedAt", 'UTC'), 'conversations', coalesce(OLD."TeamId", '00000000-0000-0000-0000-000000000000'), '00000000-0000-0000-0000-000000000000', -1)
                        ON CONFLICT ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId") DO UPDATE SET "Count" = "ReportCounts"."Count" + excluded."Count";
                        IF OLD."FirstResponseAt" IS NOT NULL THEN
                            INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                            VALUES (OLD."WorkspaceId", date_trunc('day', OLD."StartedAt", 'UTC'), 'conversations_answered', coalesce(OLD."TeamId", '00000000-0000-0000-0000-000000000000'), '00000000-0000-0000-0000-000000000000', -1)
                            ON CONFLICT ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId") DO UPDATE SET "Count" = "ReportCounts"."Count" + excluded."Count";
                        END IF;
                    END IF;
                    INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                    VALUES (NEW."WorkspaceId", date_trunc('day', NEW."StartedAt", 'UTC'), 'conversations', coalesce(NEW."TeamId", '00000000-0000-0000-0000-000000000000'), '00000000-0000-0000-0000-000000000000', 1)
                    ON CONFLICT ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId") DO UPDATE SET "Count" = "ReportCounts"."Count" + excluded."Count";
                    IF NEW."FirstResponseAt" IS NOT NULL THEN
                        INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                        VALUES (NEW."WorkspaceId", date_trunc('day', NEW."StartedAt", 'UTC'), 'conversations_answered', coalesce(NEW."TeamId", '00000000-0000-0000-0000-000000000000'), '00000000-0000-0000-0000-000000000000', 1)
                        ON CONFLICT ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId") DO UPDATE SET "Count" = "ReportCounts"."Count" + excluded."Count";
                    END IF;
                    RETURN NULL;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Conversations_Counts_Insert" AFTER INSERT ON "Conversations"
                FOR EACH ROW EXECUTE FUNCTION "Conversations_Counts"();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Conversations_Counts_Update" AFTER UPDATE OF "WorkspaceId", "StartedAt", "TeamId", "FirstResponseAt" ON "Conversations"
                FOR EACH ROW WHEN (OLD."WorkspaceId" <> NEW."WorkspaceId" OR OLD."StartedAt" <> NEW."StartedAt" OR OLD."TeamId" IS DISTINCT FROM NEW."TeamId" OR (OLD."FirstResponseAt" IS NULL) <> (NEW."FirstResponseAt" IS NULL)) EXECUTE FUNCTION "Conversations_Counts"();
                """);

            // An SLA target met or breached counts for its day, team and policy.
            migrationBuilder.Sql("""
                CREATE FUNCTION "SlaEvents_Counts"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                    VALUES (NEW."WorkspaceId", date_trunc('day', NEW."OccurredAt", 'UTC'), 'sla:' || NEW."Target" || ':' || NEW."Kind", coalesce(NEW."TeamId", '00000000-0000-0000-0000-000000000000'), NEW."PolicyId", 1)
                    ON CONFLICT ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId") DO UPDATE SET "Count" = "ReportCounts"."Count" + excluded."Count";
                    RETURN NULL;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SlaEvents_Counts_Insert" AFTER INSERT ON "SlaEvents"
                FOR EACH ROW WHEN (NEW."Kind" IN ('Met', 'Breached')) EXECUTE FUNCTION "SlaEvents_Counts"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "SlaEvents_Counts_Insert" ON "SlaEvents";""");
            migrationBuilder.Sql("""DROP FUNCTION "SlaEvents_Counts"();""");
            migrationBuilder.Sql("""DROP TRIGGER "Conversations_Counts_Update" ON "Conversations";""");
            migrationBuilder.Sql("""DROP TRIGGER "Conversations_Counts_Insert" ON "Conversations";""");
            migrationBuilder.Sql("""DROP FUNCTION "Conversations_Counts"();""");
            migrationBuilder.Sql("""DROP TRIGGER "ReportingEvents_Counts_Update" ON "ReportingEvents";""");
            migrationBuilder.Sql("""DROP TRIGGER "ReportingEvents_Counts_Insert" ON "ReportingEvents";""");
            migrationBuilder.Sql("""DROP FUNCTION "ReportingEvents_Counts"();""");

            migrationBuilder.DropTable(
                name: "ReportCounts");

            migrationBuilder.DropTable(
                name: "ReportDays");

            migrationBuilder.DropTable(
                name: "ReportRollups");
        }
    }
}
