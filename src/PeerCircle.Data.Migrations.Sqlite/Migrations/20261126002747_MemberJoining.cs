using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerCircle.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MemberJoining : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DecidedById",
                table: "GroupMemberships",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeclineReason",
                table: "GroupMemberships",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OfferExpiresAtUtc",
                table: "GroupMemberships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PrescreenAtUtc",
                table: "GroupMemberships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PrescreenNote",
                table: "GroupMemberships",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReferralSource",
                table: "GroupMemberships",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ShareEmailOnContactSheet",
                table: "GroupMemberships",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ShareNameOnContactSheet",
                table: "GroupMemberships",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "SharePhoneOnContactSheet",
                table: "GroupMemberships",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "StatusChangedAtUtc",
                table: "GroupMemberships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WaitlistedAtUtc",
                table: "GroupMemberships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Acknowledgements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    TextSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Acknowledgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Acknowledgements_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Acknowledgements_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsentSignatures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    DocumentSlug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    TextSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TypedName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentSignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentSignatures_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConsentWithdrawals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    DocumentSlug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentWithdrawals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentWithdrawals_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GroupPageViews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ViewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupPageViews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GroupPageViews_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurrenceStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Cancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    MovedToStartUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ChangedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingChanges_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OccurrenceStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingReminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MemberProfiles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    JourneyRole = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    CancerTypes = table.Column<string>(type: "TEXT", nullable: false),
                    TreatmentPhase = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    DateOfLoss = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Languages = table.Column<string>(type: "TEXT", nullable: false),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    TravelMiles = table.Column<int>(type: "INTEGER", nullable: false),
                    PreferredTime = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PreferredChannel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    MayEmail = table.Column<bool>(type: "INTEGER", nullable: false),
                    MayText = table.Column<bool>(type: "INTEGER", nullable: false),
                    MayLeaveVoicemail = table.Column<bool>(type: "INTEGER", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AccessibilityNeeds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EmergencyContactName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    EmergencyContactPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    EmergencyContactRelationship = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    HeardAboutUs = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CalendarFeedTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberProfiles", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_MemberProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GroupMemberships_GroupId_Status_WaitlistedAtUtc",
                table: "GroupMemberships",
                columns: new[] { "GroupId", "Status", "WaitlistedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Acknowledgements_GroupId",
                table: "Acknowledgements",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Acknowledgements_UserId_Kind_GroupId_Version",
                table: "Acknowledgements",
                columns: new[] { "UserId", "Kind", "GroupId", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentSignatures_UserId_DocumentSlug_Version",
                table: "ConsentSignatures",
                columns: new[] { "UserId", "DocumentSlug", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentWithdrawals_UserId_DocumentSlug",
                table: "ConsentWithdrawals",
                columns: new[] { "UserId", "DocumentSlug" });

            migrationBuilder.CreateIndex(
                name: "IX_GroupPageViews_GroupId_ViewedAtUtc",
                table: "GroupPageViews",
                columns: new[] { "GroupId", "ViewedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingChanges_GroupId_OccurrenceStartUtc",
                table: "MeetingChanges",
                columns: new[] { "GroupId", "OccurrenceStartUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingReminders_GroupId_OccurrenceStartUtc_UserId",
                table: "MeetingReminders",
                columns: new[] { "GroupId", "OccurrenceStartUtc", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberProfiles_CalendarFeedTokenHash",
                table: "MemberProfiles",
                column: "CalendarFeedTokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Acknowledgements");

            migrationBuilder.DropTable(
                name: "ConsentSignatures");

            migrationBuilder.DropTable(
                name: "ConsentWithdrawals");

            migrationBuilder.DropTable(
                name: "GroupPageViews");

            migrationBuilder.DropTable(
                name: "MeetingChanges");

            migrationBuilder.DropTable(
                name: "MeetingReminders");

            migrationBuilder.DropTable(
                name: "MemberProfiles");

            migrationBuilder.DropIndex(
                name: "IX_GroupMemberships_GroupId_Status_WaitlistedAtUtc",
                table: "GroupMemberships");

            migrationBuilder.DropColumn(
                name: "DecidedById",
                table: "GroupMemberships");

            migrationBuilder.DropColumn(
                name: "DeclineReason",
                table: "GroupMemberships");

            migrationBuilder.DropColumn(
                name: "OfferExpiresAtUtc",
                table: "GroupMemberships");

            migrationBuilder.DropColumn(
                name: "PrescreenAtUtc",
                table: "GroupMemberships");

            migrationBuilder.DropColumn(
                name: "PrescreenNote",
                table: "GroupMemberships");

            migrationBuilder.DropColumn(
                name: "ReferralSource",
                table: "GroupMemberships");

            migrationBuilder.DropColumn(
                name: "ShareEmailOnContactSheet",
                table: "GroupMemberships");

            migrationBuilder.DropColumn(
                name: "ShareNameOnContactSheet",
                table: "GroupMemberships");

            migrationBuilder.DropColumn(
                name: "SharePhoneOnContactSheet",
                table: "GroupMemberships");

            migrationBuilder.DropColumn(
                name: "StatusChangedAtUtc",
                table: "GroupMemberships");

            migrationBuilder.DropColumn(
                name: "WaitlistedAtUtc",
                table: "GroupMemberships");
        }
    }
}
