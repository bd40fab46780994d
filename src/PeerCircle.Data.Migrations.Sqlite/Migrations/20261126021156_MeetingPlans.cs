using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerCircle.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MeetingPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MeetingPlans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurrenceStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TopicSlug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TopicVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    ExerciseIndex = table.Column<int>(type: "INTEGER", nullable: true),
                    CheckInMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    PresentationsMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ExerciseMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    FeedbackMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfidentialityMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Presenters = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CoFacilitatorNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingPlans_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingPlans_GroupId_OccurrenceStartUtc",
                table: "MeetingPlans",
                columns: new[] { "GroupId", "OccurrenceStartUtc" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingPlans");
        }
    }
}
