using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PeerCircle.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SafetyNet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ThoughtsOfSelfHarm",
                table: "MeetingCheckIns",
                type: "boolean",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConfidentialityBreaks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CaseId = table.Column<long>(type: "bigint", nullable: true),
                    Exception = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    WhatWasDisclosed = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DisclosedTo = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DisclosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConfidentialityBreaks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EscalationCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Priority = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AssignedClinicianId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ResolvedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolvedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    EscalatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastAlertAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EscalationCases_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GriefCheckIns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Answers = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    SuggestsFollowUp = table.Column<bool>(type: "boolean", nullable: false),
                    ThoughtsOfSelfHarm = table.Column<bool>(type: "boolean", nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GriefCheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GriefCheckIns_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OnCallShifts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClinicianId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OnCallShifts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OnCallShifts_AspNetUsers_ClinicianId",
                        column: x => x.ClinicianId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Organization = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Category = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Website = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HowToContact = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Area = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    States = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PostalCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    RadiusMiles = table.Column<int>(type: "integer", nullable: true),
                    Languages = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Cost = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Eligibility = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    LastReviewedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Resources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseContactAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    ById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AttemptedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Method = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Reached = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseContactAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseContactAttempts_EscalationCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EscalationCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClinicalNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WrittenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProtectedText = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClinicalNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClinicalNotes_EscalationCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EscalationCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SafetyAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    RecipientId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EmailSentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EmailAttempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReadAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafetyAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SafetyAlerts_EscalationCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EscalationCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SafetySignals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    MemberId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Priority = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Categories = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Excerpt = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Explanation = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: true),
                    RaisedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RaisedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafetySignals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SafetySignals_EscalationCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EscalationCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutsideReferrals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Need = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ReferredById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReferredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FollowUpOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    OutcomeAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutsideReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutsideReferrals_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OutsideReferrals_Resources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "Resources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResourceShares",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    SentById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SeenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResourceShares_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ResourceShares_Resources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "Resources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseContactAttempts_CaseId",
                table: "CaseContactAttempts",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ClinicalNotes_CaseId",
                table: "ClinicalNotes",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ConfidentialityBreaks_DisclosedAtUtc",
                table: "ConfidentialityBreaks",
                column: "DisclosedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_EscalationCases_MemberId_Status",
                table: "EscalationCases",
                columns: new[] { "MemberId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EscalationCases_OpenedAtUtc",
                table: "EscalationCases",
                column: "OpenedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_EscalationCases_Status_DueAtUtc",
                table: "EscalationCases",
                columns: new[] { "Status", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_GriefCheckIns_MemberId",
                table: "GriefCheckIns",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_OnCallShifts_ClinicianId",
                table: "OnCallShifts",
                column: "ClinicianId");

            migrationBuilder.CreateIndex(
                name: "IX_OnCallShifts_StartsAtUtc_EndsAtUtc",
                table: "OnCallShifts",
                columns: new[] { "StartsAtUtc", "EndsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutsideReferrals_MemberId",
                table: "OutsideReferrals",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_OutsideReferrals_ReferredOn",
                table: "OutsideReferrals",
                column: "ReferredOn");

            migrationBuilder.CreateIndex(
                name: "IX_OutsideReferrals_ResourceId",
                table: "OutsideReferrals",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_Resources_Category_Active",
                table: "Resources",
                columns: new[] { "Category", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_Resources_LastReviewedOn",
                table: "Resources",
                column: "LastReviewedOn");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceShares_MemberId",
                table: "ResourceShares",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceShares_ResourceId",
                table: "ResourceShares",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_SafetyAlerts_CaseId",
                table: "SafetyAlerts",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_SafetyAlerts_EmailSentAtUtc",
                table: "SafetyAlerts",
                column: "EmailSentAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_SafetyAlerts_RecipientId_ReadAtUtc",
                table: "SafetyAlerts",
                columns: new[] { "RecipientId", "ReadAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SafetySignals_CaseId",
                table: "SafetySignals",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_SafetySignals_MemberId",
                table: "SafetySignals",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_SafetySignals_RaisedById",
                table: "SafetySignals",
                column: "RaisedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseContactAttempts");

            migrationBuilder.DropTable(
                name: "ClinicalNotes");

            migrationBuilder.DropTable(
                name: "ConfidentialityBreaks");

            migrationBuilder.DropTable(
                name: "GriefCheckIns");

            migrationBuilder.DropTable(
                name: "OnCallShifts");

            migrationBuilder.DropTable(
                name: "OutsideReferrals");

            migrationBuilder.DropTable(
                name: "ResourceShares");

            migrationBuilder.DropTable(
                name: "SafetyAlerts");

            migrationBuilder.DropTable(
                name: "SafetySignals");

            migrationBuilder.DropTable(
                name: "Resources");

            migrationBuilder.DropTable(
                name: "EscalationCases");

            migrationBuilder.DropColumn(
                name: "ThoughtsOfSelfHarm",
                table: "MeetingCheckIns");
        }
    }
}
