using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PeerCircle.Data.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AcademyEditsAndWorkshops : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "WorkshopId",
                table: "RolePlaySignOffs",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContentRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    EditedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    EditedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SavedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentRevisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Workshops",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Agenda = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CancelledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Workshops", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkshopSeats",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkshopId = table.Column<long>(type: "bigint", nullable: false),
                    FacilitatorId = table.Column<string>(type: "text", nullable: false),
                    Attendance = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AttendanceRecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkshopSeats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkshopSeats_AspNetUsers_FacilitatorId",
                        column: x => x.FacilitatorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkshopSeats_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RolePlaySignOffs_WorkshopId",
                table: "RolePlaySignOffs",
                column: "WorkshopId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentRevisions_Kind_Slug_Number",
                table: "ContentRevisions",
                columns: new[] { "Kind", "Slug", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Workshops_StartsAtUtc",
                table: "Workshops",
                column: "StartsAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopSeats_FacilitatorId",
                table: "WorkshopSeats",
                column: "FacilitatorId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopSeats_WorkshopId_FacilitatorId",
                table: "WorkshopSeats",
                columns: new[] { "WorkshopId", "FacilitatorId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_RolePlaySignOffs_Workshops_WorkshopId",
                table: "RolePlaySignOffs",
                column: "WorkshopId",
                principalTable: "Workshops",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RolePlaySignOffs_Workshops_WorkshopId",
                table: "RolePlaySignOffs");

            migrationBuilder.DropTable(
                name: "ContentRevisions");

            migrationBuilder.DropTable(
                name: "WorkshopSeats");

            migrationBuilder.DropTable(
                name: "Workshops");

            migrationBuilder.DropIndex(
                name: "IX_RolePlaySignOffs_WorkshopId",
                table: "RolePlaySignOffs");

            migrationBuilder.DropColumn(
                name: "WorkshopId",
                table: "RolePlaySignOffs");
        }
    }
}
