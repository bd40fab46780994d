using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerCircle.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OutcomesPreAggregate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MeetingAttendances_UserId",
                table: "MeetingAttendances");

            migrationBuilder.AddColumn<long>(
                name: "BaselineResponseId",
                table: "SurveyScores",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "BaselineValue",
                table: "SurveyScores",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MeetingsAttended",
                table: "SurveyScores",
                type: "INTEGER",
                nullable: true);

            // Existing scores as the app now writes them: meetings attended copied from the response, and each follow-up
            // paired with the member's baseline on the same scale (BaselinePairing does this when a survey is completed).
            // Each baseline is one lookup in the score index (instrument, scale, day, member).
            migrationBuilder.Sql("""
                UPDATE "SurveyScores" SET "MeetingsAttended" =
                    (SELECT r."MeetingsAttended" FROM "SurveyResponses" AS r WHERE r."Id" = "SurveyScores"."ResponseId");
                """);
            migrationBuilder.Sql("""
                UPDATE "SurveyScores" SET
                    "BaselineResponseId" = (SELECT b."ResponseId" FROM "SurveyScores" AS b
                        WHERE b."InstrumentId" = "SurveyScores"."InstrumentId" AND b."Scale" = "SurveyScores"."Scale"
                          AND b."DaysAfterJoining" = 0 AND b."MemberId" = "SurveyScores"."MemberId"),
                    "BaselineValue" = (SELECT b."Value" FROM "SurveyScores" AS b
                        WHERE b."InstrumentId" = "SurveyScores"."InstrumentId" AND b."Scale" = "SurveyScores"."Scale"
                          AND b."DaysAfterJoining" = 0 AND b."MemberId" = "SurveyScores"."MemberId")
                WHERE "DaysAfterJoining" > 0;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyScores_Paired",
                table: "SurveyScores",
                columns: new[] { "CompletedAtUtc", "InstrumentId", "Scale", "DaysAfterJoining", "MeetingsAttended", "Value", "BaselineValue" },
                filter: "\"BaselineValue\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_JoinedAtUtc_MemberId_DaysAfterJoining_InstrumentId",
                table: "SurveyResponses",
                columns: new[] { "JoinedAtUtc", "MemberId", "DaysAfterJoining", "InstrumentId" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAttendances_UserId_OccurrenceStartUtc",
                table: "MeetingAttendances",
                columns: new[] { "UserId", "OccurrenceStartUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyScores_Paired",
                table: "SurveyScores");

            migrationBuilder.DropIndex(
                name: "IX_SurveyResponses_JoinedAtUtc_MemberId_DaysAfterJoining_InstrumentId",
                table: "SurveyResponses");

            migrationBuilder.DropIndex(
                name: "IX_MeetingAttendances_UserId_OccurrenceStartUtc",
                table: "MeetingAttendances");

            migrationBuilder.DropColumn(
                name: "BaselineResponseId",
                table: "SurveyScores");

            migrationBuilder.DropColumn(
                name: "BaselineValue",
                table: "SurveyScores");

            migrationBuilder.DropColumn(
                name: "MeetingsAttended",
                table: "SurveyScores");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAttendances_UserId",
                table: "MeetingAttendances",
                column: "UserId");
        }
    }
}
