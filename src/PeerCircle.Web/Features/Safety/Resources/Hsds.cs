using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PeerCircle.Data.Safety;

namespace PeerCircle.Web.Features.Safety.Resources;

/// <summary>One resource read from an import file, with the words that name where it came from (“services.csv row 3”).</summary>
public sealed record HsdsRow(string Where, ResourceForm Form);

/// <summary>What an import file held: the rows, or the problems that stopped it from being read at all.</summary>
public sealed record HsdsFile(IReadOnlyList<HsdsRow> Rows, IReadOnlyList<string> Problems);

/// <summary>
/// The resource directory in the Open Referral Human Services Data Specification (HSDS 3.0): a service for each
/// resource, with its organization, phone, service areas, languages and category (an attribute linking a taxonomy
/// term). Service areas say how far a resource reaches, as extent_type "text" with extent "country:US", "state:TX"
/// (one row per state) or "zip_radius:77030:25" (a ZIP code and the miles around it). The last-reviewed
/// date is the service's assured_date; status is "active" or "inactive".
/// </summary>
public static class Hsds
{
    public const string CategoryVocabulary = "peercircle-resource-category";

    private static readonly string[] OrganizationColumns = ["id", "name", "alternate_name", "description", "email", "website"];
    private static readonly string[] ServiceColumns =
    [
        "id", "organization_id", "name", "alternate_name", "description", "url", "email", "status", "application_process",
        "fees_description", "eligibility_description", "assured_date", "last_modified",
    ];
    private static readonly string[] PhoneColumns = ["id", "service_id", "organization_id", "number", "extension", "type", "description"];
    private static readonly string[] AreaColumns = ["id", "service_id", "name", "description", "extent", "extent_type"];
    private static readonly string[] LanguageColumns = ["id", "service_id", "name", "code", "note"];
    private static readonly string[] AttributeColumns = ["id", "link_id", "link_type", "link_entity", "taxonomy_term_id", "value"];
    private static readonly string[] TermColumns = ["id", "code", "name", "description", "vocabulary"];

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string OrganizationName(Resource r) => r.Organization ?? r.Name;

