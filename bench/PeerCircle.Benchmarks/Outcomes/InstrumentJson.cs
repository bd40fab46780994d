using System.Text.Json;
using System.Text.Json.Nodes;

namespace PeerCircle.Benchmarks.Outcomes;

/// <summary>
/// FHIR R4 Questionnaire JSON and scoring-rules JSON for the bench's instruments: one integer item per question, one
/// mean-scored scale per group of items.
/// </summary>
internal static class InstrumentJson
{
    public static (string Questionnaire, string Scoring) For(OutcomesSeeder.BenchInstrument instrument)
    {
        var items = new JsonArray();
        foreach (var scale in instrument.Scales)
        {
            for (var k = 1; k <= scale.Items; k++)
            {
                items.Add(new JsonObject
                {
                    ["linkId"] = $"{scale.Key}_{k}",
                    ["text"] = $"{scale.Key.Replace('_', ' ')}, question {k}",
                    ["type"] = "integer",
                    ["required"] = false,
                    ["extension"] = new JsonArray(
                        new JsonObject { ["url"] = "http://hl7.org/fhir/StructureDefinition/minValue", ["valueInteger"] = scale.ItemMin },
                        new JsonObject { ["url"] = "http://hl7.org/fhir/StructureDefinition/maxValue", ["valueInteger"] = scale.ItemMax }),
                });
            }
        }
        var questionnaire = new JsonObject
        {
            ["resourceType"] = "Questionnaire",
            ["url"] = $"urn:peercircle:bench:{instrument.Key}",
            ["version"] = "1",
            ["name"] = instrument.Key.Replace('-', '_'),
            ["title"] = instrument.Title,
            ["status"] = "active",
            ["item"] = items,
        };
        var scoring = new JsonObject
        {
            ["scales"] = new JsonArray([.. instrument.Scales.Select(scale => (JsonNode)new JsonObject
            {
                ["key"] = scale.Key,
                ["title"] = scale.Key.Replace('_', ' '),
                ["method"] = "Mean",
                ["items"] = new JsonArray([.. Enumerable.Range(1, scale.Items).Select(k => (JsonNode)JsonValue.Create($"{scale.Key}_{k}"))]),
                ["reversed"] = new JsonArray(),
                ["minAnswered"] = Math.Max(1, (scale.Items + 1) / 2),
                ["bands"] = new JsonArray(),
                ["higherIsBetter"] = scale.HigherIsBetter,
            })]),
        };
        return (questionnaire.ToJsonString(), scoring.ToJsonString());
    }
}
