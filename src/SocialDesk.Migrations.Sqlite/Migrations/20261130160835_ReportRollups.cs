using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialDesk.Migrations.Sqlite.Migrations
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
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PolicyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportCounts", x => new { x.WorkspaceId, x.Day, x.Name, x.TeamId, x.PolicyId });
                });

            migrationBuilder.CreateTable(
                name: "ReportDays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Events = table.Column<int>(type: "INTEGER", nullable: false),
                    Durations = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportRollups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastEventId = table.Column<long>(type: "INTEGER", nullable: false)
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
                SELECT "WorkspaceId", substr("OccurredAt", 1, 10) || ' 00:00:00', CASE WHEN "ReportingEvents"."Answered" THEN 'messages_answered' ELSE 'resolutions_reopened' END, coalesce("TeamId", '00000000-0000-0000-0000-000000000000'), '00000000-0000-0000-0000-000000000000', count(*)
                FROM "ReportingEvents" WHERE "Answered" OR "Reopened" GROUP BY 1, 2, 3, 4;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                SELECT "WorkspaceId", substr("StartedAt", 1, 10) || ' 00:00:00', 'conversations', coalesce("TeamId", '00000000-0000-0000-0000-000000000000'), '00000000-0000-0000-0000-000000000000', count(*)
                FROM "Conversations" GROUP BY 1, 2, 3, 4;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                SELECT "WorkspaceId", substr("StartedAt", 1, 10) || ' 00:00:00', 'conversations_answered', coalesce("TeamId", '00000000-0000-0000-0000-000000000000'), '00000000-0000-0000-0000-000000000000', count(*)
                FROM "Conversations" WHERE "FirstResponseAt" IS NOT NULL GROUP BY 1, 2, 3, 4;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                SELECT "WorkspaceId", substr("OccurredAt", 1, 10) || ' 00:00:00', 'sla:' || "Target" || ':' || "Kind", coalesce("TeamId", '00000000-0000-0000-0000-000000000000'), "PolicyId", count(*)
                FROM "SlaEvents" WHERE "Kind" IN ('Met', 'Breached') GROUP BY 1, 2, 3, 4, 5;
                """);

            // A reply counts the customer messages it answers, a reopening the resolution it reopens, for their day and
            // team, in the triggers that flag them: SQLite compiles a table's triggers into each statement written on it,
            // so triggers of their own on the events would cost every event's insert.
            migrationBuilder.Sql("""DROP TRIGGER "ReportingEvents_Follow_Reply";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "ReportingEvents_Follow_Reply" BEFORE INSERT ON "ReportingEvents" WHEN NEW."Name" = 'reply_sent'
                BEGIN
                    INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                    SELECT "WorkspaceId", substr("OccurredAt", 1, 10) || ' 00:00:00', 'messages_answered', coalesce("TeamId", '00000000-0000-0000-0000-000000000000'), '00000000-0000-0000-0000-000000000000', count(*)
                    FROM "ReportingEvents" WHERE "ConversationId" = NEW."ConversationId" AND "Name" = 'message_received' AND "Answered" = 0
                    GROUP BY 1, 2, 4
                    ON CONFLICT ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId") DO UPDATE SET "Count" = "Count" + excluded."Count";
                    UPDATE "ReportingEvents" SET "Answered" = 1 WHERE "ConversationId" = NEW."ConversationId" AND "Name" = 'message_received' AND "Answered" = 0;
                END;
                """);
            migrationBuilder.Sql("""DROP TRIGGER "ReportingEvents_Follow_Reopening";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "ReportingEvents_Follow_Reopening" BEFORE INSERT ON "ReportingEvents" WHEN NEW."Name" = 'conversation_reopened'
                BEGIN
                    INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                    SELECT "WorkspaceId", substr("OccurredAt", 1, 10) || ' 00:00:00', 'resolutions_reopened', coalesce("TeamId", '00000000-0000-0000-0000-000000000000'), '00000000-0000-0000-0000-000000000000', count(*)
                    FROM "ReportingEvents" WHERE "Reopened" = 0 AND "Id" = (SELECT max("Id") FROM "ReportingEvents"
                        WHERE "ConversationId" = NEW."ConversationId" AND "Name" = 'conversation_resolved')
                    GROUP BY 1, 2, 4
                    ON CONFLICT ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId") DO UPDATE SET "Count" = "Count" + excluded."Count";
                    UPDATE "ReportingEvents" SET "Reopened" = 1 WHERE "Id" = (SELECT max("Id") FROM "ReportingEvents"
                        WHERE "ConversationId" = NEW."ConversationId" AND "Name" = 'conversation_resolved');
                END;
                """);

            // A conversation counts for the day it started and the team holding it, answered once it has a first response.
            migrationBuilder.Sql("""
                CREATE TRIGGER "Conversations_Counts_Insert" AFTER INSERT ON "Conversations"
                BEGIN
                    INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                    SELECT NEW."WorkspaceId", substr(NEW."StartedAt", 1, 10) || ' 00:00:00', 'conversations', coalesce(NEW."TeamId", '00000000-0000-0000-0000-000000000000'), '00000000-0000-0000-0000-000000000000', 1 WHERE 1
                    ON CONFLICT ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId") DO UPDATE SET "Count" = "Count" + excluded."Count";
                    INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                    SELECT NEW."WorkspaceId", substr(NEW."StartedAt", 1, 10) || ' 00:00:00', 'conversations_answered', coalesce(NEW."TeamId", '00000000-0000-0000-0000-000000000000'), '00000000-0000-0000-0000-000000000000', 1 WHERE NEW."FirstResponseAt" IS NOT NULL
                    ON CONFLICT ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId") DO UPDATE SET "Count" = "Count" + excluded."Count";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Conversations_Counts_Update" AFTER UPDATE OF "WorkspaceId", "StartedAt", "TeamId", "FirstResponseAt" ON "Conversations"
                WHEN OLD."WorkspaceId" <> NEW."WorkspaceId" OR OLD."StartedAt" <> NEW."StartedAt" OR OLD."TeamId" IS NOT NEW."TeamId" OR (OLD."FirstResponseAt" IS NULL) <> (NEW."FirstResponseAt" IS NULL)
                BEGIN
                    INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                    SELECT OLD."WorkspaceId", substr(OLD."StartedAt", 1, 10) || ' 00:00:00', 'conversations', coalesce(OLD."TeamId", '00000000-0000-0000-0000-000000000000'), '00000000-0000-0000-0000-000000000000', -1 WHERE 1
                    ON CONFLICT ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId") DO UPDATE SET "Count" = "Count" + excluded."Count";
                    INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                    SELECT NEW."WorkspaceId", substr(NEW."StartedAt", 1, 10) || ' 00:00:00', 'conversations', coalesce(NEW."TeamId", '00000000-0000-0000-0000-000000000000'), '00000000-0000-0000-0000-000000000000', 1 WHERE 1
                    ON CONFLICT ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId") DO UPDATE SET "Count" = "Count" + excluded."Count";
                    INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                    SELECT OLD."WorkspaceId", substr(OLD."StartedAt", 1, 10) || ' 00:00:00', 'conversations_answered', coalesce(OLD."TeamId", '00000000-0000-0000-0000-000000000000'), '00000000-0000-0000-0000-000000000000', -1 WHERE OLD."FirstResponseAt" IS NOT NULL
                    ON CONFLICT ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId") DO UPDATE SET "Count" = "Count" + excluded."Count";
                    INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                    SELECT NEW."WorkspaceId", substr(NEW."StartedAt", 1, 10) || ' 00:00:00', 'conversations_answered', coalesce(NEW."TeamId", '00000000-0000-0000-0000-000000000000'), '00000000-0000-0000-0000-000000000000', 1 WHERE NEW."FirstResponseAt" IS NOT NULL
                    ON CONFLICT ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId") DO UPDATE SET "Count" = "Count" + excluded."Count";
                END;
                """);

            // An SLA target met or breached counts for its day, team and policy.
            migrationBuilder.Sql("""
                CREATE TRIGGER "SlaEvents_Counts_Insert" AFTER INSERT ON "SlaEvents" WHEN NEW."Kind" IN ('Met', 'Breached')
                BEGIN
                    INSERT INTO "ReportCounts" ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId", "Count")
                    SELECT NEW."WorkspaceId", substr(NEW."OccurredAt", 1, 10) || ' 00:00:00', 'sla:' || NEW."Target" || ':' || NEW."Kind", coalesce(NEW."TeamId", '00000000-0000-0000-0000-000000000000'), NEW."PolicyId", 1 WHERE 1
                    ON CONFLICT ("WorkspaceId", "Day", "Name", "TeamId", "PolicyId") DO UPDATE SET "Count" = "Count" + excluded."Count";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "SlaEvents_Counts_Insert";""");
            migrationBuilder.Sql("""DROP TRIGGER "Conversations_Counts_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "Conversations_Counts_Insert";""");
            migrationBuilder.Sql("""DROP TRIGGER "ReportingEvents_Follow_Reply";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "ReportingEvents_Follow_Reply" BEFORE INSERT ON "ReportingEvents" WHEN NEW."Name" = 'reply_sent'
                BEGIN
                    UPDATE "ReportingEvents" SET "Answered" = 1 WHERE "ConversationId" = NEW."ConversationId" AND "Name" = 'message_received' AND "Answered" = 0;
                END;
                """);
            migrationBuilder.Sql("""DROP TRIGGER "ReportingEvents_Follow_Reopening";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "ReportingEvents_Follow_Reopening" BEFORE INSERT ON "ReportingEvents" WHEN NEW."Name" = 'conversation_reopened'
                BEGIN
                    UPDATE "ReportingEvents" SET "Reopened" = 1 WHERE "Id" = (SELECT max("Id") FROM "ReportingEvents"
                        WHERE "ConversationId" = NEW."ConversationId" AND "Name" = 'conversation_resolved');
                END;
                """);

            migrationBuilder.DropTable(
                name: "ReportCounts");

            migrationBuilder.DropTable(
                name: "ReportDays");

            migrationBuilder.DropTable(
                name: "ReportRollups");
        }
    }
}
