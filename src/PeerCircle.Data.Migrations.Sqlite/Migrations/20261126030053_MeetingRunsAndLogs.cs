using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerCircle.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MeetingRunsAndLogs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Added",
                table: "MeetingChanges",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Concerns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OccurrenceStartUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AboutUserId = table.Column<string>(type: "TEXT", nullable: true),
                    AboutName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RaisedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RaisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Concerns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Concerns_AspNetUsers_AboutUserId",
                        column: x => x.AboutUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Concerns_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingAttendances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurrenceStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Via = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Turns = table.Column<int>(type: "INTEGER", nullable: false),
                    SpokenSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    Passes = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingAttendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingAttendances_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MeetingAttendances_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingFeedback",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurrenceStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Helpful = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    FeltHeard = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    FeltSafe = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    WhatToChange = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingFeedback_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingFeedback_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingLogs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurrenceStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    WrittenById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Feeling = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    WrittenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingLogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingLogs_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurrenceStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Phase = table.Column<int>(type: "INTEGER", nullable: false),
                    PhaseStartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfidentialityGivenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SpeakerAttendanceId = table.Column<long>(type: "INTEGER", nullable: true),
                    SpeakerSinceUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingRuns_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PresentationOffers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurrenceStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    About = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OfferedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PresentationOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PresentationOffers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PresentationOffers_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingIncidents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingLogId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AlternativeGroupOffered = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingIncidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingIncidents_MeetingLogs_MeetingLogId",
                        column: x => x.MeetingLogId,
                        principalTable: "MeetingLogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_AboutUserId",
                table: "Concerns",
                column: "AboutUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_GroupId_OccurrenceStartUtc",
                table: "Concerns",
                columns: new[] { "GroupId", "OccurrenceStartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAttendances_GroupId_OccurrenceStartUtc",
                table: "MeetingAttendances",
                columns: new[] { "GroupId", "OccurrenceStartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAttendances_UserId",
                table: "MeetingAttendances",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingFeedback_GroupId_OccurrenceStartUtc_UserId",
                table: "MeetingFeedback",
                columns: new[] { "GroupId", "OccurrenceStartUtc", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingFeedback_UserId",
                table: "MeetingFeedback",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingIncidents_MeetingLogId",
                table: "MeetingIncidents",
                column: "MeetingLogId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingLogs_GroupId_OccurrenceStartUtc",
                table: "MeetingLogs",
                columns: new[] { "GroupId", "OccurrenceStartUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingLogs_WrittenById",
                table: "MeetingLogs",
                column: "WrittenById");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingRuns_GroupId_OccurrenceStartUtc",
                table: "MeetingRuns",
                columns: new[] { "GroupId", "OccurrenceStartUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PresentationOffers_GroupId_OccurrenceStartUtc_UserId",
                table: "PresentationOffers",
                columns: new[] { "GroupId", "OccurrenceStartUtc", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PresentationOffers_UserId",
                table: "PresentationOffers",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Concerns");

            migrationBuilder.DropTable(
                name: "MeetingAttendances");

            migrationBuilder.DropTable(
                name: "MeetingFeedback");

            migrationBuilder.DropTable(
                name: "MeetingIncidents");

            migrationBuilder.DropTable(
                name: "MeetingRuns");

            migrationBuilder.DropTable(
                name: "PresentationOffers");

            migrationBuilder.DropTable(
                name: "MeetingLogs");

            migrationBuilder.DropColumn(
                name: "Added",
                table: "MeetingChanges");
        }
    }
}
