using System.Security.Cryptography;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Outcomes;
using Task = System.Threading.Tasks.Task;

namespace PeerCircle.Web.Features.Outcomes.Reports;

/// <summary>
/// FHIR R4 exports of survey answers, built with the Firely SDK: a <c>Bundle</c> (type collection) of
/// <c>QuestionnaireResponse</c> resources, each naming its questionnaire as <c>url|version</c>, with its status,
/// when it was written and one item per answered question (linkId and answer).
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
        var canonicals = await CanonicalsAsync(cancellationToken);
        var bundle = NewBundle();
        foreach (var response in responses)
        {
            var resource = ToResource(response, canonicals, research: false);
            resource.Subject = new ResourceReference { Identifier = new Identifier(MemberSystem, memberId) };
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:" + Guid.NewGuid(), Resource = resource });
        }
        return Serializer.SerializeToString(bundle, pretty: true);
    }

    /// <summary>The research export: consenting members' finished surveys, pseudonymised. Returns the JSON and how many members.</summary>
    public async Task<(string Json, int Members)> ResearchBundleAsync(CancellationToken cancellationToken)
    {
        var pseudonyms = await research.PseudonymsOfConsentingMembersAsync(cancellationToken);
        var canonicals = await CanonicalsAsync(cancellationToken);
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
            var resource = ToResource(response, canonicals, research: true);
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

    private static QuestionnaireResponse ToResource(ResponseRow row, IReadOnlyDictionary<long, string> canonicals, bool research)
    {
        var resource = new QuestionnaireResponse
        {
            Id = research ? null : row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Questionnaire = canonicals.GetValueOrDefault(row.InstrumentId) ?? $"urn:peercircle:instrument:{row.InstrumentId}",
            Status = row.Status == SurveyStatus.Completed
                ? QuestionnaireResponse.QuestionnaireResponseStatus.Completed
                : QuestionnaireResponse.QuestionnaireResponseStatus.InProgress,
            Authored = research
                ? row.AuthoredUtc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                : new FhirDateTime(new DateTimeOffset(DateTime.SpecifyKind(row.AuthoredUtc, DateTimeKind.Utc))).Value,
        };
        foreach (var (linkId, answer) in Answers(row.AnswersJson))
        {
            if (research && answer is FhirString)
            {
                continue;
            }
            resource.Item.Add(new QuestionnaireResponse.ItemComponent
            {
                LinkId = linkId,
                Answer = [new QuestionnaireResponse.AnswerComponent { Value = answer }],
            });
        }
        return resource;
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

    /// <summary>Each instrument's questionnaire canonical, <c>url|version</c>, read from its FHIR Questionnaire.</summary>
    private async Task<IReadOnlyDictionary<long, string>> CanonicalsAsync(CancellationToken cancellationToken)
    {
        var instruments = await db.Instruments.AsNoTracking()
            .Select(i => new { i.Id, i.Key, i.Version, i.QuestionnaireJson })
            .ToListAsync(cancellationToken);
        var canonicals = new Dictionary<long, string>();
        foreach (var instrument in instruments)
        {
            string? url = null;
            string? version = null;
            try
            {
                using var document = JsonDocument.Parse(instrument.QuestionnaireJson);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    url = document.RootElement.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                    version = document.RootElement.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                }
            }
            catch (JsonException)
            {
                // An instrument without a readable questionnaire still gets a stable name below.
            }
            url ??= $"urn:peercircle:questionnaire:{instrument.Key}";
            version ??= instrument.Version;
            canonicals[instrument.Id] = $"{url}|{version}";
        }
        return canonicals;
    }

    /// <summary>A new random pseudonym: 16 characters, letters and digits, unrelated to anything about the person.</summary>
    public static string NewPseudonym() => "P" + RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 15);
}
