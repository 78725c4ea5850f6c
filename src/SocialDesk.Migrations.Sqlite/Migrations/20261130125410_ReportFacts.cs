using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportingEvents_WorkspaceId_Name_OccurredAt",
                table: "ReportingEvents");

            migrationBuilder.AddColumn<bool>(
                name: "Answered",
                table: "ReportingEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "ReportingEvents",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinuteOfDay",
                table: "ReportingEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Reopened",
                table: "ReportingEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Sentiment",
                table: "ReportingEvents",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TeamId",
                table: "ReportingEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Topics",
                table: "ReportingEvents",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            // Each event gets what the reports now read from it alone; what the lifecycle writes from now on, rebuilt
            // here from the events, conversations and messages written before.
            migrationBuilder.Sql("""UPDATE "ReportingEvents" SET "MinuteOfDay" = CAST(substr("OccurredAt", 12, 2) AS INTEGER) * 60 + CAST(substr("OccurredAt", 15, 2) AS INTEGER);""");
            migrationBuilder.Sql("""UPDATE "ReportingEvents" SET "TeamId" = (SELECT c."TeamId" FROM "Conversations" c WHERE c."Id" = "ReportingEvents"."ConversationId");""");
            migrationBuilder.Sql("""
                UPDATE "ReportingEvents" SET "Language" = m."Triage_Language", "Sentiment" = m."Triage_Sentiment", "Topics" = m."Triage_Topics"
                FROM "Messages" m WHERE m."Id" = "ReportingEvents"."MessageId" AND "ReportingEvents"."Name" = 'message_received';
                """);
            migrationBuilder.Sql("""
                UPDATE "ReportingEvents" SET "Answered" = 1 WHERE "Name" = 'message_received' AND EXISTS (SELECT 1 FROM "ReportingEvents" r
                    WHERE r."ConversationId" = "ReportingEvents"."ConversationId" AND r."Name" = 'reply_sent' AND r."Id" > "ReportingEvents"."Id");
                """);
            migrationBuilder.Sql("""
                UPDATE "ReportingEvents" SET "Reopened" = 1 WHERE "Name" = 'conversation_resolved' AND EXISTS (SELECT 1 FROM "ReportingEvents" r
                    WHERE r."ConversationId" = "ReportingEvents"."ConversationId" AND r."Name" = 'conversation_reopened' AND r."Id" > "ReportingEvents"."Id");
                """);

            // A reply other than the first answers the customer messages written since the last reply or resolution.
            migrationBuilder.Sql("""
                UPDATE "ReportingEvents" SET "ValueSeconds" = (julianday("ReportingEvents"."OccurredAt") - julianday(w."Since")) * 86400.0
                FROM (
                    SELECT r."Id", (SELECT min(m."OccurredAt") FROM "ReportingEvents" m
                        WHERE m."ConversationId" = r."ConversationId" AND m."Name" = 'message_received' AND m."Id" < r."Id"
                        AND m."Id" > coalesce((SELECT max(p."Id") FROM "ReportingEvents" p WHERE p."ConversationId" = r."ConversationId"
                            AND p."Name" IN ('reply_sent', 'conversation_resolved') AND p."Id" < r."Id"), 0)) AS "Since"
                    FROM "ReportingEvents" r
                    WHERE r."Name" = 'reply_sent'
                    AND EXISTS (SELECT 1 FROM "ReportingEvents" f WHERE f."ConversationId" = r."ConversationId" AND f."Name" = 'reply_sent' AND f."Id" < r."Id")
                ) w
                WHERE w."Id" = "ReportingEvents"."Id" AND w."Since" IS NOT NULL;
                """);

            // A brand reply answers the customer messages before it; a reopening follows the conversation's last resolution.
            migrationBuilder.Sql("""
                CREATE TRIGGER IF NOT EXISTS "ReportingEvents_Follow_Reply" BEFORE INSERT ON "ReportingEvents" WHEN NEW."Name" = 'reply_sent'
                BEGIN
                    UPDATE "ReportingEvents" SET "Answered" = 1 WHERE "ConversationId" = NEW."ConversationId" AND "Name" = 'message_received' AND "Answered" = 0;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER IF NOT EXISTS "ReportingEvents_Follow_Reopening" BEFORE INSERT ON "ReportingEvents" WHEN NEW."Name" = 'conversation_reopened'
                BEGIN
                    UPDATE "ReportingEvents" SET "Reopened" = 1 WHERE "Id" = (SELECT max("Id") FROM "ReportingEvents"
                        WHERE "ConversationId" = NEW."ConversationId" AND "Name" = 'conversation_resolved');
                END;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ReportingEvents_Report",
                table: "ReportingEvents",
                columns: new[] { "WorkspaceId", "Name", "OccurredAt", "TeamId", "UserId", "ValueSeconds", "Answered", "Reopened", "ChannelId", "MinuteOfDay", "Language", "Sentiment", "Topics" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_WorkspaceId_StartedAt_TeamId_FirstResponseAt",
                table: "Conversations",
                columns: new[] { "WorkspaceId", "StartedAt", "TeamId", "FirstResponseAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ReportingEvents_Follow_Reply";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ReportingEvents_Follow_Reopening";""");

            migrationBuilder.DropIndex(
                name: "IX_ReportingEvents_Report",
                table: "ReportingEvents");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_WorkspaceId_StartedAt_TeamId_FirstResponseAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Answered",
                table: "ReportingEvents");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "ReportingEvents");

            migrationBuilder.DropColumn(
                name: "MinuteOfDay",
                table: "ReportingEvents");

            migrationBuilder.DropColumn(
                name: "Reopened",
                table: "ReportingEvents");

            migrationBuilder.DropColumn(
                name: "Sentiment",
                table: "ReportingEvents");

            migrationBuilder.DropColumn(
                name: "TeamId",
                table: "ReportingEvents");

            migrationBuilder.DropColumn(
                name: "Topics",
                table: "ReportingEvents");

            migrationBuilder.CreateIndex(
                name: "IX_ReportingEvents_WorkspaceId_Name_OccurredAt",
                table: "ReportingEvents",
                columns: new[] { "WorkspaceId", "Name", "OccurredAt" });
        }
    }
}