    /// <summary>A stable id for an organization (by name) or for a non-GUID service id from another system.</summary>
    public static Guid StableId(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim().ToUpperInvariant()));
        return new Guid(hash.AsSpan(0, 16));
    }

    private static string TermId(ResourceCategory category) => "category-" + ResourceLabels.Code(category);

    private static List<(string Id, string Name, string? Description, string? Extent, string ExtentType)> Areas(Resource r) => r.Area switch
    {
        AreaServed.National => [($"{r.Id}-area", "United States", "Anywhere in the United States", "country:US", "text")],
        AreaServed.State => [.. ResourceLabels.StatesOf(r).Select(s => ($"{r.Id}-area-{s}", s, (string?)$"In {s}", (string?)$"state:{s}", "text"))],
        _ => [($"{r.Id}-area", $"ZIP {r.PostalCode}", $"Within {r.RadiusMiles} miles of ZIP {r.PostalCode}",
            string.Create(CultureInfo.InvariantCulture, $"zip_radius:{r.PostalCode}:{r.RadiusMiles}"), "text")],
    };

    // ---- Export ----

    /// <summary>A zip of HSDS CSV tables.</summary>
    public static byte[] ToCsvZip(IReadOnlyList<Resource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var organizations = resources.GroupBy(OrganizationName, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
        var files = new Dictionary<string, string>
        {
            ["organizations.csv"] = Csv.Write(OrganizationColumns, organizations.Select(r => (IReadOnlyList<string?>)
                [StableId(OrganizationName(r)).ToString(), OrganizationName(r), null, null, null, null])),
            ["services.csv"] = Csv.Write(ServiceColumns, resources.Select(r => (IReadOnlyList<string?>)
                [r.Id.ToString(), StableId(OrganizationName(r)).ToString(), r.Name, null, r.Description, r.Website, r.Email,
                    r.Active ? "active" : "inactive", r.HowToContact, r.Cost, r.Eligibility, Date(r.LastReviewedOn),
                    r.UpdatedAtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)])),
            ["phones.csv"] = Csv.Write(PhoneColumns, resources.Where(r => r.Phone is not null).Select(r => (IReadOnlyList<string?>)
                [$"{r.Id}-phone", r.Id.ToString(), null, r.Phone, null, "voice", null])),
            ["service_areas.csv"] = Csv.Write(AreaColumns, resources.SelectMany(r => Areas(r).Select(a => (IReadOnlyList<string?>)
                [a.Id, r.Id.ToString(), a.Name, a.Description, a.Extent, a.ExtentType]))),
            ["languages.csv"] = Csv.Write(LanguageColumns, resources.SelectMany(r => ResourceLabels.LanguagesOf(r).Select(code => (IReadOnlyList<string?>)
                [$"{r.Id}-language-{code}", r.Id.ToString(), ResourceLabels.LanguageName(code), code, null]))),
            ["attributes.csv"] = Csv.Write(AttributeColumns, resources.Select(r => (IReadOnlyList<string?>)
                [$"{r.Id}-category", r.Id.ToString(), "service", "service", TermId(r.Category), ResourceLabels.Code(r.Category)])),
            ["taxonomy_terms.csv"] = Csv.Write(TermColumns, ResourceLabels.Categories.Select(c => (IReadOnlyList<string?>)
                [TermId(c), ResourceLabels.Code(c), ResourceLabels.Of(c), null, CategoryVocabulary])),
        };
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }
        return buffer.ToArray();
    }

    /// <summary>HSDS JSON: an array of services, each with its organization, phones, service areas, languages and category nested.</summary>
    public static string ToJson(IReadOnlyList<Resource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var array = new JsonArray();
        foreach (var r in resources)
        {
            var service = new JsonObject
            {
                ["id"] = r.Id.ToString(),
                ["name"] = r.Name,
                ["description"] = r.Description,
                ["url"] = r.Website,
                ["email"] = r.Email,
                ["status"] = r.Active ? "active" : "inactive",
                ["application_process"] = r.HowToContact,
                ["fees_description"] = r.Cost,
                ["eligibility_description"] = r.Eligibility,
                ["assured_date"] = Date(r.LastReviewedOn),
                ["organization"] = new JsonObject
                {
                    ["id"] = StableId(OrganizationName(r)).ToString(),
                    ["name"] = OrganizationName(r),
                },
                ["phones"] = r.Phone is null ? new JsonArray() : new JsonArray(new JsonObject
                {
                    ["id"] = $"{r.Id}-phone", ["number"] = r.Phone, ["type"] = "voice",
                }),
                ["service_areas"] = new JsonArray([.. Areas(r).Select(a => (JsonNode)new JsonObject
                {
                    ["id"] = a.Id, ["name"] = a.Name, ["description"] = a.Description, ["extent"] = a.Extent, ["extent_type"] = a.ExtentType,
                })]),
                ["languages"] = new JsonArray([.. ResourceLabels.LanguagesOf(r).Select(code => (JsonNode)new JsonObject
                {
                    ["id"] = $"{r.Id}-language-{code}", ["name"] = ResourceLabels.LanguageName(code), ["code"] = code,
                })]),
                ["attributes"] = new JsonArray(new JsonObject
                {
                    ["id"] = $"{r.Id}-category",
                    ["taxonomy_term"] = new JsonObject
                    {
                        ["id"] = TermId(r.Category), ["code"] = ResourceLabels.Code(r.Category),
                        ["name"] = ResourceLabels.Of(r.Category), ["vocabulary"] = CategoryVocabulary,
                    },
                    ["value"] = ResourceLabels.Code(r.Category),
                }),
            };
            array.Add(service);
        }
        return array.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    // ---- Import ----

    /// <summary>Reads an uploaded file: HSDS JSON (.json) or a zip of HSDS CSV tables (.zip).</summary>
    public static HsdsFile Read(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        if (fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return ReadJson(Encoding.UTF8.GetString(content));
        }
        if (fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
                var tables = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)))
                {
                    if (entry.Length > 5_000_000)
                    {
                        return new HsdsFile([], [$"{entry.Name} is too large to import."]);
                    }
                    using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                    tables[entry.Name] = reader.ReadToEnd();
                }
                return ReadCsv(tables);
            }
            catch (InvalidDataException)
            {
                return new HsdsFile([], ["This file is not a zip file we can open. Please upload the zip of CSV files or a JSON file."]);
            }
        }
        return new HsdsFile([], ["Please upload a .json file or a .zip of HSDS CSV files (organizations.csv, services.csv, phones.csv, service_areas.csv, languages.csv)."]);
    }

    private static string? Text(JsonNode? node, string name)
    {
        if (node is not JsonObject obj || !obj.TryGetPropertyValue(name, out var value) || value is null)
        {
            return null;
        }
        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
            _ => null,
        };
    }

    private static JsonArray Items(JsonNode? node, string name) =>
        node is JsonObject obj && obj.TryGetPropertyValue(name, out var value) && value is JsonArray array ? array : [];

    public static HsdsFile ReadJson(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            return new HsdsFile([], [$"This is not valid JSON (near line {(e.LineNumber ?? 0) + 1}). Please check the file."]);
        }
        var services = root switch
        {
            JsonArray array => array,
            JsonObject obj => Items(obj, "contents") is { Count: > 0 } contents ? contents : Items(obj, "services"),
            _ => [],
        };
        if (services.Count == 0)
        {
            return new HsdsFile([], ["The file holds no services. HSDS JSON is a list of services (or an object with a \"contents\" list)."]);
        }
        var rows = new List<HsdsRow>();
        var number = 0;
        foreach (var service in services)
        {
            number++;
            var name = Text(service, "name");
            var where = $"Service {number}" + (string.IsNullOrWhiteSpace(name) ? "" : $" (“{name}”)");
            if (service is not JsonObject)
            {
                rows.Add(new HsdsRow(where, new ResourceForm()));
                continue;
            }
            var organization = service["organization"];
            var category = Items(service, "attributes")
                .Select(a => Text(a?["taxonomy_term"], "code") ?? Text(a, "value"))
                .FirstOrDefault(c => c is not null);
            var areas = Items(service, "service_areas")
                .Select(a => (Name: Text(a, "name"), Extent: Text(a, "extent"), Type: Text(a, "extent_type"))).ToList();
            var form = new ResourceForm
            {
                Id = Text(service, "id"),
                Name = name,
                Organization = OrganizationOrNull(Text(organization, "name"), name),
                Category = category,
                Description = Text(service, "description"),
                HowToContact = Text(service, "application_process"),
                Website = Text(service, "url"),
                Email = Text(service, "email"),
                Phone = Items(service, "phones").Select(p => Text(p, "number")).FirstOrDefault(p => !string.IsNullOrWhiteSpace(p)),
                Languages = [.. Items(service, "languages").Select(l => Text(l, "code") ?? "").Where(c => c.Length > 0)],
                Cost = Text(service, "fees_description") ?? Text(service, "fees"),
                Eligibility = Text(service, "eligibility_description"),
                LastReviewedOn = Text(service, "assured_date"),
                Active = Text(service, "status"),
            };
            ApplyAreas(form, areas);
            rows.Add(new HsdsRow(where, form));
        }
        return new HsdsFile(rows, []);
    }

    private static string? OrganizationOrNull(string? organization, string? serviceName) =>
        string.IsNullOrWhiteSpace(organization) || string.Equals(organization.Trim(), serviceName?.Trim(), StringComparison.Ordinal)
            ? null : organization.Trim();

    /// <summary>
    /// Reads service areas: extent_type "text" with extent "country:US", "state:TX" or "zip_radius:77030:25" (what the
    /// export writes), or extent_type "country", "state" or "zip_radius" with the code in extent or name.
    /// </summary>
    private static void ApplyAreas(ResourceForm form, List<(string? Name, string? Extent, string? Type)> areas)
    {
        var parsed = areas.Select(a =>
        {
            var extent = (a.Extent ?? "").Trim();
            var type = (a.Type ?? "").Trim().ToLowerInvariant();
            if (type is "text" or "" && extent.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
            {
                return (Kind: extent[..colon].ToLowerInvariant(), Value: extent[(colon + 1)..]);
            }
            return type switch
            {
                "country" => (Kind: "country", Value: extent),
                "state" => (Kind: "state", Value: extent.Length > 0 ? extent : (a.Name ?? "").Trim()),
                "zip_radius" => (Kind: "zip_radius", Value: $"{(a.Name ?? "").Trim()}:{extent}"),
                _ => (Kind: type, Value: extent),
            };
        }).ToList();
        var kinds = parsed.Select(p => p.Kind).Distinct(StringComparer.Ordinal).ToList();
        if (parsed.Count == 0)
        {
            form.Area = null;
        }
        else if (kinds.Count > 1)
        {
            form.Area = "mixed";
        }
        else if (kinds[0] == "country")
        {
            form.Area = nameof(AreaServed.National);
        }
        else if (kinds[0] == "state")
        {
            form.Area = nameof(AreaServed.State);
            form.States = string.Join(",", parsed.Select(p => p.Value));
        }
        else if (kinds[0] == "zip_radius" && parsed.Count == 1)
        {
            form.Area = nameof(AreaServed.Radius);
            var parts = parsed[0].Value.Split(':');
            form.PostalCode = parts[0];
            form.RadiusMiles = parts.Length > 1 ? parts[1] : null;
        }
        else
        {
            form.Area = kinds[0];
        }
    }

    private sealed class Table(string name, List<string> header, List<List<string>> rows)
    {
        public string Name => name;
        public IEnumerable<(int Row, Func<string, string?> Get)> Rows => rows.Select((r, i) => (i + 2, (Func<string, string?>)(column =>
        {
            var index = header.FindIndex(h => string.Equals(h.Trim(), column, StringComparison.OrdinalIgnoreCase));
            return index >= 0 && index < r.Count && r[index].Length > 0 ? r[index] : null;
        })));
    }

    public static HsdsFile ReadCsv(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<string>();
        var tables = new Dictionary<string, Table>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, content) in files)
        {
            var rows = Csv.Read(content);
            if (rows is null)
            {
                problems.Add($"{name}: a quoted value never ends. Please check the quotes in the file.");
                continue;
            }
            if (rows.Count == 0)
            {
                continue;
            }
            tables[name] = new Table(name, rows[0], rows.Skip(1).ToList());
        }
        if (!tables.TryGetValue("services.csv", out var services))
        {
            problems.Add("The zip has no services.csv, so there is nothing to import.");
        }
        if (problems.Count > 0)
        {
            return new HsdsFile([], problems);
        }
        Table? Optional(string name) => tables.GetValueOrDefault(name);

        var organizations = (Optional("organizations.csv")?.Rows ?? []).Where(r => r.Get("id") is not null)
            .GroupBy(r => r.Get("id")!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Get("name"), StringComparer.Ordinal);
        var forms = new Dictionary<string, (string Where, ResourceForm Form, List<(string? Name, string? Extent, string? Type)> Areas)>(StringComparer.Ordinal);
        var result = new List<HsdsRow>();
        foreach (var (row, get) in services!.Rows)
        {
            var name = get("name");
            var where = $"services.csv row {row}" + (string.IsNullOrWhiteSpace(name) ? "" : $" (“{name}”)");
            var organizationId = get("organization_id");
            string? organization = null;
            if (organizationId is not null && !organizations.TryGetValue(organizationId, out organization) && Optional("organizations.csv") is not null)
            {
                problems.Add($"{where}: its organization_id “{organizationId}” is not in organizations.csv.");
            }
            var form = new ResourceForm
            {
                Id = get("id"), Name = name, Organization = OrganizationOrNull(organization, name), Description = get("description"),
                Website = get("url"), Email = get("email"), Active = get("status"), HowToContact = get("application_process"),
                Cost = get("fees_description") ?? get("fees"), Eligibility = get("eligibility_description") ?? get("eligibility"),
                LastReviewedOn = get("assured_date"), Languages = [],
            };
            var id = form.Id ?? $"row-{row}";
            if (forms.ContainsKey(id))
            {
                problems.Add($"{where}: the id “{id}” is used by another row too. Each service needs its own id.");
                continue;
            }
            forms[id] = (where, form, []);
            result.Add(new HsdsRow(where, form));
        }

        bool Find(Table table, int row, string? serviceId, out (string Where, ResourceForm Form, List<(string? Name, string? Extent, string? Type)> Areas) entry)
        {
            if (serviceId is not null && forms.TryGetValue(serviceId, out entry))
            {
                return true;
            }
            problems.Add($"{table.Name} row {row}: its service_id “{serviceId}” is not in services.csv.");
            entry = default;
            return false;
        }

        if (Optional("phones.csv") is { } phones)
        {
            foreach (var (row, get) in phones.Rows)
            {
                if (get("service_id") is null && get("organization_id") is not null)
                {
                    continue; // An organization's own phone; resources keep the service's phone.
                }
                if (Find(phones, row, get("service_id"), out var entry))
                {
                    entry.Form.Phone ??= get("number");
                }
            }
        }
        if (Optional("languages.csv") is { } languages)
        {
            foreach (var (row, get) in languages.Rows)
            {
                if (Find(languages, row, get("service_id"), out var entry))
                {
                    entry.Form.Languages = [.. entry.Form.Languages ?? [], get("code") ?? ""];
                }
            }
        }
        if (Optional("service_areas.csv") is { } areas)
        {
            foreach (var (row, get) in areas.Rows)
            {
                if (Find(areas, row, get("service_id"), out var entry))
                {
                    entry.Areas.Add((get("name"), get("extent"), get("extent_type")));
                }
            }
        }
        var terms = (Optional("taxonomy_terms.csv")?.Rows ?? []).Where(r => r.Get("id") is not null)
            .GroupBy(r => r.Get("id")!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Get("code"), StringComparer.Ordinal);
        if (Optional("attributes.csv") is { } attributes)
        {
            foreach (var (row, get) in attributes.Rows)
            {
                if (get("link_type") is { } type && !string.Equals(type, "service", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                if (Find(attributes, row, get("link_id"), out var entry))
                {
                    var termId = get("taxonomy_term_id");
                    entry.Form.Category ??= termId is not null && terms.TryGetValue(termId, out var code) && code is not null ? code : get("value")
                        ?? (termId?.StartsWith("category-", StringComparison.Ordinal) == true ? termId["category-".Length..] : termId);
                }
            }
        }
        foreach (var entry in forms.Values)
        {
            ApplyAreas(entry.Form, entry.Areas);
        }
        return new HsdsFile(result, problems);
    }
}
