using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerCircle.Data.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContentRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EditedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EditedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SavedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentRevisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Workshops",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Agenda = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CancelledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Workshops", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkshopSeats",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkshopId = table.Column<long>(type: "INTEGER", nullable: false),
                    FacilitatorId = table.Column<string>(type: "TEXT", nullable: false),
                    Attendance = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AttendanceRecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
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
