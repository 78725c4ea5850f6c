using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialDesk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SlaRouting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AgentCapacity",
                table: "Teams",
                type: "INTEGER",
                nullable: false,
                defaultValue: 10);

            migrationBuilder.AddColumn<string>(
                name: "AutoAssignment",
                table: "Teams",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Off");

            migrationBuilder.AddColumn<int>(
                name: "AwayReturnMinutes",
                table: "Teams",
                type: "INTEGER",
                nullable: true);

            // Foreign keys come with their columns, as SQLite adds them in place: EF's way rebuilds the tables outside the
            // migration's transaction, and warns of it on every new database.
            migrationBuilder.Sql("""ALTER TABLE "Teams" ADD COLUMN "CalendarId" TEXT NULL CONSTRAINT "FK_Teams_SlaCalendars_CalendarId" REFERENCES "SlaCalendars" ("Id") ON DELETE SET NULL;""");

            migrationBuilder.AddColumn<string>(
                name: "RouteChannels",
                table: "Teams",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "RouteLanguages",
                table: "Teams",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "RouteTopics",
                table: "Teams",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "RoutingPosition",
                table: "Teams",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Capacity",
                table: "TeamMembers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Channels",
                table: "TeamMembers",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Languages",
                table: "TeamMembers",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<DateTime>(
                name: "LastAssignedAt",
                table: "TeamMembers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Availability",
                table: "Memberships",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Available");

            migrationBuilder.AddColumn<DateTime>(
                name: "AvailabilityChangedAt",
                table: "Memberships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstResponseDueAt",
                table: "Conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstResponseState",
                table: "Conversations",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextResponseDueAt",
                table: "Conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextResponseState",
                table: "Conversations",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Priority",
                table: "Conversations",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "Normal");

            migrationBuilder.AddColumn<DateTime>(
                name: "RankAt",
                table: "Conversations",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "Reach",
                table: "Conversations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolutionDueAt",
                table: "Conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolutionState",
                table: "Conversations",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SlaCheckAt",
                table: "Conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SlaPausedAt",
                table: "Conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.Sql("""ALTER TABLE "Conversations" ADD COLUMN "SlaPolicyId" TEXT NULL CONSTRAINT "FK_Conversations_SlaPolicies_SlaPolicyId" REFERENCES "SlaPolicies" ("Id") ON DELETE SET NULL;""");

            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "Contacts",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SlaCalendars",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Definition = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaCalendars", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaCalendars_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SlaEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PolicyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Target = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SlaPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    Channels = table.Column<string>(type: "TEXT", nullable: false),
                    Priorities = table.Column<string>(type: "TEXT", nullable: false),
                    Topics = table.Column<string>(type: "TEXT", nullable: false),
                    Languages = table.Column<string>(type: "TEXT", nullable: false),
                    ContactTags = table.Column<string>(type: "TEXT", nullable: false),
                    FirstResponseMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    NextResponseMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    ResolutionMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    WarningMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalateRaisePriority = table.Column<bool>(type: "INTEGER", nullable: false),
                    EscalateToTeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EscalateNotifySupervisors = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaPolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaPolicies_Teams_EscalateToTeamId",
                        column: x => x.EscalateToTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SlaPolicies_Workspaces_WorkspaceId",
                        column: x => x.WorkspaceId,
                        principalTable: "Workspaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Teams_CalendarId",
                table: "Teams",
                column: "CalendarId");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_SlaCheckAt",
                table: "Conversations",
                column: "SlaCheckAt");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_SlaPolicyId",
                table: "Conversations",
                column: "SlaPolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_WorkspaceId_RankAt",
                table: "Conversations",
                columns: new[] { "WorkspaceId", "RankAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId",
                table: "Notifications",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_WorkspaceId_UserId_CreatedAt",
                table: "Notifications",
                columns: new[] { "WorkspaceId", "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaCalendars_WorkspaceId_Name",
                table: "SlaCalendars",
                columns: new[] { "WorkspaceId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlaEvents_ConversationId",
                table: "SlaEvents",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaEvents_WorkspaceId_OccurredAt",
                table: "SlaEvents",
                columns: new[] { "WorkspaceId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_EscalateToTeamId",
                table: "SlaPolicies",
                column: "EscalateToTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_WorkspaceId_Name",
                table: "SlaPolicies",
                columns: new[] { "WorkspaceId", "Name" },
                unique: true);

            // Conversations from before ranking: pressing in the order they last moved.
            migrationBuilder.Sql("UPDATE \"Conversations\" SET \"RankAt\" = \"LastActivityAt\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Conversations_SlaPolicies_SlaPolicyId",
                table: "Conversations");

            migrationBuilder.DropForeignKey(
                name: "FK_Teams_SlaCalendars_CalendarId",
                table: "Teams");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "SlaCalendars");

            migrationBuilder.DropTable(
                name: "SlaEvents");

            migrationBuilder.DropTable(
                name: "SlaPolicies");

            migrationBuilder.DropIndex(
                name: "IX_Teams_CalendarId",
                table: "Teams");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_SlaCheckAt",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_SlaPolicyId",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_WorkspaceId_RankAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "AgentCapacity",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "AutoAssignment",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "AwayReturnMinutes",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "CalendarId",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "RouteChannels",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "RouteLanguages",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "RouteTopics",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "RoutingPosition",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "Capacity",
                table: "TeamMembers");

            migrationBuilder.DropColumn(
                name: "Channels",
                table: "TeamMembers");

            migrationBuilder.DropColumn(
                name: "Languages",
                table: "TeamMembers");

            migrationBuilder.DropColumn(
                name: "LastAssignedAt",
                table: "TeamMembers");

            migrationBuilder.DropColumn(
                name: "Availability",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "AvailabilityChangedAt",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "FirstResponseDueAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "FirstResponseState",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "NextResponseDueAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "NextResponseState",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "RankAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Reach",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "ResolutionDueAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "ResolutionState",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "SlaCheckAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "SlaPausedAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "SlaPolicyId",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "Contacts");
        }
    }
}
