using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialDesk.Migrations.Postgres.Migrations
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "ReportingEvents",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinuteOfDay",
                table: "ReportingEvents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Reopened",
                table: "ReportingEvents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Sentiment",
                table: "ReportingEvents",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TeamId",
                table: "ReportingEvents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Topics",
                table: "ReportingEvents",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            // Each event gets what the reports now read from it alone; what the lifecycle writes from now on, rebuilt
            // here from the events, conversations and messages written before.
            migrationBuilder.Sql("""UPDATE "ReportingEvents" SET "MinuteOfDay" = EXTRACT(HOUR FROM "OccurredAt" AT TIME ZONE 'UTC')::integer * 60 + EXTRACT(MINUTE FROM "OccurredAt" AT TIME ZONE 'UTC')::integer;""");
            migrationBuilder.Sql("""UPDATE "ReportingEvents" e SET "TeamId" = c."TeamId" FROM "Conversations" c WHERE c."Id" = e."ConversationId";""");
            migrationBuilder.Sql("""
                UPDATE "ReportingEvents" e SET "Language" = m."Triage_Language", "Sentiment" = m."Triage_Sentiment", "Topics" = m."Triage_Topics"
                FROM "Messages" m WHERE m."Id" = e."MessageId" AND e."Name" = 'message_received';
                """);
            migrationBuilder.Sql("""
                UPDATE "ReportingEvents" e SET "Answered" = TRUE WHERE e."Name" = 'message_received' AND EXISTS (SELECT 1 FROM "ReportingEvents" r
                    WHERE r."ConversationId" = e."ConversationId" AND r."Name" = 'reply_sent' AND r."Id" > e."Id");
                """);
            migrationBuilder.Sql("""
                UPDATE "ReportingEvents" e SET "Reopened" = TRUE WHERE e."Name" = 'conversation_resolved' AND EXISTS (SELECT 1 FROM "ReportingEvents" r
                    WHERE r."ConversationId" = e."ConversationId" AND r."Name" = 'conversation_reopened' AND r."Id" > e."Id");
                """);

            // A reply other than the first answers the customer messages written since the last reply or resolution.
            migrationBuilder.Sql("""
                UPDATE "ReportingEvents" e SET "ValueSeconds" = EXTRACT(EPOCH FROM (e."OccurredAt" - w."Since"))
                FROM (
                    SELECT r."Id", (SELECT min(m."OccurredAt") FROM "ReportingEvents" m
                        WHERE m."ConversationId" = r."ConversationId" AND m."Name" = 'message_received' AND m."Id" < r."Id"
                        AND m."Id" > coalesce((SELECT max(p."Id") FROM "ReportingEvents" p WHERE p."ConversationId" = r."ConversationId"
                            AND p."Name" IN ('reply_sent', 'conversation_resolved') AND p."Id" < r."Id"), 0)) AS "Since"
                    FROM "ReportingEvents" r
                    WHERE r."Name" = 'reply_sent'
                    AND EXISTS (SELECT 1 FROM "ReportingEvents" f WHERE f."ConversationId" = r."ConversationId" AND f."Name" = 'reply_sent' AND f."Id" < r."Id")
                ) w
                WHERE w."Id" = e."Id" AND w."Since" IS NOT NULL;
                """);

            // A brand reply answers the customer messages before it; a reopening follows the conversation's last resolution.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION "ReportingEvents_Follow"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW."Name" = 'reply_sent' THEN
                        UPDATE "ReportingEvents" SET "Answered" = TRUE WHERE "ConversationId" = NEW."ConversationId" AND "Name" = 'message_received' AND NOT "Answered";
                    ELSIF NEW."Name" = 'conversation_reopened' THEN
                        UPDATE "ReportingEvents" SET "Reopened" = TRUE WHERE "Id" = (SELECT max("Id") FROM "ReportingEvents"
                            WHERE "ConversationId" = NEW."ConversationId" AND "Name" = 'conversation_resolved');
                    END IF;
                    RETURN NEW;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE OR REPLACE TRIGGER "ReportingEvents_Follow" BEFORE INSERT ON "ReportingEvents"
                FOR EACH ROW WHEN (NEW."Name" IN ('reply_sent', 'conversation_reopened')) EXECUTE FUNCTION "ReportingEvents_Follow"();
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
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ReportingEvents_Follow" ON "ReportingEvents";""");
            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "ReportingEvents_Follow"();""");

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
