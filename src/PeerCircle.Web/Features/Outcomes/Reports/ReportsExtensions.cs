using System.Globalization;
using System.Security.Claims;
using System.Text;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Auth;

namespace PeerCircle.Web.Features.Outcomes.Reports;

public static class ReportsExtensions
{
    public static WebApplicationBuilder AddOutcomeReports(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<OutcomeScales>();
        builder.Services.AddScoped<MonthlyCounts>();
        builder.Services.AddScoped<BenefitAnalysis>();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<ProgramDashboard>();
        builder.Services.AddSingleton<DashboardCache>();
        builder.Services.AddHostedService<DashboardRefreshService>();
        builder.Services.AddScoped<ResearchConsent>();
        builder.Services.AddScoped<FhirExports>();
        return builder;
    }

    /// <summary>The exports: the dashboard as CSV and the research bundle (coordinators), the member's own FHIR bundle.</summary>
    public static WebApplication MapOutcomeReports(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/coordinator/outcomes/export.csv", async (HttpContext context, ProgramDashboard dashboard, AuditTrail audit, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var query = context.Request.Query;
            var filter = ReportFilter.Parse(query["from"], query["to"], query["group"], time.GetUtcNow().UtcDateTime);
            var data = await dashboard.BuildAsync(filter, cancellationToken);
            await audit.RecordReadAsync(AuditActions.OutcomesCsvExported, "Program", "outcomes", filter.QueryString, cancellationToken);
            var name = string.Create(CultureInfo.InvariantCulture, $"peercircle-outcomes-{filter.From:yyyy-MM-dd}-to-{filter.To:yyyy-MM-dd}.csv");
            return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(DashboardCsv.Write(data))).ToArray(), "text/csv; charset=utf-8", name);
        }).RequireAuthorization(Policies.Coordinator);

        app.MapGet("/coordinator/outcomes/research.fhir.json", async (FhirExports exports, AuditTrail audit, CancellationToken cancellationToken) =>
        {
            var (json, members) = await exports.ResearchBundleAsync(cancellationToken);
            await audit.RecordReadAsync(AuditActions.OutcomesResearchExported, "Program", "outcomes",
                string.Create(CultureInfo.InvariantCulture, $"{members} consenting member(s), pseudonymised"), cancellationToken);
            return TypedResults.File(Encoding.UTF8.GetBytes(json), "application/fhir+json", "peercircle-research-questionnaire-responses.fhir.json");
        }).RequireAuthorization(Policies.Coordinator);

        app.MapGet("/me/data/outcomes.fhir.json", async (ClaimsPrincipal user, FhirExports exports, AuditTrail audit, CancellationToken cancellationToken) =>
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var json = await exports.MemberBundleAsync(userId, cancellationToken);
            await audit.RecordReadAsync(AuditActions.OutcomesMemberFhirExported, "Member", userId, "own surveys as FHIR QuestionnaireResponse bundle", cancellationToken);
            return TypedResults.File(Encoding.UTF8.GetBytes(json), "application/fhir+json", "my-peercircle-surveys.fhir.json");
        }).RequireAuthorization(Policies.Member);
        return app;
    }
}
