using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PeerCircle.Web.Features.Outcomes.Instruments;

/// <summary>
/// The scoring JSON beside a Questionnaire (documented in content/outcomes/README.md):
/// <code>
/// { "scales": [ { "key": "hope", "title": "Hope", "method": "mean", "items": ["hope-1", "hope-2", "hope-3"],
///   "reversed": ["hope-3"], "minAnswered": 2, "higherIsBetter": true,
///   "bands": [ { "from": 1, "to": 2.49, "label": "low" }, … ] } ] }
/// </code>
/// </summary>
public static partial class ScoringRules
{
    private static readonly string[] Settings = ["key", "title", "method", "items", "reversed", "minAnswered", "bands", "higherIsBetter"];

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex ScaleKey();

    internal static List<ScaleRule> Read(string? json, IReadOnlyDictionary<string, InstrumentItem> items, List<InstrumentProblem> problems)
    {
        var scales = new List<ScaleRule>();
        if (string.IsNullOrWhiteSpace(json))
        {
            problems.Add(new("The scoring file is empty."));
            return scales;
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            problems.Add(new("The scoring file is not valid JSON (line {0}).", ((e.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture)));
            return scales;
        }
        if (root is not JsonObject rootObject || rootObject["scales"] is not JsonArray list)
        {
            problems.Add(new("The scoring file needs a list of scales: {{ \"scales\": [ … ] }}."));
            return scales;
        }
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var node in list)
        {
            number++;
            var where = number.ToString(CultureInfo.InvariantCulture);
            if (node is not JsonObject scale)
            {
                problems.Add(new("Scale {0} in the scoring file is not an object.", where));
                continue;
            }
            var key = Text(scale, "key");
            if (key is null || !ScaleKey().IsMatch(key))
            {
                problems.Add(new("Scale {0}: the key must be lower-case letters, digits, “_” or “-” (up to 64), e.g. “hope”.", where));
                continue;
            }
            where = key;
            var before = problems.Count;
            if (!keys.Add(key))
            {
                problems.Add(new("Scale {0}: another scale has the same key.", where));
            }
            foreach (var unknown in scale.Select(p => p.Key).Where(p => !Settings.Contains(p, StringComparer.Ordinal)))
            {
                problems.Add(new("Scale {0}: “{1}” is not a setting we know. Use key, title, method, items, reversed, minAnswered, bands and higherIsBetter.", where, unknown));
            }
            var title = Text(scale, "title") ?? "";
            if (title.Length == 0)
            {
                problems.Add(new("Scale {0}: please give the scale a title.", where));
            }
            var method = Text(scale, "method")?.ToLowerInvariant() switch
            {
                "sum" => ScoreMethod.Sum,
                "mean" => ScoreMethod.Mean,
                _ => (ScoreMethod?)null,
            };
            if (method is null)
            {
                problems.Add(new("Scale {0}: the method must be “sum” or “mean”.", where));
            }
            var scaleItems = Strings(scale, "items", where, problems);
            if (scaleItems.Count == 0)
            {
                problems.Add(new("Scale {0}: please list the scale's items (their linkIds).", where));
            }
            foreach (var linkId in scaleItems)
            {
                if (!items.TryGetValue(linkId, out var item))
                {
                    problems.Add(new("Scale {0}: item {1} is not in the Questionnaire.", where, linkId));
                }
                else if (item.Kind == ItemKind.FreeText)
                {
                    problems.Add(new("Scale {0}: item {1} is free text and cannot be scored.", where, linkId));
                }
            }
            foreach (var linkId in scaleItems.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            {
                problems.Add(new("Scale {0}: item {1} is listed twice.", where, linkId));
            }
            var reversed = Strings(scale, "reversed", where, problems);
            foreach (var linkId in reversed.Where(r => !scaleItems.Contains(r, StringComparer.Ordinal)))
            {
                problems.Add(new("Scale {0}: reversed item {1} is not one of the scale's items.", where, linkId));
            }
            var minAnswered = scaleItems.Count;
            if (scale["minAnswered"] is { } min)
            {
                if (min is JsonValue value && value.TryGetValue<int>(out var count) && count >= 1 && count <= Math.Max(1, scaleItems.Count))
                {
                    minAnswered = count;
                }
                else
                {
                    problems.Add(new("Scale {0}: minAnswered must be a whole number from 1 to the number of items ({1}).", where,
                        Math.Max(1, scaleItems.Count).ToString(CultureInfo.InvariantCulture)));
                }
            }
            var higherIsBetter = true;
            if (scale["higherIsBetter"] is { } better)
            {
                if (better is JsonValue flag && flag.TryGetValue<bool>(out var parsed))
                {
                    higherIsBetter = parsed;
                }
                else
                {
                    problems.Add(new("Scale {0}: higherIsBetter must be true or false.", where));
                }
            }
            var bands = Bands(scale, where, problems);
            if (problems.Count == before)
            {
                scales.Add(new ScaleRule(key, title, method!.Value, scaleItems, reversed, minAnswered, bands, higherIsBetter));
            }
        }
        return scales;
    }

    private static string? Text(JsonObject scale, string name) =>
        scale[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static List<string> Strings(JsonObject scale, string name, string where, List<InstrumentProblem> problems)
    {
        var result = new List<string>();
        switch (scale[name])
        {
            case null:
                break;
            case JsonArray array:
                foreach (var entry in array)
                {
                    if (entry is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
                    {
                        result.Add(text.Trim());
                    }
                    else
                    {
                        problems.Add(new("Scale {0}: “{1}” must be a list of item linkIds (text).", where, name));
                        break;
                    }
                }
                break;
            default:
                problems.Add(new("Scale {0}: “{1}” must be a list of item linkIds (text).", where, name));
                break;
        }
        return result;
    }

    private static List<ScoreBand> Bands(JsonObject scale, string where, List<InstrumentProblem> problems)
    {
        var bands = new List<ScoreBand>();
        if (scale["bands"] is null)
        {
            return bands;
        }
        if (scale["bands"] is not JsonArray array)
        {
            problems.Add(new("Scale {0}: bands must be a list of {{ \"from\", \"to\", \"label\" }}.", where));
            return bands;
        }
        var index = 0;
        foreach (var node in array)
        {
            index++;
            var n = index.ToString(CultureInfo.InvariantCulture);
            if (node is not JsonObject band || !Number(band, "from", out var from) || !Number(band, "to", out var to) || Text(band, "label") is not { } label)
            {
                problems.Add(new("Scale {0}: band {1} needs a number “from”, a number “to” and a “label”.", where, n));
                continue;
            }
            if (from > to)
            {
                problems.Add(new("Scale {0}: band {1} (“{2}”) starts after it ends.", where, n, label));
                continue;
            }
            if (bands.FirstOrDefault(b => from <= b.To && to >= b.From) is { } overlap)
            {
                problems.Add(new("Scale {0}: band “{1}” overlaps band “{2}”.", where, label, overlap.Label));
                continue;
            }
            bands.Add(new ScoreBand(from, to, label));
        }
        return bands;
    }

    private static bool Number(JsonObject band, string name, out double value)
    {
        value = 0;
        return band[name] is JsonValue node && node.TryGetValue(out value) && double.IsFinite(value);
    }

    internal static string Write(InstrumentDefinition definition)
    {
        var scales = new JsonArray();
        foreach (var scale in definition.Scales)
        {
            scales.Add(new JsonObject
            {
                ["key"] = scale.Key,
                ["title"] = scale.Title,
                ["method"] = scale.Method == ScoreMethod.Sum ? "sum" : "mean",
                ["items"] = new JsonArray([.. scale.Items.Select(i => (JsonNode?)JsonValue.Create(i))]),
                ["reversed"] = new JsonArray([.. scale.Reversed.Select(i => (JsonNode?)JsonValue.Create(i))]),
                ["minAnswered"] = scale.MinAnswered,
                ["higherIsBetter"] = scale.HigherIsBetter,
                ["bands"] = new JsonArray([.. scale.Bands.Select(b => (JsonNode?)new JsonObject { ["from"] = b.From, ["to"] = b.To, ["label"] = b.Label })]),
            });
        }
        return new JsonObject { ["scales"] = scales }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
