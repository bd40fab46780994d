using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerCircle.Data.Migrations.Postgres.Migrations
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
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "BaselineValue",
                table: "SurveyScores",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MeetingsAttended",
                table: "SurveyScores",
                type: "integer",
                nullable: true);

            // Existing scores as the app now writes them: meetings attended copied from the response, and each follow-up
            // paired with the member's baseline on the same scale (BaselinePairing does this when a survey is completed).
            migrationBuilder.Sql("""
                UPDATE "SurveyScores" AS s SET "MeetingsAttended" = r."MeetingsAttended"
                FROM "SurveyResponses" AS r WHERE r."Id" = s."ResponseId";
                """);
            migrationBuilder.Sql("""
                UPDATE "SurveyScores" AS f SET "BaselineValue" = b."Value", "BaselineResponseId" = b."ResponseId"
                FROM "SurveyScores" AS b
                WHERE f."DaysAfterJoining" > 0 AND b."DaysAfterJoining" = 0
                  AND b."InstrumentId" = f."InstrumentId" AND b."Scale" = f."Scale" AND b."MemberId" = f."MemberId";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyScores_Paired",
                table: "SurveyScores",
                columns: new[] { "CompletedAtUtc", "InstrumentId", "Scale", "DaysAfterJoining", "MeetingsAttended", "Value", "BaselineValue" },
                filter: "\"BaselineValue\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_JoinedAtUtc_MemberId_DaysAfterJoining_Instr~",
                table: "SurveyResponses",
                columns: new[] { "JoinedAtUtc", "MemberId", "DaysAfterJoining", "InstrumentId" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAttendances_UserId_OccurrenceStartUtc",
                table: "MeetingAttendances",
                columns: new[] { "UserId", "OccurrenceStartUtc" })
                .Annotation("Npgsql:IndexInclude", new[] { "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyScores_Paired",
                table: "SurveyScores");

            migrationBuilder.DropIndex(
                name: "IX_SurveyResponses_JoinedAtUtc_MemberId_DaysAfterJoining_Instr~",
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
