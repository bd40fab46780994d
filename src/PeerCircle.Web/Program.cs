using PeerCircle.Web.Components;
using PeerCircle.Web.Features.Accounts;
using PeerCircle.Web.Features.Calendars;
using PeerCircle.Web.Features.Consent;
using PeerCircle.Web.Features.Contact;
using PeerCircle.Web.Features.Groups;
using PeerCircle.Web.Features.Help;
using PeerCircle.Web.Features.Joining;
using PeerCircle.Web.Features.Meetings;
using PeerCircle.Web.Features.Outcomes.Surveys;
using PeerCircle.Web.Features.Members;
using PeerCircle.Web.Features.Outcomes;
using PeerCircle.Web.Features.Outcomes.Reports;
using PeerCircle.Web.Features.Recruitment;
using PeerCircle.Web.Features.Safety.Cases;
using PeerCircle.Web.Features.Safety.Oversight;
using PeerCircle.Web.Features.Safety.Resources;
using PeerCircle.Web.Features.Safety.RiskLanguage;
using PeerCircle.Web.Features.Safety.Signals;
using PeerCircle.Web.Features.Supervision;
using PeerCircle.Web.Features.Training;
using PeerCircle.Web.Features.Workshops;
using PeerCircle.Web.Infrastructure;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Auth;
using PeerCircle.Web.Infrastructure.Database;
using PeerCircle.Web.Infrastructure.Demo;
using PeerCircle.Web.Infrastructure.Email;
using PeerCircle.Web.Infrastructure.Localization;
using PeerCircle.Web.Infrastructure.Security;
using PeerCircle.Web.Infrastructure.Texts;

// Commands that need no host, no database and no logging run before anything else (stdout stays theirs alone).
if (RiskCheckCommand.Matches(args))
{
    Environment.ExitCode = await RiskCheckCommand.RunOnConsoleAsync(args);
    return;
}
if (RiskTrainCommand.Matches(args))
{
    Environment.ExitCode = RiskTrainCommand.Run(args, Console.Out, Console.Error);
    return;
}

DevelopmentDefaults.Apply();
var builder = WebApplication.CreateBuilder(args);

builder.AddDatabase();
builder.AddAccounts();
builder.AddAudit();
builder.AddEmail();
builder.AddTexts();
builder.AddSecurity();
builder.AddPeerCircleLocalization();
builder.AddCrisisHelp();
builder.AddGroups();
builder.AddCalendars();
builder.AddConsent();
builder.AddMembers();
builder.AddJoining();
builder.AddMeetings();
builder.AddRecruitment();
builder.AddContact();
builder.AddTraining();
builder.AddWorkshops();
builder.AddSupervision();
builder.AddRiskLanguage();
builder.AddSafetySignals();
builder.AddSafetyCases();
builder.AddSafetyOversight();
builder.AddResources();
builder.AddOutcomes();
builder.AddOutcomeReports();
builder.AddAccountFeatures();
builder.AddOutcomeSurveys();
builder.AddDemoProgram();
builder.AddWebPlatform();

var app = builder.Build();

if (await Commands.TryRunAsync(app, args))
{
    return;
}

await app.Services.MigrateDatabaseAsync();
await app.Services.EnsureRolesAsync();
await app.Services.SyncCurriculumAsync();
await app.Services.SyncMemberDocumentsAsync();
await app.SeedStarterResourcesAsync();
await app.SeedOutcomesAsync();
await app.SeedDemoProgramAsync();
await app.ScheduleSurveysAsync();

app.UseWebPlatform();
app.UseSecurity();
app.UsePeerCircleLocalization();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealth();
app.MapGroupsApi();
app.MapRecruitment();
app.MapAccountEndpoints();
app.MapWorkshopCalendar();
app.MapMemberEndpoints();
app.MapCalendars();
app.MapConsent();
app.MapResources();
app.MapOutcomes();
app.MapOutcomeReports();
app.MapPlatformEndpoints<App>();

await app.RunAsync();

/// <summary>The app's entry point; public so integration tests can host it.</summary>
public partial class Program;
