using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PeerCircle.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OutcomesCountedMonths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CountedMonths",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    StartUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CountedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RulesVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountedMonths", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AttendanceCounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MonthId = table.Column<long>(type: "bigint", nullable: false),
                    People = table.Column<int>(type: "integer", nullable: false),
                    Attendances = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceCounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AttendanceCounts_CountedMonths_MonthId",
                        column: x => x.MonthId,
                        principalTable: "CountedMonths",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BenefitChangeCounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MonthId = table.Column<long>(type: "bigint", nullable: false),
                    InstrumentId = table.Column<long>(type: "bigint", nullable: false),
                    Scale = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DaysAfterJoining = table.Column<int>(type: "integer", nullable: false),
                    DoseBand = table.Column<int>(type: "integer", nullable: false),
                    Change = table.Column<double>(type: "double precision", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BenefitChangeCounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BenefitChangeCounts_CountedMonths_MonthId",
                        column: x => x.MonthId,
                        principalTable: "CountedMonths",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAttendances_OccurrenceStartUtc",
                table: "MeetingAttendances",
                column: "OccurrenceStartUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceCounts_MonthId",
                table: "AttendanceCounts",
                column: "MonthId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BenefitChangeCounts_MonthId",
                table: "BenefitChangeCounts",
                column: "MonthId");

            migrationBuilder.CreateIndex(
                name: "IX_CountedMonths_Kind_StartUtc",
                table: "CountedMonths",
                columns: new[] { "Kind", "StartUtc" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttendanceCounts");

            migrationBuilder.DropTable(
                name: "BenefitChangeCounts");

            migrationBuilder.DropTable(
                name: "CountedMonths");

            migrationBuilder.DropIndex(
                name: "IX_MeetingAttendances_OccurrenceStartUtc",
                table: "MeetingAttendances");
        }
    }
}
