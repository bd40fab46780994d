using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PeerCircle.Data.Migrations.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    OccurrenceStartUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TopicSlug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    TopicVersion = table.Column<int>(type: "integer", nullable: true),
                    ExerciseIndex = table.Column<int>(type: "integer", nullable: true),
                    CheckInMinutes = table.Column<int>(type: "integer", nullable: false),
                    PresentationsMinutes = table.Column<int>(type: "integer", nullable: false),
                    ExerciseMinutes = table.Column<int>(type: "integer", nullable: false),
                    FeedbackMinutes = table.Column<int>(type: "integer", nullable: false),
                    ConfidentialityMinutes = table.Column<int>(type: "integer", nullable: false),
                    ContactMinutes = table.Column<int>(type: "integer", nullable: false),
                    Presenters = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CoFacilitatorNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
