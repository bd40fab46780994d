using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerCircle.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Certification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CompetencyRatings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FacilitatorId = table.Column<string>(type: "TEXT", nullable: false),
                    CompetencyKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SelfRating = table.Column<int>(type: "INTEGER", nullable: true),
                    SelfRatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CoordinatorRating = table.Column<int>(type: "INTEGER", nullable: true),
                    SignedOffById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SignedOffAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompetencyRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompetencyRatings_AspNetUsers_FacilitatorId",
                        column: x => x.FacilitatorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PolicySignatures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    PolicySlug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PolicyVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    TextSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TypedName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicySignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PolicySignatures_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RolePlaySignOffs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FacilitatorId = table.Column<string>(type: "TEXT", nullable: false),
                    Scenario = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignedOffById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SignedOffAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RolePlaySignOffs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RolePlaySignOffs_AspNetUsers_FacilitatorId",
                        column: x => x.FacilitatorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CompetencyRatings_FacilitatorId_CompetencyKey",
                table: "CompetencyRatings",
                columns: new[] { "FacilitatorId", "CompetencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PolicySignatures_UserId_PolicySlug",
                table: "PolicySignatures",
                columns: new[] { "UserId", "PolicySlug" });

            migrationBuilder.CreateIndex(
                name: "IX_RolePlaySignOffs_FacilitatorId",
                table: "RolePlaySignOffs",
                column: "FacilitatorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompetencyRatings");

            migrationBuilder.DropTable(
                name: "PolicySignatures");

            migrationBuilder.DropTable(
                name: "RolePlaySignOffs");
        }
    }
}
