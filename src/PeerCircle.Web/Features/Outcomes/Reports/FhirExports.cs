using System.Security.Cryptography;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Outcomes;
using PeerCircle.Web.Features.Outcomes.Instruments;
using Task = System.Threading.Tasks.Task;

namespace PeerCircle.Web.Features.Outcomes.Reports;

/// <summary>
/// FHIR R4 exports of survey answers, built with the Firely SDK: a <c>Bundle</c> (type collection) of
/// <c>QuestionnaireResponse</c> resources, each naming its questionnaire as <c>url|version</c>, with its status,
/// when it was written and its answers in the questionnaire's own shape: answered questions inside their groups, in
/// the questionnaire's order, each answer of the type the question asks for (a choice as the answer option itself,
/// a coding when the option is one).
/// </summary>
/// <remarks>
/// <para>The member's own copy (<c>/me/data/outcomes.fhir.json</c>) has all their surveys, finished or not, with
/// their own words.</para>
/// <para>The research export (<c>/coordinator/outcomes/research.fhir.json</c>) has only members who agreed to research
/// use and have not taken it back, only finished surveys, no names, no e-mail addresses, no free-text answers (a
/// person's own words can name them), dates to the day, and instead of the member a stable random pseudonym kept with
/// their account (an Identity user token), so the same person can be followed over time without being named.</para>
/// </remarks>
public sealed class FhirExports(PeerCircleDb db, ResearchConsent research, TimeProvider time)
{
    public const string PseudonymSystem = "urn:peercircle:research-pseudonym";
    public const string MemberSystem = "urn:peercircle:member";

    private static readonly BaseFhirJsonSerializer Serializer = new(ModelInfo.ModelInspector);

    /// <summary>The member's own surveys as a FHIR bundle (JSON).</summary>
    public async Task<string> MemberBundleAsync(string memberId, CancellationToken cancellationToken)
    {
        var responses = await db.SurveyResponses.AsNoTracking()
            .Where(r => r.MemberId == memberId && (r.Status == SurveyStatus.Completed || r.Status == SurveyStatus.InProgress))
            .OrderBy(r => r.DaysAfterJoining).ThenBy(r => r.Id)
            .Select(r => new ResponseRow(r.Id, r.MemberId, r.InstrumentId, r.Status, r.AnswersJson, r.CompletedAtUtc ?? r.UpdatedAtUtc ?? r.StartedAtUtc ?? r.DueAtUtc))
            .ToListAsync(cancellationToken);
        var questionnaires = await QuestionnairesAsync(cancellationToken);
        var bundle = NewBundle();
        foreach (var response in responses)
        {
            var resource = ToResource(response, questionnaires, research: false);
            resource.Subject = new ResourceReference { Identifier = new Identifier(MemberSystem, memberId) };
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:" + Guid.NewGuid(), Resource = resource });
        }
        return Serializer.SerializeToString(bundle, pretty: true);
    }

    /// <summary>The research export: consenting members' finished surveys, pseudonymised. Returns the JSON and how many members.</summary>
    public async Task<(string Json, int Members)> ResearchBundleAsync(CancellationToken cancellationToken)
    {
        var pseudonyms = await research.PseudonymsOfConsentingMembersAsync(cancellationToken);
        var questionnaires = await QuestionnairesAsync(cancellationToken);
        var bundle = NewBundle();
        var consenting = research.ConsentingMemberIds();
        var responses = db.SurveyResponses.AsNoTracking()
            .Where(r => r.Status == SurveyStatus.Completed && consenting.Contains(r.MemberId))
            .OrderBy(r => r.MemberId).ThenBy(r => r.DaysAfterJoining)
            .Select(r => new ResponseRow(r.Id, r.MemberId, r.InstrumentId, r.Status, r.AnswersJson, r.CompletedAtUtc ?? r.DueAtUtc))
            .AsAsyncEnumerable();
        await foreach (var response in responses.WithCancellation(cancellationToken))
        {
            if (!pseudonyms.TryGetValue(response.MemberId, out var pseudonym))
            {
                continue;
            }
            var resource = ToResource(response, questionnaires, research: true);
            resource.Subject = new ResourceReference { Identifier = new Identifier(PseudonymSystem, pseudonym) };
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:" + Guid.NewGuid(), Resource = resource });
        }
        return (Serializer.SerializeToString(bundle, pretty: true), pseudonyms.Count);
    }

    private Bundle NewBundle() => new()
    {
        Type = Bundle.BundleType.Collection,
        Timestamp = time.GetUtcNow(),
        Identifier = new Identifier("urn:ietf:rfc:3986", "urn:uuid:" + Guid.NewGuid()),
    };

    private sealed record ResponseRow(long Id, string MemberId, long InstrumentId, SurveyStatus Status, string AnswersJson, DateTime AuthoredUtc);

    private static QuestionnaireResponse ToResource(ResponseRow row, IReadOnlyDictionary<long, InstrumentQuestionnaire> questionnaires, bool research)
    {
        var questionnaire = questionnaires.GetValueOrDefault(row.InstrumentId);
        var resource = new QuestionnaireResponse
        {
            Id = research ? null : row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Questionnaire = questionnaire?.Canonical ?? $"urn:peercircle:instrument:{row.InstrumentId}",
            Status = row.Status == SurveyStatus.Completed
                ? QuestionnaireResponse.QuestionnaireResponseStatus.Completed
                : QuestionnaireResponse.QuestionnaireResponseStatus.InProgress,
            Authored = research
                ? row.AuthoredUtc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                : new FhirDateTime(new DateTimeOffset(DateTime.SpecifyKind(row.AuthoredUtc, DateTimeKind.Utc))).Value,
        };
        resource.Item.AddRange(Items(questionnaire?.Questionnaire, row.AnswersJson, research));
        return resource;
    }

