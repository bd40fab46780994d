using System.Text.Json;
using System.Text.Json.Nodes;
using PeerCircle.Web.Features.Outcomes.Instruments;

namespace PeerCircle.Web.Features.Outcomes.Surveys;

/// <summary>
/// A response's answers as stored in <c>SurveyResponse.AnswersJson</c>: a JSON object from item linkId to a number
/// (0–10, Likert and choice scores), true/false (yes/no items) or text (free text).
/// </summary>
public static class SurveyAnswers
{
    public static Dictionary<string, AnswerValue> Read(string? json)
    {
        var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return answers;
        }
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return answers;
        }
        foreach (var (linkId, node) in root ?? [])
        {
            if (node is not JsonValue value)
            {
                continue;
            }
            switch (value.GetValueKind())
            {
                case JsonValueKind.Number when value.TryGetValue<int>(out var number):
                    answers[linkId] = AnswerValue.Of(number);
                    break;
                case JsonValueKind.True:
                    answers[linkId] = AnswerValue.Of(1);
                    break;
                case JsonValueKind.False:
                    answers[linkId] = AnswerValue.Of(0);
                    break;
                case JsonValueKind.String when value.GetValue<string>() is { Length: > 0 } words:
                    answers[linkId] = AnswerValue.Of(words);
                    break;
                default:
                    break;
            }
        }
        return answers;
    }

    /// <summary>Writes the answers in the instrument's item order; yes/no items as true/false.</summary>
    public static string Write(InstrumentDefinition instrument, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(answers);
        var root = new JsonObject();
        foreach (var item in instrument.Items)
        {
            if (!answers.TryGetValue(item.LinkId, out var answer))
            {
                continue;
            }
            root[item.LinkId] = item.Kind switch
            {
                ItemKind.FreeText => answer.Text is { Length: > 0 } words ? JsonValue.Create(words) : null,
                ItemKind.YesNo => answer.Number is { } yes ? JsonValue.Create(yes == 1) : null,
                _ => answer.Number is { } number ? JsonValue.Create(number) : null,
            };
            if (root[item.LinkId] is null)
            {
                root.Remove(item.LinkId);
            }
        }
        return root.ToJsonString();
    }

    /// <summary>Whether an item has an answer.</summary>
    public static bool Has(IReadOnlyDictionary<string, AnswerValue> answers, InstrumentItem item) =>
        answers.TryGetValue(item.LinkId, out var answer) && (answer.Number is not null || !string.IsNullOrWhiteSpace(answer.Text));

    /// <summary>
    /// Where the member stopped: the section after the last one with an answer (the first when there are none, the last
    /// when the last has some). A part they skipped on the way (every question is optional) does not call them back.
    /// </summary>
    public static int ResumeAt(InstrumentDefinition instrument, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        for (var i = instrument.Sections.Count - 1; i >= 0; i--)
        {
            if (instrument.Sections[i].Items.Any(item => Has(answers, item)))
            {
                return Math.Min(i + 1, instrument.Sections.Count - 1);
            }
        }
        return 0;
    }
}