    /// <summary>
    /// The answers as response items in the questionnaire's shape: groups holding their answered questions, in order,
    /// each answer typed as its question asks. Answers to questions the questionnaire does not have (or all of them,
    /// when it cannot be read) follow at the top level as stored, so nothing is lost. The research export leaves out
    /// free text.
    /// </summary>
    public static List<QuestionnaireResponse.ItemComponent> Items(Questionnaire? questionnaire, string answersJson, bool research)
    {
        var answers = new Dictionary<string, DataType>(StringComparer.Ordinal);
        foreach (var (linkId, value) in Answers(answersJson))
        {
            if (!(research && value is FhirString))
            {
                answers[linkId] = value;
            }
        }
        var items = questionnaire is null ? [] : Shaped(questionnaire.Item, answers);
        items.AddRange(answers.Select(a => new QuestionnaireResponse.ItemComponent
        {
            LinkId = a.Key,
            Answer = [new QuestionnaireResponse.AnswerComponent { Value = a.Value }],
        }));
        return items;
    }

    /// <summary>The response items for these questionnaire items; each answer used is taken out of <paramref name="answers"/>.</summary>
    private static List<QuestionnaireResponse.ItemComponent> Shaped(List<Questionnaire.ItemComponent> items, Dictionary<string, DataType> answers)
    {
        var shaped = new List<QuestionnaireResponse.ItemComponent>();
        foreach (var item in items)
        {
            if (item.Type == Questionnaire.QuestionnaireItemType.Group)
            {
                var inside = Shaped(item.Item, answers);
                if (inside.Count > 0)
                {
                    shaped.Add(new QuestionnaireResponse.ItemComponent { LinkId = item.LinkId, Text = item.Text, Item = inside });
                }
            }
            else if (item.LinkId is { } linkId && answers.Remove(linkId, out var value))
            {
                shaped.Add(new QuestionnaireResponse.ItemComponent
                {
                    LinkId = linkId,
                    Text = item.Text,
                    Answer = [new QuestionnaireResponse.AnswerComponent { Value = Typed(item, value) }],
                });
            }
        }
        return shaped;
    }

    /// <summary>
    /// A stored answer as the question asks for it: a choice's stored score becomes the answer option with that score
    /// (its coding, integer or string), a yes/no becomes true or false.
    /// </summary>
    private static DataType Typed(Questionnaire.ItemComponent item, DataType stored)
    {
        if (stored is Integer { Value: { } number })
        {
            if (item.Type == Questionnaire.QuestionnaireItemType.Choice && item.AnswerOption.Count > 0)
            {
                var scores = FhirQuestionnaires.ScoresOf(item);
                var at = scores.ToList().IndexOf(number);
                var option = at >= 0 ? item.AnswerOption[at] : null;
                if (option?.Value is DataType chosen)
                {
                    return (DataType)chosen.DeepCopy();
                }
            }
            if (item.Type == Questionnaire.QuestionnaireItemType.Boolean && number is 0 or 1)
            {
                return new FhirBoolean(number == 1);
            }
        }
        return stored;
    }

    /// <summary>The stored answers (linkId → number, true/false or text) as FHIR answer values; anything else is skipped.</summary>
    public static IEnumerable<(string LinkId, DataType Value)> Answers(string answersJson)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(string.IsNullOrWhiteSpace(answersJson) ? "{}" : answersJson);
        }
        catch (JsonException)
        {
            yield break;
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                yield break;
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                DataType? value = property.Value.ValueKind switch
                {
                    JsonValueKind.Number when property.Value.TryGetInt32(out var whole) => new Integer(whole),
                    JsonValueKind.Number => new FhirDecimal(property.Value.GetDecimal()),
                    JsonValueKind.True => new FhirBoolean(true),
                    JsonValueKind.False => new FhirBoolean(false),
                    JsonValueKind.String when property.Value.GetString() is { Length: > 0 } text => new FhirString(text),
                    _ => null,
                };
                if (value is not null && property.Name.Length > 0)
                {
                    yield return (property.Name, value);
                }
            }
        }
    }

    /// <summary>An instrument's questionnaire, when it can be read, and its canonical <c>url|version</c>.</summary>
    private sealed record InstrumentQuestionnaire(Questionnaire? Questionnaire, string Canonical);

    /// <summary>Each instrument's questionnaire, read from its FHIR Questionnaire JSON, by instrument id.</summary>
    private async Task<IReadOnlyDictionary<long, InstrumentQuestionnaire>> QuestionnairesAsync(CancellationToken cancellationToken)
    {
        var instruments = await db.Instruments.AsNoTracking()
            .Select(i => new { i.Id, i.Key, i.Version, i.QuestionnaireJson })
            .ToListAsync(cancellationToken);
        var questionnaires = new Dictionary<long, InstrumentQuestionnaire>();
        foreach (var instrument in instruments)
        {
            // An instrument without a readable questionnaire still gets a stable name, and its answers as stored.
            var questionnaire = FhirQuestionnaires.TryParse(instrument.QuestionnaireJson);
            var url = string.IsNullOrWhiteSpace(questionnaire?.Url) ? $"urn:peercircle:questionnaire:{instrument.Key}" : questionnaire.Url;
            var version = string.IsNullOrWhiteSpace(questionnaire?.Version) ? instrument.Version : questionnaire.Version;
            questionnaires[instrument.Id] = new InstrumentQuestionnaire(questionnaire, $"{url}|{version}");
        }
        return questionnaires;
    }

    /// <summary>A new random pseudonym: 16 characters, letters and digits, unrelated to anything about the person.</summary>
    public static string NewPseudonym() => "P" + RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 15);
}
